{
  modules = [ { system.services.n = { process.argv = [ "/bin/n" ]; systemd.services.db.serviceConfig.X = "y"; services.db.process.argv = [ "/bin/db" ]; }; } ];
  select = out: show: out.units;
}
