let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.a.b = mkOption { type = types.int; }; } ]; }).config
