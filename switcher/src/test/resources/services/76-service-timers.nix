# Service-level timers (issue 22 class 3), in the shape nixpkgs modules use: `systemd.timers.<k>'
# beside `systemd.services.<k>' under `mkIf', the primary `systemd.timer', a sub-service's timer,
# and keys whose only definitions are `mkIf false' (they vanish, no unit is made).
let
  backupModule = { lib, config, ... }: {
    options.backup.enable = lib.mkEnableOption "nightly backups";
    config = {
      process.argv = [ "/bin/app" ];
      systemd.services.backup = lib.mkIf config.backup.enable {
        serviceConfig.Type = "oneshot";
        serviceConfig.ExecStart = "/bin/app --backup";
      };
      systemd.timers.backup = lib.mkIf config.backup.enable {
        wantedBy = [ "timers.target" ];
        timerConfig = { OnCalendar = "daily"; Persistent = true; };
      };
      systemd.services.vacuum = lib.mkIf false { serviceConfig.ExecStart = "/bin/app --vacuum"; };
      systemd.timers.vacuum = lib.mkIf false { timerConfig.OnCalendar = "weekly"; };
    };
  };
in
{
  modules = [ {
    system.services.app = {
      imports = [ backupModule ];
      backup.enable = true;
      systemd.timer = { wantedBy = [ "timers.target" ]; timerConfig.OnBootSec = "5min"; };
      services.db = {
        process.argv = [ "/bin/db" ];
        systemd.timers.check = { wantedBy = [ "timers.target" ]; timerConfig = { OnUnitActiveSec = "1h"; Unit = "elsewhere.service"; }; };
      };
    };
    system.services.quiet = {
      imports = [ backupModule ];
    };
  } ];
  select = out: show: {
    names = show.names;
    primary = show.unit "app.timer";
    backup = show.unit "app-backup.timer";
    backupLinks = show.links "app-backup.timer" out.units."app-backup.timer";
    backupService = show.unit "app-backup.service";
    check = show.unit "app-db-check.timer";
    origin = out.units."app-backup.timer".origin;
  };
}
