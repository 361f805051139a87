# submoduleWith declarations must agree on class.
let
  lib = import ./lib.nix;
  t = lib.types;
  declare = import ./declare.nix lib;
in
(declare [ (t.submoduleWith { modules = [ ]; class = "a"; }) (t.submoduleWith { modules = [ ]; class = "b"; }) ] [ { } ]).value
