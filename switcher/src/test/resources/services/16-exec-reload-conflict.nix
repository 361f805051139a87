{
  modules = [ { system.services.foo = { process.argv = [ "/bin/foo" ]; process.reloadCommand = "/b"; systemd.service.serviceConfig.ExecReload = "/a"; }; } ];
  select = out: show: show.unit "foo.service";
}
