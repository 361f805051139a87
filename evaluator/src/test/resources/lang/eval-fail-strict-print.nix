{ ok = 1; bad = throw "found when printing deeply"; }
