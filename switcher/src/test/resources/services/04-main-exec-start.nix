{
  modules = [ { system.services.foo = { process.argv = [ "/unused" ]; systemd.mainExecStart = "/bin/sh -c \"echo %n\""; }; } ];
  select = out: show: builtins.filter (l: l.key == "ExecStart") out.units."foo.service".lines;
}
