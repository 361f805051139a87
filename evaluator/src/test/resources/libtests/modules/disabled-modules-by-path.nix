let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.l = mkOption { type = types.listOf types.str; default = []; }; } ./fixtures/adds-a.nix { disabledModules = [ ./fixtures/adds-a.nix ]; l = [ "kept" ]; } ]; }).config
