{
  modules = [ ({ lib, pkgs, ... }: {
    system.services.c1.imports = [ (lib.modules.importApply ./fixtures/counter/service.nix { counter = pkgs.busybox; defaultStep = 2; }) ];
    system.services.c2 = {
      imports = [ (lib.modules.importApply ./fixtures/counter/service.nix { counter = pkgs.busybox; defaultStep = 2; }) ];
      counter.step = 7;
    };
  }) ];
  select = out: show: map (u: builtins.filter (l: l.key == "ExecStart") out.units.${u}.lines) [ "c1.service" "c2.service" ];
}
