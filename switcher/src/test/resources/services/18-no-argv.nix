{
  modules = [ { system.services.foo.systemd.service.serviceConfig.X-A = "b"; } ];
  select = out: show: show.unit "foo.service";
}
