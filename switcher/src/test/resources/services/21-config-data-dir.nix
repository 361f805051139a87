{
  modules = [ { system.services.foo = { process.argv = [ "/bin/foo" ]; services.api = { process.argv = [ "/bin/api" ]; configData.webroot.source = ./fixtures/webroot; }; }; } ];
  select = out: show: map (c: { inherit (c) service origin path; index = builtins.readFile (c.source + "/index.html"); }) out.configData;
}
