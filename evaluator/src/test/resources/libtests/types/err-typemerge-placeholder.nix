# attrsWith declarations with two specific placeholders do not merge.
let
  lib = import ./lib.nix;
  t = lib.types;
  declare = import ./declare.nix lib;
in
(declare [ (t.attrsWith { elemType = t.int; placeholder = "a"; }) (t.attrsWith { elemType = t.int; placeholder = "b"; }) ] [ { } ]).value
