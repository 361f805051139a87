let lib = import ./lib.nix; inherit (lib) mkOption types; in
{ inherit (lib.modules) defaultOverridePriority defaultOrderPriority; d = lib.mkDefault 1; o = lib.mkOptionDefault 1; f = lib.mkForce 1; v = lib.mkVMOverride 1; i = lib.mkImageMediaOverride 1; b = lib.mkBefore 1; a = lib.mkAfter 1; }
