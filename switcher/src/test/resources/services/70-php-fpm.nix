{
  modules = [ ({ lib, pkgs, ... }: {
    system.services.php = {
      imports = [ (lib.modules.importApply ./fixtures/php-fpm/service.nix { inherit (pkgs) php formats; }) ];
      php-fpm.settings.www = { listen = "/run/php-fpm/www.sock"; pm = "dynamic"; "pm.max_children" = 5; };
    };
  }) ];
  select = out: show: {
    unit = map (l: if builtins.substring 0 18 l == "X-Reload-Triggers=" then "X-Reload-Triggers=<php-fpm.conf source>" else l) (show.unit "php.service");
    triggerIsSource = builtins.readFile (builtins.head (builtins.filter (l: l.key == "X-Reload-Triggers") out.units."php.service".lines)).value == (builtins.head out.configData).source;
    files = map (c: { inherit (c) path; content = builtins.readFile c.source; }) out.configData;
  };
}
