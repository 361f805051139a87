let lib = import <modsvc-lib>; in lib.getAttrFromPath [ "a" "x" ] { a = { }; }
