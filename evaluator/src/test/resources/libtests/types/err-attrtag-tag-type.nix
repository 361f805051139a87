# The tag's own option type checks the tagged value.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
(option (t.attrTag { i = lib.mkOption { type = t.int; }; }) (defs [ { i = "x"; } ])).i
