# A string is not a signed integer (reported by the module system from check).
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
(option (t.int) (defs [ "7" ]))
