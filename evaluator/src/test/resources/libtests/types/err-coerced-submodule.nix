# coercedTo cannot coerce from a submodule type.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
(option (t.coercedTo (t.submodule { }) (x: x) t.attrs) (defs [ { } ]))
