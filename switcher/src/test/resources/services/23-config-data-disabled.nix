{
  modules = [ { system.services.foo = { process.argv = [ "/bin/foo" ]; configData.x = { enable = false; }; }; } ];
  select = out: show: { inherit (out) configData; unit = show.unit "foo.service"; };
}
