let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.l = mkOption { type = types.listOf types.int; }; } { key = "same"; l = [ 1 ]; } { key = "same"; l = [ 2 ]; } { key = "other"; l = [ 3 ]; } ]; }).config
