let
  lib = import <modsvc-lib>;
  xs = [ 3 1 2 ];
in
{
  singleton = lib.singleton 1;
  forEach = lib.forEach [ 1 2 ] (x: x * 2);
  foldr = lib.foldr (x: acc: "(${toString x} ${acc})") "nil" [ 1 2 3 ];
  foldl = lib.foldl (acc: x: "(${acc} ${toString x})") "nil" [ 1 2 3 ];
  foldl' = lib.foldl' (acc: x: acc + x) 0 [ 1 2 3 ];
  fold = lib.lists.foldr (a: b: a - b) 0 [ 10 3 ];
  imap0 = lib.imap0 (i: x: "${toString i}${x}") [ "a" "b" ];
  imap1 = lib.imap1 (i: x: "${toString i}${x}") [ "a" "b" ];
  ifilter0 = lib.ifilter0 (i: x: i == 0 || x > 2) [ 1 2 3 ];
  concatMap = lib.concatMap (x: [ x x ]) [ 1 2 ];
  flatten = lib.flatten [ 1 [ 2 [ 3 [ ] ] ] [ [ 4 ] ] 5 ];
  flattenScalar = lib.flatten 1;
  remove = lib.remove 3 [ 1 3 2 3 ];
  findSingle = [
    (lib.findSingle (x: x == 3) "none" "multiple" [ 1 3 3 ])
    (lib.findSingle (x: x == 3) "none" "multiple" [ 1 3 ])
    (lib.findSingle (x: x == 3) "none" "multiple" [ 1 9 ])
  ];
  findFirst = [ (lib.findFirst (x: x > 3) 7 [ 1 6 4 ]) (lib.findFirst (x: x > 9) 7 [ 1 6 4 ]) ];
  findFirstLazy = lib.findFirst (x: x == 1) null [ 1 (throw "not forced") ];
  findFirstIndex = [ (lib.lists.findFirstIndex (x: x > 3) null [ 0 6 4 ]) (lib.lists.findFirstIndex (x: x > 9) null [ 0 6 4 ]) ];
  any = lib.any (x: x == 2) xs;
  all = lib.all (x: x > 0) xs;
  count = lib.count (x: x > 1) xs;
  optional = [ (lib.optional true 1) (lib.optional false 1) ];
  optionals = [ (lib.optionals true [ 1 2 ]) (lib.optionals false [ 1 2 ]) ];
  toList = [ (lib.toList 1) (lib.toList [ 1 ]) ];
  range = [ (lib.range 2 4) (lib.range 3 2) (lib.range (-1) 1) ];
  replicate = lib.replicate 3 "a";
  partition = lib.partition (x: x > 2) [ 5 1 2 3 4 ];
  groupBy = lib.groupBy (x: if x > 2 then "big" else "small") [ 1 2 3 4 ];
  groupBy' = lib.groupBy' builtins.add 0 (x: if x > 2 then "big" else "small") [ 1 2 3 4 ];
  zipListsWith = lib.zipListsWith (a: b: a + b) [ "h" "w" "x" ] [ "ello" "orld" ];
  zipLists = lib.zipLists [ 1 2 ] [ "a" "b" "c" ];
  reverseList = lib.reverseList [ 1 2 3 ];
  listDfs = lib.listDfs true (a: b: a == "/" || b == "/home/user") [ "/home/user" "other" "/" "/home" ];
  listDfsCycle = lib.listDfs true (a: b: true) [ 1 2 ];
  toposort = lib.toposort lib.hasPrefix [ "/home/user" "other" "/" "/home" ];
  toposortCycle = lib.toposort (a: b: a < b || a == 3) [ 3 2 1 ];
  sort = lib.sort (a: b: a < b) [ 3 1 2 ];
  sortOn = lib.sortOn (s: builtins.stringLength s) [ "ccc" "a" "bb" "x" ];
  naturalSort = lib.naturalSort [ "disk11" "disk8" "disk100" "disk9" "a" "disk08" ];
  compareLists = [
    (lib.compareLists lib.compare [ ] [ ])
    (lib.compareLists lib.compare [ ] [ 1 ])
    (lib.compareLists lib.compare [ 1 ] [ ])
    (lib.compareLists lib.compare [ 1 2 ] [ 1 3 ])
    (lib.compareLists lib.compare [ "b" ] [ "a" "z" ])
  ];
  take = [ (lib.take 2 [ 1 2 3 ]) (lib.take 5 [ 1 2 ]) (lib.take 0 [ 1 ]) ];
  takeEnd = [ (lib.takeEnd 2 [ 1 2 3 ]) (lib.takeEnd 5 [ 1 2 ]) (lib.takeEnd 0 [ 1 ]) ];
  drop = [ (lib.drop 2 [ 1 2 3 ]) (lib.drop 5 [ 1 2 ]) ];
  dropEnd = [ (lib.dropEnd 2 [ 1 2 3 ]) (lib.dropEnd 5 [ 1 2 ]) ];
  sublist = [ (lib.sublist 1 2 [ 1 2 3 4 ]) (lib.sublist 3 9 [ 1 2 3 4 ]) (lib.sublist 9 1 [ 1 ]) ];
  last = lib.last [ 1 2 3 ];
  init = lib.init [ 1 2 3 ];
  crossLists = lib.crossLists (a: b: "${toString a}${b}") [ [ 1 2 ] [ "a" "b" ] ];
  unique = lib.unique [ 3 1 3 2 1 ];
  uniqueStrings = lib.uniqueStrings [ "b" "a" "b" ];
  allUnique = [ (lib.allUnique [ 1 2 ]) (lib.allUnique [ 1 1 ]) ];
  intersectLists = lib.intersectLists [ 1 2 3 ] [ 6 3 2 ];
  subtractLists = lib.subtractLists [ 3 2 ] [ 1 2 3 4 5 3 ];
  mutuallyExclusive = [ (lib.mutuallyExclusive [ 1 2 ] [ 3 ]) (lib.mutuallyExclusive [ 1 2 ] [ 2 ]) (lib.mutuallyExclusive [ ] [ 1 ]) ];
  builtinsReexported = [ (lib.elemAt [ 1 2 ] 1) (lib.head [ 1 2 ]) (lib.tail [ 1 2 ]) (lib.length [ 1 2 ]) (lib.elem 1 [ 1 ]) (lib.isList [ ]) ];
  concatLists = lib.concatLists [ [ 1 ] [ ] [ 2 3 ] ];
  genList = lib.genList (i: i * i) 4;
  hasPrefix = [ (lib.lists.hasPrefix [ 1 2 ] [ 1 2 3 ]) (lib.lists.hasPrefix [ 2 ] [ 1 2 ]) (lib.lists.hasPrefix [ ] [ 1 ]) ];
  removePrefix = lib.lists.removePrefix [ 1 2 ] [ 1 2 3 ];
  commonPrefix = [ (lib.lists.commonPrefix [ 1 2 3 4 ] [ 1 2 4 ]) (lib.lists.commonPrefix [ 1 ] [ 2 ]) (lib.lists.commonPrefix [ 1 2 ] [ 1 2 ]) ];
  concatAttrValues = lib.concatAttrValues { a = [ 1 ]; b = [ 2 3 ]; };
  replaceElemAt = lib.replaceElemAt [ 1 2 3 ] 1 "x";
  filter = lib.filter (x: x != 2) [ 1 2 3 ];
  map = lib.map (x: x + 1) [ 1 ];
}
