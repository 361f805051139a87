{
  modules = [ ({ lib, pkgs, ... }: let m = lib.modules.importApply ./fixtures/pkg/service.nix { greeter = pkgs.hello; }; in {
    system.services.t1 = { imports = [ m ]; greet.message = "one"; };
    system.services.t2 = { imports = [ m ]; greet.message = "two"; };
  }) ];
  select = out: show: {
    t1 = builtins.filter (l: l.key == "ExecStart" || l.key == "After") out.units."t1.service".lines;
    t2 = builtins.filter (l: l.key == "ExecStart" || l.key == "After") out.units."t2.service".lines;
    files = map (c: { inherit (c) path; content = builtins.readFile c.source; }) out.configData;
  };
}
