let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.a = mkOption { default = 1; }; } { _module.check = false; b = 2; } ]; }).config
