let lib = import <modsvc-lib>; in
lib.debug.throwTestFailures { failures = lib.runTests { testX = { expr = 1; expected = 2; }; }; }
