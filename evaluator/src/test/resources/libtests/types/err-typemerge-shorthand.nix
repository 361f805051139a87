# submoduleWith declarations must agree on shorthandOnlyDefinesConfig.
let
  lib = import ./lib.nix;
  t = lib.types;
  declare = import ./declare.nix lib;
in
(declare [ (t.submoduleWith { modules = [ ]; }) (t.submodule { }) ] [ { } ]).value
