let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { imports = [ [ { } ] ]; } ]; }).config
