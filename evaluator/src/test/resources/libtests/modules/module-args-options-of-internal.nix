let lib = import ./lib.nix; inherit (lib) mkOption types; in
let r = lib.evalModules { modules = [ ]; specialArgs.s = 1; }; in { check = r._module.check; freeform = r._module.freeformType; special = r._module.specialArgs; hasExtend = r._module.args ? extendModules; }
