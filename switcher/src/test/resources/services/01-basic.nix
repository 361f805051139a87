{
  modules = [ { system.services.foo.process.argv = [ "/bin/hello" "--greeting" "hoi" ]; } ];
  select = out: show: {
    names = show.names;
    unit = show.unit "foo.service";
    links = show.links "foo.service" out.units."foo.service";
  };
}
