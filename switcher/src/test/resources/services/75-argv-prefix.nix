{
  modules = [ { system.services.foo = { process.argv = [ "+/bin/sh" "-c" "id" ]; }; } ];
  select = out: show: show.unit "foo.service";
}
