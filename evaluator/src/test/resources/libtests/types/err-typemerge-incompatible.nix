# Declarations with types that do not merge are rejected by the module system.
let
  lib = import ./lib.nix;
  t = lib.types;
  declare = import ./declare.nix lib;
in
(declare [ t.int t.str ] [ 1 ]).value
