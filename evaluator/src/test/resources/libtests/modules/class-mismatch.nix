let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules { class = "nixos"; modules = [ { _class = "darwin"; _file = "mac.nix"; } ]; }).config
