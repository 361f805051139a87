let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.a = mkOption { type = types.int; }; } { a = lib.mkAssert true "never shown" 7; } ]; }).config
