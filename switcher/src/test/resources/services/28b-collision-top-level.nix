{
  modules = [ { system.services.db.process.argv = [ "/bin/db" ]; systemd.services.db.serviceConfig.X = "y"; } ];
  select = out: show: out.units;
}
