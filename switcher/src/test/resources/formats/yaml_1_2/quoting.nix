lib: (import ../yaml_1_1/quoting.nix lib) // { format = formats: formats.yaml_1_2 { }; }
