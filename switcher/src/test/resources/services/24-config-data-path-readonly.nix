{
  modules = [ { system.services.foo = { process.argv = [ "/bin/foo" ]; configData.x = { text = "a"; path = "/tmp/x"; }; }; } ];
  select = out: show: out.configData;
}
