{
  modules = [ {
    system.services.bar = {
      process.argv = [ "/bin/bar" ];
      services.db = {
        process.argv = [ "/bin/db" ];
        systemd.service.serviceConfig.RestartSec = "42";
      };
    };
  } ];
  select = out: show: { names = show.names; bar = show.unit "bar.service"; db = show.unit "bar-db.service"; };
}
