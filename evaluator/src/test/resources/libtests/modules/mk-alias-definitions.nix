let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ ({ options, ... }: { options.src = mkOption { type = types.listOf types.int; default = []; }; options.dst = mkOption { type = types.listOf types.int; default = []; }; config.dst = lib.mkAliasDefinitions options.src; }) { src = lib.mkMerge [ [ 1 ] (lib.mkAfter [ 2 ]) ]; } ]; }).config
