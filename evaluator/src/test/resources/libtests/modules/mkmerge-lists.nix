let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.l = mkOption { type = types.listOf types.int; }; } { l = lib.mkMerge [ [ 1 ] (lib.mkIf true [ 2 ]) (lib.mkIf false [ 3 ]) [ 4 ] ]; } ]; }).config
