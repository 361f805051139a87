let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { _file = "one.nix"; options.a = mkOption { default = 1; }; } { _file = "two.nix"; options.a = mkOption { default = 2; }; } ]; }).config
