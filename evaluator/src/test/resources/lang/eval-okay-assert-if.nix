let sign = x: if x < 0 then "neg" else if x == 0 then "zero" else "pos"; in assert sign 1 == "pos"; map sign [ (-3) 0 7 ]
