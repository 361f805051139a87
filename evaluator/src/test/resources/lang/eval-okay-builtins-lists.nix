let l = [ 3 1 2 ]; in {
  head = builtins.head l;
  tail = builtins.tail l;
  at = builtins.elemAt l 2;
  filtered = builtins.filter (x: x > 1) l;
  sum = builtins.foldl' (a: b: a + b) 0 l;
  gen = builtins.genList (i: i * i) 4;
  sorted = builtins.sort builtins.lessThan l;
  cm = builtins.concatMap (x: [ x x ]) l;
  parts = builtins.partition (x: x > 1) l;
  groups = builtins.groupBy (x: if x > 1 then "big" else "small") l;
  any = builtins.any (x: x == 2) l;
  all = builtins.all (x: x > 0) l;
  elem = builtins.elem 4 l;
  flat = builtins.concatLists [ [ 1 ] [ ] [ 2 3 ] ];
  len = builtins.length l;
}
