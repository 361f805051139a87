# The portable base of a modular service (docs/upstream.md §1). `pkgs' is the service manager's package
# set, used only for `coreutils' (the derived reload command) and `writeText' (configData.text);
# service modules themselves receive no `pkgs'.
{ pkgs }:
{ lib, config, options, ... }:
let
  inherit (lib) mkOption types;
  flags = import ./flags.nix { inherit lib; };
  pathOrStr = types.coercedTo types.path (p: "${p}") types.str;
  flagItems = flags.orderedItems options.process.flags.loc options.process.flags.definitionsWithLocations;
in
{
  _class = "service";
  imports = [
    ./checks.nix
    (lib.modules.importApply ./config-data.nix { inherit pkgs; })
  ];

  options = {
    services = mkOption {
      type = types.attrsOf (
        types.submoduleWith {
          class = "service";
          modules = [ (lib.modules.importApply ./service.nix { inherit pkgs; }) ];
        }
      );
      default = { };
      visible = "shallow";
      description = "Sub-services owned by this service (no ordering or dependency is implied).";
    };
    process = {
      argv = mkOption {
        type = types.listOf pathOrStr;
        # The flag contribution below is an mkIf, and a list option whose definitions are all
        # false mkIfs silently becomes []; a missing argv must stay an error (ExecStart= would
        # otherwise be empty).
        apply =
          v:
          if options.process.argv.definitionsWithLocations == [ ] then
            throw "The option `${lib.showOption options.process.argv.loc}' was accessed but has no value defined. Try setting the option."
          else
            v;
        description = "Command and arguments: a raw argv, no shell, no escaping.";
      };
      flagFormat = mkOption {
        type = types.functionTo (types.attrsOf types.anything);
        default = flags.defaultFlagFormat;
        description = "Maps a flag name to a `lib.cli.toCommandLine' option spec.";
      };
      flags = mkOption {
        type = flags.flagsType;
        default = { };
        description = "Flags rendered into `process.argv' (after plain argv entries, before mkAfter ones).";
      };
      reloadSignal = mkOption {
        type = types.nullOr types.str;
        default = null;
        example = "HUP";
        description = "Signal name without `SIG' sent to the main process to reload.";
      };
      reloadCommand = mkOption {
        type = types.nullOr types.str;
        default = null;
        description = "Reload command line (a string, not an argv; `$MAINPID' kept as written).";
      };
    };
    notificationProtocol = {
      systemd = lib.mkEnableOption "sd_notify readiness notification";
      s6 = lib.mkEnableOption "s6 readiness notification";
    };
  };

  config = {
    # No flags must mean no definition at all, so a missing argv stays an error.
    process.argv = lib.mkIf (flagItems != [ ]) (
      lib.mkMerge (
        map (it: lib.mkOrder it.prio (flags.renderFlag (config.process.flagFormat it.key) it.key it.value)) flagItems
      )
    );
    process.reloadCommand = lib.mkIf (config.process.reloadSignal != null) (
      lib.mkDefault "${pkgs.coreutils}/bin/kill -${config.process.reloadSignal} $MAINPID"
    );
    assertions = [
      {
        # Only an explicit reloadCommand (stronger than mkDefault) conflicts with the signal.
        assertion = !(config.process.reloadSignal != null && options.process.reloadCommand.highestPrio < 1000);
        message = "reloadSignal conflicts with reloadCommand. Please either use reloadSignal or reloadCommand.";
      }
    ];
  };
}
