let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.a = mkOption { type = types.int; readOnly = true; }; } { a = 2; } ]; }).config
