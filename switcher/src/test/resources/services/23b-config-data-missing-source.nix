{
  modules = [ { system.services.foo = { process.argv = [ "/bin/foo" ]; configData.x = { }; }; } ];
  select = out: show: out.configData;
}
