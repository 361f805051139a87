let lib = import ./lib.nix; inherit (lib) mkOption types; in
let r = lib.evalModules { modules = [ { key = "a"; imports = [ { key = "b"; } ]; } { key = "c"; disabledModules = [ { key = "b"; } ]; } ]; }; in map (n: { inherit (n) key disabled; imports = map (i: { inherit (i) key disabled; }) n.imports; }) r.graph
