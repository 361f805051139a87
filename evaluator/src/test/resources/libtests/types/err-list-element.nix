# A bad list element is reported at its definition and entry.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
(option (t.listOf t.int) (defs [ [ 1 ] [ 2 "three" ] ]))
