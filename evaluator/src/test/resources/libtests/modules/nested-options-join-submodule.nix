let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.a = mkOption { type = types.submodule { options.x = mkOption { default = 1; }; }; default = {}; }; } { options.a.y = mkOption { default = 2; }; } ]; }).config
