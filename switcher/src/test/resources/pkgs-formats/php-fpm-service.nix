# A service module written the way nixpkgs' php-fpm service is (our own code, same pattern): RFC 42
# `settings` whose top-level atoms are the global section and whose attribute sets are pools, written
# with formats.iniWithGlobalSection and passed by path on the command line.
{ formats }:
{ config, lib, options, ... }:
let
  cfg = config.fpm;
  format = formats.iniWithGlobalSection { };
  configFile = format.generate "php-fpm.conf" {
    globalSection = lib.filterAttrs (_: v: !lib.isAttrs v) cfg.settings;
    sections = lib.filterAttrs (_: lib.isAttrs) cfg.settings;
  };
  pool = { name, ... }: {
    freeformType = with lib.types; attrsOf (oneOf [ str int bool ]);
    options = {
      listen = lib.mkOption { type = lib.types.str; default = "/run/php-fpm/${name}.sock"; };
      pm = lib.mkOption { type = lib.types.enum [ "static" "ondemand" "dynamic" ]; };
      "pm.max_children" = lib.mkOption { type = lib.types.int; };
    };
  };
in
{
  _class = "service";
  options.fpm = {
    package = lib.mkOption { type = lib.types.package; };
    settings = lib.mkOption {
      type = lib.types.submodule {
        freeformType = with lib.types; attrsOf (oneOf [ str int bool (submodule pool) ]);
        options.log_level = lib.mkOption {
          type = lib.types.enum [ "alert" "error" "warning" "notice" "debug" ];
          default = "notice";
        };
      };
      default = { };
    };
  };
  config = {
    fpm.settings = { error_log = "syslog"; daemonize = false; };
    process.argv = [ "${cfg.package}/bin/php-fpm" "-y" configFile ];
  } // lib.optionalAttrs (options ? systemd) {
    systemd.service.serviceConfig = { Type = "notify"; RuntimeDirectory = "php-fpm"; };
  };
}
