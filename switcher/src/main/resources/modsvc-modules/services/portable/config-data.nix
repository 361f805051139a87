# The `configData' option of a service level.
{ pkgs }:
{ lib, ... }:
{
  options.configData = lib.mkOption {
    type = lib.types.lazyAttrsOf (lib.types.submodule (lib.modules.importApply ./config-data-item.nix pkgs));
    default = { };
    description = "Configuration files the service manager places at stable paths (`configData.<n>.path').";
  };
}
