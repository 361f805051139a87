# ints.between needs lowest <= highest.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
(option (t.ints.between 5 1) (defs [ 3 ]))
