builtins.replaceStrings [ 1 ] [ "new" ] { }
