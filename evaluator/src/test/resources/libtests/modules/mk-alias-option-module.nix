let lib = import ./lib.nix; inherit (lib) mkOption types; in
let c = (lib.evalModules { modules = [ (lib.mkAliasOptionModule [ "alias" ] [ "target" ]) { options.target = mkOption { type = types.int; }; } { alias = lib.mkDefault 3; } ]; }); in { inherit (c.config) alias target; prio = c.options.target.highestPrio; }
