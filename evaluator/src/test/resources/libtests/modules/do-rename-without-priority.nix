let lib = import ./lib.nix; inherit (lib) mkOption types; in
let c = (lib.evalModules { modules = [ (lib.doRename { from = [ "a" ]; to = [ "b" ]; visible = true; warn = false; use = x: x; withPriority = false; }) { options.b = mkOption { type = types.int; }; } { a = lib.mkDefault 3; } ]; }); in { inherit (c.config) a b; prio = c.options.b.highestPrio; }
