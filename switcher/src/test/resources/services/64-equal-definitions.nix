# Deliberate deviation from HM: two equal plain definitions merge (NixOS unitOption) in both modes.
{
  mode = "user";
  modules = [ { home.services.demo = { process.argv = [ "/bin/demo" ]; imports = [ { systemd.service.serviceConfig.Type = "exec"; } { systemd.service.serviceConfig.Type = "exec"; } ]; }; } ];
  select = out: show: builtins.filter (l: l.key == "Type") out.units."demo.service".lines;
}
