{
  modules = [ { system.services.foo.process.argv = [ "/bin/sh" "-c" "echo %n and \${HOME}" ]; } ];
  select = out: show: builtins.filter (l: l.key == "ExecStart") out.units."foo.service".lines;
}
