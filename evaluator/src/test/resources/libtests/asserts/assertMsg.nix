let lib = import <modsvc-lib>; in assert lib.assertMsg (1 == 2) "one is not two"; 1
