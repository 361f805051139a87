{
  modules = [
    {
      system.services.foo = { config, ... }: {
        process.argv = [ "+/bin/sh" "-c" "id" ];
        systemd.mainExecStart = "+" + config.systemd.lib.escapeSystemdExecArgs [ "/bin/sh" "-c" "id" ];
      };
    }
  ];
  select = out: show: builtins.filter (l: l.key == "ExecStart") out.units."foo.service".lines;
}
