{
  modules = [ { system.services.foo = { process.argv = [ "/bin/foo" ]; process.reloadSignal = "HUP"; process.reloadCommand = "/bin/ctl reload"; }; } ];
  select = out: show: out.failedAssertions;
}
