{
  mode = "user";
  modules = [ ({ lib, pkgs, ... }: {
    home.services.tunnel = {
      imports = [ (lib.modules.importApply ./fixtures/ghostunnel/service.nix { inherit (pkgs) ghostunnel; }) ];
      ghostunnel = { listen = "localhost:8443"; target = "localhost:80"; allowCN = [ "client" ]; cert = "/etc/cert.pem"; };
    };
  }) ];
  select = out: show: { unit = show.unit "tunnel.service"; links = show.links "tunnel.service" out.units."tunnel.service"; inherit (out) failedAssertions; };
}
