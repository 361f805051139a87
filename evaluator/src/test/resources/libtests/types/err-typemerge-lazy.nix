# attrsOf and lazyAttrsOf do not merge.
let
  lib = import ./lib.nix;
  t = lib.types;
  declare = import ./declare.nix lib;
in
(declare [ (t.attrsOf t.int) (t.lazyAttrsOf t.int) ] [ { } ]).value
