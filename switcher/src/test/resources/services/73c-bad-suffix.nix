{
  modules = [ { system.services.foo = { process.argv = [ "/bin/x" ]; systemd.services."..".serviceConfig.X = "y"; }; } ];
  select = out: show: out.units;
}
