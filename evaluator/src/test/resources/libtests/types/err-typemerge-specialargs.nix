# submoduleWith declarations must not both give one specialArg.
let
  lib = import ./lib.nix;
  t = lib.types;
  declare = import ./declare.nix lib;
in
(declare [ (t.submoduleWith { modules = [ ]; specialArgs.x = 1; }) (t.submoduleWith { modules = [ ]; specialArgs.x = 1; }) ] [ ({ x, ... }: { }) ]).value
