# `assertions', `warnings' and `meta.maintainers' of a service level (the generic NixOS
# assertion module and meta-maintainers module, restated for the service class).
{ lib, ... }:
let
  inherit (lib) mkOption types;
in
{
  options = import ../../assertions-options.nix {
    inherit lib;
    assertionsDescription = "Conditions that must hold; a failing one blocks deployment with its message.";
    warningsDescription = "Messages shown to the user at evaluation time.";
  } // {
    meta.maintainers = mkOption {
      type = types.listOf types.raw;
      default = [ ];
      description = "Maintainers of this service module (informational).";
    };
  };
}
