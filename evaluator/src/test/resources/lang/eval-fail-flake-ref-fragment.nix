builtins.parseFlakeRef "github:o/r#pkg"
