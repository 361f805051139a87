let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.l = mkOption { type = types.listOf types.str; }; } { l = lib.mkAfter [ "last" ]; } { l = [ "middle" ]; } { l = lib.mkBefore [ "first" ]; } { l = lib.mkOrder 1200 [ "late" ]; } ]; }).config
