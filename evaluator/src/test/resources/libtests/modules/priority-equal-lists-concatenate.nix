let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.l = mkOption { type = types.listOf types.str; default = [ "d" ]; }; } { l = lib.mkOverride 20 [ "x" ]; } { l = lib.mkOverride 20 [ "y" ]; } { l = lib.mkOverride 30 [ "z" ]; } ]; }).config
