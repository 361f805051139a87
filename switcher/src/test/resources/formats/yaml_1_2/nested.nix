lib: (import ../yaml_1_1/nested.nix lib) // { format = formats: formats.yaml_1_2 { }; }
