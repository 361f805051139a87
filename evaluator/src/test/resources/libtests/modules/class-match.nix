let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules { class = "nixos"; modules = [ { _class = "nixos"; options.a = mkOption { default = 1; }; } ]; }).config // { cls = (lib.evalModules { class = "nixos"; modules = [ ]; }).class; }
