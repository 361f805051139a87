# The host's configuration: two modules adding to one service's settings, one raising a default.
{ lib, pkgs, ... }:
{
  imports = [
    {
      system.services.php = {
        imports = [ (lib.modules.importApply ./php-fpm-service.nix { inherit (pkgs) formats; }) ];
        fpm.package = pkgs.php;
        fpm.settings = {
          log_level = "debug";
          www = { pm = "dynamic"; "pm.max_children" = 32; "listen.owner" = "nginx"; "php_admin_flag[log_errors]" = true; };
        };
      };
    }
    {
      system.services.php.fpm.settings = {
        emergency_restart_threshold = 10;
        admin = { pm = "static"; "pm.max_children" = 2; listen = "127.0.0.1:9001"; };
        www."pm.max_children" = lib.mkForce 50;
      };
    }
  ];
}
