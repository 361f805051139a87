let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.a.b = mkOption { default = 1; }; } { _file = "bad.nix"; config.a = 5; } ]; }).config
