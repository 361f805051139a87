let lib = import <modsvc-lib>; in lib.getExe' { type = "derivation"; outPath = "/o"; } 1
