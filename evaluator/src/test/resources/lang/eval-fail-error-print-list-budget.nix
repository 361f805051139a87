# The 10-item budget is shared by the whole value and counted after nested items are printed.
"" + (let v = [ [ 1 2 3 4 5 6 7 8 ] [ 1 2 3 4 ] ]; in builtins.deepSeq v v)
