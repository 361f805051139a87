let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules { specialArgs.flavour = "adds-a"; modules = [ ({ flavour, ... }: { imports = [ (./fixtures + "/${flavour}.nix") ]; options.l = mkOption { type = types.listOf types.str; }; }) ]; }).config
