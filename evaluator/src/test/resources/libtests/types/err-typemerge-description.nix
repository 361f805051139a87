# submoduleWith declarations must agree on the description.
let
  lib = import ./lib.nix;
  t = lib.types;
  declare = import ./declare.nix lib;
in
(declare [ (t.submoduleWith { modules = [ ]; description = "a"; }) (t.submoduleWith { modules = [ ]; description = "b"; }) ] [ { } ]).type.description
