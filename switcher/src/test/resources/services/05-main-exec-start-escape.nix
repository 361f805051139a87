{
  modules = [
    ({ config, ... }: {
      system.services.foo = { config, ... }: {
        process.argv = [ "h" "m%n $1" ];
        systemd.mainExecStart = config.systemd.lib.escapeSystemdExecArgs config.process.argv + " --systemd-unit %n";
      };
    })
  ];
  select = out: show: builtins.filter (l: l.key == "ExecStart") out.units."foo.service".lines;
}
