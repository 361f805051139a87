# either refuses an inner v2 type whose check was replaced with //.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
(option (t.either (t.listOf t.int // { check = builtins.isList; }) t.str) (defs [ [ 1 ] ]))
