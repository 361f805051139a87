{
  modules = [ {
    system.services.a = { process.argv = [ "/bin/a" ]; process.reloadCommand = "/bin/myctl reload"; };
    system.services.b = { config, ... }: {
      process.argv = [ "/bin/b" ];
      process.reloadCommand = "/bin/myctl reload";
      systemd.mainExecReload = config.process.reloadCommand + " %n";
    };
  } ];
  select = out: show: map (u: builtins.filter (l: l.key == "ExecReload") out.units.${u}.lines) [ "a.service" "b.service" ];
}
