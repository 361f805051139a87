# uniq rejects a second definition, even an equal one.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
(option (t.uniq t.int) (defs [ 1 1 ]))
