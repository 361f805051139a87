# A program installed on the host, shaped like the nixpkgs derivation of the same name as far as
# modules look at one (`type`, `name`, `pname`, `meta.mainProgram`, `outPath`, the `out` output).
# `outPath` is only resolved when used, so naming a missing package is harmless until its path is.
{ packagePrefix }:
{ name, mainProgram ? name, probe ? mainProgram }:
let
  self = {
    type = "derivation";
    inherit name;
    pname = name;
    version = "";
    meta = if mainProgram == null then { } else { inherit mainProgram; };
    outPath = packagePrefix name probe;
    outputs = [ "out" ];
    outputName = "out";
    out = self;
  };
in
self
