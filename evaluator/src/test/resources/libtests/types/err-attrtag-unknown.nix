# A tag that is not among the choices.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
(option (t.attrTag { i = lib.mkOption { type = t.int; }; }) (defs [ { j = 1; } ]))
