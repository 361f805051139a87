{
  modules = [ { system.services.foo = { process.argv = [ "/bin/x" ]; configData."../../etc/passwd".text = "x"; }; } ];
  select = out: show: out.configData;
}
