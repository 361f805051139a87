# A module for another class is rejected inside a classed submodule.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
in
option (t.submoduleWith { modules = [ ]; class = "svc"; }) [
  {
    file = "def1.nix";
    value = { _class = "nixos"; };
  }
]
