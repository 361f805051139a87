# A service-level timer in user mode: lifted like the system one, rendered in Home Manager's layout.
{
  mode = "user";
  modules = [ ({ lib, ... }: {
    home.services.sync = {
      process.argv = [ "/bin/sync-mail" ];
      systemd.service.serviceConfig.Type = "oneshot";
      systemd.service.wantedBy = lib.mkForce [ ];
      systemd.timer = lib.mkIf true { wantedBy = [ "timers.target" ]; timerConfig.OnCalendar = "*:0/15"; };
    };
  }) ];
  select = out: show: { names = show.names; timer = show.unit "sync.timer"; links = show.links "sync.timer" out.units."sync.timer"; };
}
