let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.a = mkOption { type = types.int; default = 20; apply = x: x * 2 + 1; }; } ]; }).config
