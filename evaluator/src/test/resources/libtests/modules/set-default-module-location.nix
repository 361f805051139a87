let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ (lib.setDefaultModuleLocation "located.nix" { nope = 1; }) { options.yes = mkOption { default = 1; }; } ]; }).config
