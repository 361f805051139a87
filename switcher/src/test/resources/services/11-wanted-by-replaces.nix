{
  modules = [ { system.services.foo = { process.argv = [ "/bin/foo" ]; systemd.service.wantedBy = [ "remote-fs.target" ]; }; } ];
  select = out: show: { wantedBy = out.units."foo.service".wantedBy; install = builtins.filter (l: l.section == "Install") out.units."foo.service".lines; };
}
