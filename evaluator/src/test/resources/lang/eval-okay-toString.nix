[ (toString [ 1 "a" null true false [ 2 ] ]) (toString 42) (toString null) (toString "s") (toString { __toString = self: "custom"; }) (toString { outPath = "/out"; }) ]
