let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.a = mkOption { type = types.int; default = 0; }; } { a = lib.mkIf "yes" 1; } ]; }).config
