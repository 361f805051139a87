let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ (lib.mkChangedOptionModule [ "level" ] [ "mode" ] (config: if config.level > 5 then "high" else "low")) { options.mode = mkOption { type = types.str; default = "none"; }; options.warnings = mkOption { type = types.listOf types.str; default = []; }; } { _file = "user.nix"; level = 9; } ]; }).config
