{
  modules = [ { system.services.foo = { process.argv = [ "/bin/x" ]; services."".process.argv = [ "/bin/y" ]; }; } ];
  select = out: show: out.units;
}
