let s = { a.b = 1; c = null; }; in [ (s ? a) (s ? a.b) (s ? a.c) (s ? x.y) (s ? c) (s ? "a") ]
