let lib = import <modsvc-lib>; in lib.getExe' "hello" "hi"
