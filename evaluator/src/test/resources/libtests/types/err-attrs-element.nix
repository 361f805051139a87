# A bad attribute value is reported at its attribute path.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
(option (t.attrsOf (t.listOf t.str)) (defs [ { a = [ "x" ]; } { b = "y"; } ]))
