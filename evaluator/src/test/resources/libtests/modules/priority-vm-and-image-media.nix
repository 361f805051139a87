let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.a = mkOption { type = types.str; }; options.b = mkOption { type = types.str; }; } { a = lib.mkForce "force"; b = lib.mkImageMediaOverride "image"; } { a = lib.mkVMOverride "vm"; b = "plain"; } ]; }).config
