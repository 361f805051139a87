let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.a = mkOption { type = types.int; }; } { a = lib.mkAssert false "a must be small" 7; } ]; }).config
