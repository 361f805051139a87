# The NixOS unit schema at top level: script/preStart/reload → store scripts, path → PATH,
# environment (sorted, JSON-quoted), *IfChanged, startAt → a timer, enable = false → masked,
# aliases and install links.
{
  modules = [ ({ pkgs, ... }: {
    systemd.services.job = {
      description = "A job";
      after = [ "network.target" ];
      path = [ pkgs.coreutils pkgs.socat ];
      environment = { Z = "last"; A = "first \"q\""; N = null; };
      script = "echo hi";
      preStart = "mkdir -p /tmp/x";
      reload = "kill -HUP $MAINPID";
      reloadIfChanged = true;
      stopIfChanged = false;
      startAt = "daily";
      startLimitBurst = 3;
      serviceConfig.Type = "oneshot";
    };
    systemd.services.off = { enable = false; serviceConfig.ExecStart = "/bin/true"; };
    systemd.services.linked = {
      aliases = [ "other.service" ];
      requiredBy = [ "a.target" ];
      upheldBy = [ "b.target" ];
      restartIfChanged = false;
      serviceConfig.ExecStart = "/bin/true";
    };
  }) ];
  select = out: show:
    let
      scrub = l: if builtins.match "/nix/store/[a-z0-9]+-(.*)" l != null then "<store>/" + builtins.head (builtins.match "/nix/store/[a-z0-9]+-(.*)" l) else l;
      lines = u: map (l: "[${l.section}] ${l.key}=${scrub l.value}") out.units.${u}.lines;
    in
    {
      names = show.names;
      job = lines "job.service";
      startScript = builtins.readFile (builtins.head (builtins.filter (l: l.key == "ExecStart") out.units."job.service".lines)).value;
      timer = lines "job.timer";
      timerLinks = show.links "job.timer" out.units."job.timer";
      off = { inherit (out.units."off.service") masked origin; };
      linked = { inherit (out.units."linked.service") aliases masked; lines = lines "linked.service"; links = show.links "linked.service" out.units."linked.service"; };
    };
}
