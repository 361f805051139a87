let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.services.nginx.enable = mkOption { default = false; }; options.services.nginx.enabled2 = mkOption { default = false; }; } { _file = "user.nix"; services.nginx.enabel = true; } ]; }).config
