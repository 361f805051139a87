# Top-level NixOS-style `systemd.services', `systemd.sockets', `systemd.timers', `assertions',
# `warnings' and `modsvc.*', and the rendered units of the output contract (README.md).
{ lib, config, pkgs, modsvc, ... }:
let
  inherit (lib) mkOption types;
  mode = modsvc.mode;
  render = import ./render.nix { inherit lib mode; };
  names = import ../services/portable/names.nix { inherit lib; };
  unitsOf =
    kind: plural:
    mkOption {
      type = types.attrsOf (
        types.submodule (
          import ./unit.nix {
            inherit kind mode pkgs;
            optionPrefix = [ "systemd" plural ];
          }
        )
      );
      default = { };
      description = "systemd ${kind} units (the NixOS unit schema).";
    };
  output =
    kind: plural:
    lib.mapAttrs' (
      name: u:
      let
        checked = names.checkUnitPart "unit name" (lib.showOption [ "systemd" plural name ]) name;
        r = render.render kind u;
      in
      lib.nameValuePair "${checked}.${kind}" {
        inherit kind;
        inherit (u) origin overrideStrategy;
        masked = !u.enable;
        aliases = u.aliases;
        wantedBy = render.retarget u.wantedBy;
        requiredBy = render.retarget u.requiredBy;
        upheldBy = render.retarget u.upheldBy;
        inherit (r) sections;
        # what fails while a value is rendered (a build of pkgs.runCommand, a missing host package) names its unit
        lines = builtins.addErrorContext "while rendering the unit `${checked}.${kind}' of ${u.origin}" r.lines;
      }
    ) config.systemd.${plural};
in
{
  options = import ../assertions-options.nix {
    inherit lib;
    assertionsDescription = "Conditions that must hold; failing ones abort the switch.";
    warningsDescription = "Messages printed and logged at evaluation.";
  } // {
    systemd.services = unitsOf "service" "services";
    systemd.sockets = unitsOf "socket" "sockets";
    systemd.timers = unitsOf "timer" "timers";
    modsvc.configDataTriggers = mkOption {
      type = types.bool;
      default = true;
      description = ''
        Add the store paths of a service level's enabled configData to its primary unit's
        `X-Reload-Triggers' (when it has ExecReload) or `X-Restart-Triggers' (otherwise).
      '';
    };
    modsvc.output = mkOption {
      type = types.raw;
      readOnly = true;
      internal = true;
      description = "Rendered units, configData and messages (the output contract).";
    };
    modsvc.configDataFiles = mkOption {
      type = types.listOf types.raw;
      default = [ ];
      internal = true;
      description = "configData files `{ service; origin; path; source; }' contributed by the service integrations.";
    };
  };

  config = {
    # startAt: a timer of the same name, as NixOS does.
    systemd.timers = lib.mapAttrs (name: s: {
      wantedBy = [ "timers.target" ];
      timerConfig.OnCalendar = s.startAt;
      origin = lib.mkOverride 900 "${s.origin} (startAt)";
    }) (lib.filterAttrs (_: s: s.startAt != [ ]) config.systemd.services);

    modsvc.output = {
      units = output "service" "services" // output "socket" "sockets" // output "timer" "timers";
      configData = config.modsvc.configDataFiles;
      failedAssertions = map (a: a.message) (builtins.filter (a: !a.assertion) config.assertions);
      warnings = config.warnings;
    };
  };
}
