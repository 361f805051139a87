# systemd options of every service level (docs/upstream.md §2.1-2.2): unit modules keyed by suffix
# (`""' is the primary unit), the primary unit's defaults, and the same module for sub-services.
{ lib, config, ... }:
let
  inherit (lib) mkOption types mkDefault;
  escape = import ./escape.nix { inherit lib; };
  alias = import ./alias.nix { inherit lib; };
in
{
  _class = "service";
  imports = [
    (alias [ "systemd" "service" ] [ "systemd" "services" "" ])
    (alias [ "systemd" "socket" ] [ "systemd" "sockets" "" ])
  ];

  options = {
    systemd.lib = mkOption {
      type = types.lazyAttrsOf types.raw;
      readOnly = true;
      default = { inherit (escape) escapeSystemdExecArgs; };
      description = "Helpers for writing unit lines (`escapeSystemdExecArgs').";
    };
    systemd.mainExecStart = mkOption {
      type = types.str;
      default = config.systemd.lib.escapeSystemdExecArgs config.process.argv;
      defaultText = lib.literalExpression "config.systemd.lib.escapeSystemdExecArgs config.process.argv";
      description = "The primary `ExecStart=' line, verbatim (specifiers and variables are expanded by systemd).";
    };
    systemd.mainExecReload = mkOption {
      type = types.nullOr types.str;
      default = config.process.reloadCommand;
      defaultText = lib.literalExpression "config.process.reloadCommand";
      description = "The primary `ExecReload=' line, verbatim; `null' emits none.";
    };
    systemd.services = mkOption {
      type = types.lazyAttrsOf types.deferredModule;
      default = { };
      description = "NixOS `systemd.services' unit modules by suffix; `\"\"' is the primary unit.";
    };
    systemd.sockets = mkOption {
      type = types.lazyAttrsOf types.deferredModule;
      default = { };
      description = "NixOS `systemd.sockets' unit modules by suffix; `\"\"' is the primary socket.";
    };
    services = mkOption {
      type = types.attrsOf (
        types.submoduleWith {
          class = "service";
          modules = [ ./service.nix ];
        }
      );
      visible = false;
    };
  };

  config.systemd.services."" = {
    wantedBy = mkDefault [ "multi-user.target" ];
    serviceConfig = {
      Type = mkDefault (if config.notificationProtocol.systemd then "notify" else "simple");
      Restart = mkDefault "always";
      RestartSec = mkDefault "5";
      ExecStart = [ config.systemd.mainExecStart ];
      ExecReload = lib.mkIf (config.systemd.mainExecReload != null) config.systemd.mainExecReload;
    };
  };
}
