# What the build runs once to record the classes a typical evaluation loads (Java's AppCDS archive,
# agent/target/modsvc-agent.jsa, which bin/modsvc-agent uses to start faster). Not shipped in the jar.
let
  lib = import <modsvc-lib>;
  inherit (lib) mkOption mkDefault mkForce mkIf mkMerge mkBefore types;
  service = { name, config, ... }: {
    options = {
      enable = mkOption { type = types.bool; default = false; };
      port = mkOption { type = types.port; default = 8000; };
      tags = mkOption { type = types.listOf types.str; default = [ ]; };
      mode = mkOption { type = types.enum [ "fast" "safe" ]; default = "safe"; };
      extra = mkOption { type = types.attrsOf types.str; default = { }; };
      description = mkOption { type = types.nullOr types.str; default = null; };
      endpoint = mkOption { type = types.str; default = "${name}:${toString config.port}"; };
    };
  };
in
(lib.evalModules {
  modules = [
    { options.services = mkOption { type = types.attrsOf (types.submodule service); default = { }; }; }
    {
      services.a = { enable = mkDefault true; port = 81; tags = [ "x" ]; extra.owner = "me"; };
      services.b = mkMerge [ { mode = "fast"; } (mkIf true { tags = mkBefore [ "y" ]; }) ];
    }
    { services.a.enable = mkForce false; }
  ];
}).config
