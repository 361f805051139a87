{
  modules = [ {
    system.services.n = { process.argv = [ "/bin/n" ]; notificationProtocol.systemd = true; };
    system.services.e = { process.argv = [ "/bin/e" ]; notificationProtocol.systemd = true; systemd.service.serviceConfig.Type = "exec"; };
  } ];
  select = out: show: map (u: builtins.filter (l: l.key == "Type") out.units.${u}.lines) [ "n.service" "e.service" ];
}
