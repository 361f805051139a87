let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules { specialArgs.bar = "from-special"; modules = [ ({ foo, bar, ... }: { options.r = mkOption { default = foo + bar; }; }) { _module.args.foo = "from-args-"; } ]; }).config
