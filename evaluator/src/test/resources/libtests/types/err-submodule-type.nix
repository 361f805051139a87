# A wrongly typed option value inside a submodule, reported at its full path.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
(option (t.attrsOf (t.submodule { options.port = lib.mkOption { type = t.port; }; })) (defs [ { web.port = -1; } ]))
