# User mode: `home.services', configData under $XDG_CONFIG_HOME/home-services, and Home
# Manager's root default `wantedBy = default.target' at priority 950 (beats the portable
# mkDefault, loses to any plain definition; sub-services are retargeted at render time).
{ lib, modsvc, ... }:
{
  _class = "homeManager";
  imports = [
    (lib.modules.importApply ./lift.nix {
      optionLoc = [ "home" "services" ];
      configDataRoot =
        m:
        m.paths.configDataRoot or (
          if m.paths ? xdgConfigHome then
            "${m.paths.xdgConfigHome}/home-services"
          else
            throw "modsvc: user mode needs modsvc.paths.xdgConfigHome (or paths.configDataRoot)"
        );
      extraRootModules = [ { systemd.services."".wantedBy = lib.mkOverride 950 [ "default.target" ]; } ];
    })
  ];
}
