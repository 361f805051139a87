{
  modules = [ { system.services.foo = {
    process.argv = [ "/bin/foo" ];
    warnings = [ "w" ];
    services.db = { process.argv = [ "/bin/db" ]; assertions = [ { assertion = false; message = "m"; } { assertion = true; message = "ok"; } ]; };
  }; system.services."my.svc" = { process.argv = [ "/bin/x" ]; warnings = [ "dotted" ]; }; } ];
  select = out: show: { inherit (out) failedAssertions warnings; };
}
