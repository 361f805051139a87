let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.a = mkOption { type = types.int; description = "x"; }; } { options.a = mkOption { type = types.int; default = 4; }; } ]; }).config
