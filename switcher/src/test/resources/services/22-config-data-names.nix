{
  modules = [ { system.services.foo = { process.argv = [ "/bin/foo" ]; configData."ssl/cert.pem".source = ./fixtures/cert.pem; configData.x = { name = "y.conf"; text = "y"; }; }; } ];
  select = out: show: map (c: c.path) out.configData;
}
