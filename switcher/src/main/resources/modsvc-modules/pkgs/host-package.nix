# A package installed on the host, shaped like the nixpkgs derivation of the same name as far as
# modules look at one (`type', `name', `pname', `meta.mainProgram', `outPath', the `out' output).
# `outPath' is a tree in our store linking to the host's files (HostPackageTree): made from the
# Debian packages the table (./host-packages.nix) or `modsvc.hostPackages' names, and from PATH.
# It is only made when used, so naming a missing package is harmless until its path is.
{ hostPackageTree, overrides }:
let
  table = import ./host-packages.nix;
  toList = x: if builtins.isList x then x else [ x ];
in
{ name }:
let
  fact = table.${name} or { };
  own = overrides.${name} or { };
  pick = attr: default: if own ? ${attr} && own.${attr} != null then own.${attr} else fact.${attr} or default;
  mainProgram = pick "mainProgram" name;
  programs = builtins.mapAttrs (_: toList) ((fact.programs or { }) // (own.programs or { }));
  self = {
    type = "derivation";
    inherit name;
    pname = name;
    version = "";
    meta = if mainProgram == null then { } else { inherit mainProgram; };
    outPath = hostPackageTree {
      inherit name programs;
      debian = toList (pick "debian" name);
      # A package without a main program (coreutils) must still have some program to exist.
      required = if mainProgram != null then mainProgram else fact.probe or null;
    };
    outputs = [ "out" ];
    outputName = "out";
    out = self;
  };
in
self
