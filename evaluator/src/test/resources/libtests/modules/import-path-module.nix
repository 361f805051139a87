let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ ./fixtures/adds-a.nix { options.l = mkOption { type = types.listOf types.str; }; } ]; }).config
