let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ ({ nope, ... }: { options.a = mkOption { default = nope; }; }) ]; }).config
