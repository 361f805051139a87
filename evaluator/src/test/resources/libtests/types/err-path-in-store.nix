# A path outside the store is not a path in the Nix store.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
(option (t.pathInStore) (defs [ "/foo/bar" ]))
