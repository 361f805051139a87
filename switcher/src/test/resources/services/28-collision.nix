{
  modules = [ { system.services."a-b".process.argv = [ "/bin/x" ]; system.services.a = { process.argv = [ "/bin/a" ]; services.b.process.argv = [ "/bin/b" ]; }; } ];
  select = out: show: out.units;
}
