# Deliberate deviation from HM (docs/decisions.md §5): configData sources go into X-Restart-Triggers
# (one store file) because the unit has no ExecReload; with a reloadSignal they go into
# X-Reload-Triggers.
{
  mode = "user";
  modules = [ {
    home.services.demo = { process.argv = [ "/bin/demo" ]; configData."config.toml".text = "a = 1"; };
    home.services.reloading = { process.argv = [ "/bin/r" ]; process.reloadSignal = "HUP"; configData."config.toml".text = "a = 1"; };
  } ];
  select = out: show:
    let trig = u: map (l: { inherit (l) key; content = builtins.readFile l.value; }) (builtins.filter (l: builtins.match "X-.*-Triggers" l.key != null) out.units.${u}.lines); in
    {
      files = map (c: { inherit (c) service path; content = builtins.readFile c.source; }) out.configData;
      demo = trig "demo.service";
      reloading = trig "reloading.service";
      demoTriggerIsSource = builtins.readFile (builtins.head (builtins.filter (l: l.key == "X-Restart-Triggers") out.units."demo.service".lines)).value == (builtins.head out.configData).source;
    };
}
