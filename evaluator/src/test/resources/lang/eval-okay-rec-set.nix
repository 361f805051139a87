let s = rec { x = 2; y = x * x; z = { w = y + 1; }; }; in [ s.y s.z.w ]
