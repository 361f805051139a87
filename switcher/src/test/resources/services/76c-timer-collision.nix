# A lifted timer and a top-level timer of the same name: an error naming both, as for services.
{
  modules = [ {
    system.services.app = { process.argv = [ "/bin/app" ]; systemd.timers.gc.timerConfig.OnCalendar = "daily"; };
    systemd.timers.app-gc.timerConfig.OnCalendar = "weekly";
  } ];
  select = out: show: show.unit "app-gc.timer";
}
