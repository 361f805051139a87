{
  modules = [ {
    system.services.bar = {
      process.argv = [ "/bin/bar" ];
      systemd.services.helper.serviceConfig.ExecStart = "/bin/x";
    };
  } ];
  select = out: show: { names = show.names; helper = show.unit "bar-helper.service"; links = show.links "bar-helper.service" out.units."bar-helper.service"; origin = out.units."bar-helper.service".origin; };
}
