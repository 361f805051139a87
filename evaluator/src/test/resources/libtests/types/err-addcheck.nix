# addCheck's predicate rejects the value.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
(option (t.addCheck t.int (x: x > 10)) (defs [ 3 ]))
