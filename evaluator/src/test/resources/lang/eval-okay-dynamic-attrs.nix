let n = "foo"; in { ${n} = 1; "${n}bar" = 2; "with space" = 3; ${if true then "cond" else "x"} = 4; }
