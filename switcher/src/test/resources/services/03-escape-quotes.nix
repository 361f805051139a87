{
  modules = [ { system.services.foo.process.argv = [ "/bin/x" "a\"b\\c\nd\te" "é;" ";" ]; } ];
  select = out: show: builtins.filter (l: l.key == "ExecStart") out.units."foo.service".lines;
}
