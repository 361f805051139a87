{
  modules = [ { system.services.foo = { process.argv = [ "/bin/foo" ]; systemd.service.serviceConfig.X-Bar = "x"; }; } ];
  select = out: show: show.unit "foo.service";
}
