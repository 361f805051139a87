let lib = import ./lib.nix; inherit (lib) mkOption types; in
let d = lib.modules.mapDefinitionValue (x: x + 1) (lib.mkForce 1); in (lib.evalModules { modules = [ { options.a = mkOption { type = types.listOf types.int; }; } { a = lib.modules.mapDefinitionValue (x: [ x ]) (lib.mkIf true (lib.mkMerge [ (lib.mkForce 1) (lib.mkAfter 2) ])); } { a = [ 0 ]; } ]; }).config // { inherit (d) content; }
