let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ (lib.modules.importJSON ./fixtures/config.json) { options.port = mkOption { type = types.int; }; options.name = mkOption { type = types.str; }; } ]; }).config
