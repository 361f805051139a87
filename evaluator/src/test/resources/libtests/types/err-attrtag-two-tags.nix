# attrTag definitions must all choose the same tag.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
(option (t.attrTag { i = lib.mkOption { type = t.int; }; s = lib.mkOption { type = t.str; }; }) (defs [ { i = 1; } { s = "x"; } ]))
