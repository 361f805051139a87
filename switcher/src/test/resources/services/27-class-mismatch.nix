{
  modules = [ { imports = [ { _class = "service"; process.argv = [ "/bin/x" ]; } ]; } ];
  select = out: show: out.units;
}
