let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.a = mkOption { type = types.listOf types.int; }; } { a = lib.mkMerge [ (lib.mkDefinition { file = "elsewhere.nix"; value = [ 1 ]; }) [ 2 ] ]; } ]; }).options.a.files
