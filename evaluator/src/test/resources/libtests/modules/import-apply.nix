let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ (lib.modules.importApply ./fixtures/apply.nix { greeting = "hello"; }) { options.msg = mkOption { type = types.str; }; } ]; }).config
