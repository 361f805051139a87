let lib = import <modsvc-lib>; in (lib.attrsets.unionOfDisjoint { a = 1; b = 1; } { a = 2; b = 2; }).a
