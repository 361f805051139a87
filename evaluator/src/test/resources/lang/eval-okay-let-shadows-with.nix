let a = "let"; in with { a = "with"; b = "only-with"; }; [ a b ]
