# A store path is absolute by definition.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
(option (t.pathWith { inStore = true; absolute = false; }) (defs [ "/x" ]))
