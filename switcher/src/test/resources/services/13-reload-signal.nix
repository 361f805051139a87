{
  modules = [ { system.services.foo = { process.argv = [ "/bin/foo" ]; process.reloadSignal = "HUP"; }; } ];
  select = out: show: { reload = builtins.filter (l: l.key == "ExecReload") out.units."foo.service".lines; inherit (out) failedAssertions; };
}
