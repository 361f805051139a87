# unique shows its message when defined twice.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
(option (t.unique { message = "Set it in one place only."; } t.str) (defs [ "a" "b" ]))
