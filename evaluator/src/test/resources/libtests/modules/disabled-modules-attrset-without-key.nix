let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.l = mkOption { type = types.listOf types.str; default = []; }; } { _file = "disabler.nix"; disabledModules = [ { l = [ ]; } ]; } ]; }).config
