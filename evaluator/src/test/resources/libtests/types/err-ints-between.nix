# A value outside ints.between fails its check.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
(option (t.ints.between 0 10) (defs [ 11 ]))
