let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.a = mkOption { type = types.int; default = 0; }; options.b = mkOption { type = types.int; default = 0; }; } { a = lib.mkIf true 1; b = lib.mkIf false 2; } ]; }).config
