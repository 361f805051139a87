# An empty list is not a non-empty list.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
(option (t.nonEmptyListOf t.int) (defs [ [ ] ]))
