# attrTag names what it got when a tag is neither an option nor a type.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
(option (t.attrTag { i = { _type = "thing"; }; }) (defs [ { i = 1; } ]))
