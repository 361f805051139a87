let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.l = mkOption { type = types.listOf types.str; default = []; }; } { key = "noisy"; l = [ "noisy" ]; imports = [ { key = "child"; l = [ "child-of-noisy" ]; } ]; } { disabledModules = [ { key = "noisy"; } ]; l = [ "kept" ]; } ]; }).config
