"" + (let v = { a.b.c.d.e.f.g.h.i.j.k.l = 1; }; in builtins.deepSeq v v)
