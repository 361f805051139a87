# System mode: `system.services', configData under /etc/system-services.
{ lib, modsvc, ... }:
{
  _class = "nixos";
  imports = [
    (lib.modules.importApply ./lift.nix {
      optionLoc = [ "system" "services" ];
      configDataRoot = m: m.paths.configDataRoot or "/etc/system-services";
      extraRootModules = [ ];
    })
  ];
}
