{
  modules = [ {
    system.services.a = {
      process.argv = [ "/bin/a" ];
      services.b = { process.argv = [ "/bin/b" ]; services.c.process.argv = [ "/bin/c" ]; };
    };
  } ];
  select = out: show: map (n: { name = n; origin = out.units.${n}.origin; }) show.names;
}
