{
  modules = [ ({ lib, ... }: { system.services.foo = { process.argv = [ "/bin/foo" ]; systemd.service.serviceConfig.ExecStart = lib.mkBefore [ "" ]; }; }) ];
  select = out: show: builtins.filter (l: l.key == "ExecStart") out.units."foo.service".lines;
}
