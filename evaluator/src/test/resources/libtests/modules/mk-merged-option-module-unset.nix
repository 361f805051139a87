let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ (lib.mkMergedOptionModule [ [ "a" ] [ "b" ] ] [ "c" ] (config: config.a + config.b)) { options.c = mkOption { type = types.int; default = 0; }; options.warnings = mkOption { type = types.listOf types.str; default = []; }; } ]; }).config
