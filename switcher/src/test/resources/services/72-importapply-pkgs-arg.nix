# Service modules get no `pkgs' argument (dependencies come by closure).
{
  modules = [ { system.services.p = { pkgs, ... }: { process.argv = [ "${pkgs.hello}/bin/hello" ]; }; } ];
  select = out: show: out.units;
}
