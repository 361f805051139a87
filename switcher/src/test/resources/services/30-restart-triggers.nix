{
  modules = [ {
    system.services.a = { process.argv = [ "/bin/a" ]; systemd.service.restartTriggers = [ "x" ]; };
    system.services.a2 = { process.argv = [ "/bin/c" ]; systemd.service.restartTriggers = [ "y" ]; };
  } ];
  select = out: show:
    let t = u: builtins.head (builtins.filter (l: l.key == "X-Restart-Triggers") out.units.${u}.lines); in
    {
      contentA = builtins.readFile (t "a.service").value;
      otherContentOtherValue = (t "a.service").value != (t "a2.service").value;
      section = (t "a.service").section;
    };
}
