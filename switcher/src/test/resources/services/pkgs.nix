# A stand-in for the agent's host package set (docs/decisions.md §3), for the golden tests: host
# packages live under /usr, builders write files with builtins.toFile.
{ lib }:
let
  hostPackage = n: {
    type = "derivation";
    name = n;
    pname = n;
    outPath = "/usr";
    meta.mainProgram = n;
  };
  known = {
    writeText = name: text: builtins.toFile name text;
    writeShellScript = name: text: builtins.toFile name "#!/bin/sh\n${text}";
    writeScript = name: text: builtins.toFile name text;
    runtimeShell = "/bin/sh";
    formats = {
      ini = { }: {
        type = lib.types.attrsOf (lib.types.attrsOf lib.types.anything);
        generate = name: v: builtins.toFile name (lib.generators.toINI { } v);
      };
      json = { }: {
        type = lib.types.anything;
        generate = name: v: builtins.toFile name (builtins.toJSON v);
      };
    };
  };
in
# Any other name is a host package.
known // builtins.listToAttrs (map (n: lib.nameValuePair n (hostPackage n)) [
  "coreutils" "systemd" "bash" "mpd" "ghostunnel" "php" "hello" "python3" "busybox" "socat"
])
