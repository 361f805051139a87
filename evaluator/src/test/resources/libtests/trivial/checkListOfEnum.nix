let lib = import <modsvc-lib>; in
lib.checkListOfEnum "fruit" [ "apple" "pear" ] [ "pear" "kiwi" "fig" ] "unreachable"
