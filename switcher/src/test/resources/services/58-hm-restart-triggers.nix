# Deliberate deviation from HM: one unit schema for both modes, so restartTriggers are honoured.
{
  mode = "user";
  modules = [ { home.services.demo = { process.argv = [ "/bin/demo" ]; systemd.service.restartTriggers = [ "x" ]; }; } ];
  select = out: show: map (l: { inherit (l) section key; content = builtins.readFile l.value; }) (builtins.filter (l: l.key == "X-Restart-Triggers") out.units."demo.service".lines);
}
