{
  modules = [ { system.services."a/b".process.argv = [ "/bin/x" ]; } ];
  select = out: show: out.units;
}
