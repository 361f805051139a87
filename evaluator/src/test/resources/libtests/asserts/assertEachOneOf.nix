let lib = import <modsvc-lib>; in assert lib.asserts.assertEachOneOf "colors" [ "red" "blue" ] [ "red" ]; 1
