# nixpkgs' trivial builders (pkgs/build-support/trivial-builders), without a builder: the file goes
# straight into the evaluation's store and the result is a derivation-shaped set whose outPath is its
# store path, so `"${drv}"`, `drv + "/bin/x"` and `lib.getExe drv` work as with nixpkgs.
{ addTextFile, bash }:
let
  # Scripts written for nixpkgs' writeShellScript expect bash (nixpkgs' runtimeShell), so they get
  # the host's bash by absolute path rather than the POSIX /bin/sh of `pkgs.runtimeShell`.
  shebang = "#!${bash}/bin/bash\n";

  # What modules look at in a derivation of one output; builders.nix makes its results with it too.
  derivationShaped = { name, outPath, meta ? { }, passthru ? { } }:
    let
      self = passthru // {
        type = "derivation";
        inherit name meta outPath;
        outputs = [ "out" ];
        outputName = "out";
        out = self;
      };
    in
    self;

  hasPrefix = pre: s: builtins.substring 0 (builtins.stringLength pre) s == pre;

  writeTextFile =
    { name, text, executable ? false, destination ? "", meta ? { }, passthru ? { }, ... }:
    if destination != "" && (!hasPrefix "/" destination || destination == "/") then
      throw "destination must be an absolute path, relative to the derivation's out path, got '${destination}' instead."
    else
      derivationShaped {
        inherit name meta passthru;
        outPath = addTextFile {
          inherit name text executable;
          destination = builtins.substring 1 (-1) destination;
        };
      };

  binScript = shebangLine: name: text: writeTextFile {
    inherit name;
    text = shebangLine + text;
    executable = true;
    destination = "/bin/${name}";
    meta.mainProgram = name;
  };
in
{
  inherit writeTextFile derivationShaped;
  writeText = name: text: writeTextFile { inherit name text; };
  writeTextDir = path: text: writeTextFile {
    inherit text;
    name = builtins.baseNameOf path;
    destination = "/${path}";
  };
  writeScript = name: text: writeTextFile { inherit name text; executable = true; };
  writeScriptBin = binScript "";
  writeShellScript = name: text: writeTextFile {
    inherit name;
    text = shebang + text;
    executable = true;
  };
  writeShellScriptBin = binScript shebang;
  # nixpkgs concatenates with `cat`: the files' contents, in order, nothing in between.
  concatText = name: files: writeTextFile {
    inherit name;
    text = builtins.concatStringsSep "" (map builtins.readFile files);
  };
}
