# A small module-style example: a service "module" (a function from config to settings)
# evaluated against a configuration, showing let, functions with defaults, builtins,
# string interpolation and attribute-set merging.
let
  # What a user would write: options for one service instance.
  config = {
    name = "hello";
    port = 8080;
    greetings = [ "hello" "bonjour" "hallo" ];
  };

  # A "module": takes the config (and optional overrides) and produces service settings.
  helloService = { name, port, greetings, user ? "nobody", ... }: rec {
    description = "Greets in ${toString (builtins.length greetings)} languages";
    serviceConfig = {
      ExecStart = "/usr/bin/${name} --port ${toString port}";
      User = user;
      Restart = "on-failure";
    };
    environment = builtins.listToAttrs (map (g: {
      name = "GREETING_${builtins.replaceStrings [ "-" ] [ "_" ] (lib.toUpper g)}";
      value = g;
    }) greetings);
    wantedBy = [ "multi-user.target" ];
    unitText = ''
      [Unit]
      Description=${description}

      [Service]
      ExecStart=${serviceConfig.ExecStart}
    '';
  };

  # A tiny helper library, as nixpkgs' lib would provide.
  lib = rec {
    chars = s: builtins.genList (i: builtins.substring i 1 s) (builtins.stringLength s);
    lower = chars "abcdefghijklmnopqrstuvwxyz";
    upper = chars "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    toUpper = builtins.replaceStrings lower upper;
  };

  service = helloService (config // { user = "hello"; });
in
{
  services.${config.name} = service;
  ports = builtins.sort builtins.lessThan [ config.port 443 80 ];
  enabled = builtins.attrNames { ${config.name} = true; world = false; };
}
