let lib = import ./lib.nix; inherit (lib) mkOption types; in
let r = lib.mergeDefinitions [ "x" ] (types.listOf types.int) [ { file = "f1"; value = lib.mkIf true [ 1 ]; } { file = "f2"; value = lib.mkMerge [ [ 2 ] (lib.mkIf false [ 3 ]) ]; } ]; in { inherit (r) mergedValue isDefined; prio = r.defsFinal'.highestPrio; files = map (d: d.file) r.defsFinal; }
