let lib = import <modsvc-lib>; in lib.cli.toCommandLine (n: { option = n; sep = null; explicitBool = false; }) { "" = 1; }
