let s = { a = 1; n.m = 2; }; in [ (s.b or 2) (s.a or 3) (s.x.y or "d") (s.n.m or 0) (s.n.z or [ ]) ]
