# attrListOf entries must be single-key sets.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
(option (t.attrListOf t.int) (defs [ [ { a = 1; b = 2; } ] ]))
