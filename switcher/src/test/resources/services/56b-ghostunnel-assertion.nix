{
  modules = [ ({ lib, pkgs, ... }: {
    system.services.tunnel = {
      imports = [ (lib.modules.importApply ./fixtures/ghostunnel/service.nix { inherit (pkgs) ghostunnel; }) ];
      ghostunnel = { listen = "localhost:8443"; target = "localhost:80"; };
    };
  }) ];
  select = out: show: { inherit (out) failedAssertions; unit = show.unit "tunnel.service"; };
}
