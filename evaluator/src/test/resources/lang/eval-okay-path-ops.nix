[ (baseNameOf ./dir/file.nix) (builtins.isPath ./.) (builtins.typeOf (./a + "/b")) (baseNameOf (./a + "/b")) ]
