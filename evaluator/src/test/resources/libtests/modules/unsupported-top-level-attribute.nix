let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { key = "mod-with-both"; options.a = mkOption { default = 1; }; b = 2; } ]; }).config
