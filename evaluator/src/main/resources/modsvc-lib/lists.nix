# List helpers with nixpkgs' lib.lists names and semantics.
# Built on builtins (genList, foldl', concatMap, partition, groupBy, sort) to stay linear where nixpkgs is.
{ lib }:
let
  b = builtins;
  inherit (b) length elemAt head tail genList filter elem isList;

  lesser = x: y: if x < y then x else y;
  greater = x: y: if x > y then x else y;

  slice =
    start: n: list:
    let
      len = length list;
      size = if start >= len then 0 else if start + n > len then len - start else n;
    in
    genList (i: elemAt list (i + start)) size;

  firstIndex =
    pred: fallback: list:
    let
      # Negative accumulator means "not found yet, at position -acc-1"; stays lazy in unvisited predicates.
      found = b.foldl' (acc: x: if acc < 0 then (if pred x then -acc - 1 else acc - 1) else acc) (-1) list;
    in
    if found < 0 then fallback else found;

  foldRight =
    op: nul: list:
    let
      len = length list;
      go = i: if i == len then nul else op (elemAt list i) (go (i + 1));
    in
    go 0;

  foldLeftLazy =
    op: nul: list:
    let
      go = i: if i == -1 then nul else op (go (i - 1)) (elemAt list i);
    in
    go (length list - 1);

  lexCompare =
    cmp: xs: ys:
    if xs == [ ] then
      (if ys == [ ] then 0 else -1)
    else if ys == [ ] then
      1
    else
      let
        r = cmp (head xs) (head ys);
      in
      if r == 0 then lexCompare cmp (tail xs) (tail ys) else r;

  reversed = (import ./primitives.nix { }).reverseList;

  depthFirst =
    stopOnCycles: before: list:
    let
      visit =
        current: visited: rest:
        let
          loops = filter (x: before x current) visited;
          split = b.partition (x: before x current) rest;
        in
        if stopOnCycles && loops != [ ] then
          {
            cycle = current;
            inherit loops visited rest;
          }
        else if split.right == [ ] then
          {
            minimal = current;
            inherit visited rest;
          }
        else
          visit (head split.right) ([ current ] ++ visited) (tail split.right ++ split.wrong);
    in
    visit (head list) [ ] (tail list);

  topoSort =
    before: list:
    let
      search = depthFirst true before list;
      remaining = topoSort before (search.visited ++ search.rest);
    in
    if length list < 2 then
      { result = list; }
    else if search ? cycle then
      {
        cycle = reversed ([ search.cycle ] ++ search.visited);
        inherit (search) loops;
      }
    else if remaining ? cycle then
      remaining
    else
      { result = [ search.minimal ] ++ remaining.result; };

  uniqueOf = b.foldl' (acc: x: if elem x acc then acc else acc ++ [ x ]) [ ];

  isPrefix = xs: ys: slice 0 (length xs) ys == xs;
in
{
  inherit (b)
    head tail length isList elemAt concatLists filter elem genList map concatMap any all partition sort
    ;

  singleton = x: [ x ];
  forEach = xs: f: map f xs;
  foldr = foldRight;
  fold = lib.warn "fold has been deprecated, use foldr instead" foldRight;
  foldl = foldLeftLazy;
  foldl' = op: acc: b.seq acc (b.foldl' op acc);
  imap0 = f: xs: genList (i: f i (elemAt xs i)) (length xs);
  imap1 = f: xs: genList (i: f (i + 1) (elemAt xs i)) (length xs);
  ifilter0 =
    pred: xs: map (i: elemAt xs i) (filter (i: pred i (elemAt xs i)) (genList (i: i) (length xs)));
  flatten = x: if isList x then b.concatMap lib.lists.flatten x else [ x ];
  remove = x: filter (y: y != x);
  findSingle =
    pred: none: many: xs:
    let
      hits = filter pred xs;
    in
    if hits == [ ] then none else if length hits != 1 then many else head hits;
  findFirstIndex = firstIndex;
  findFirst =
    pred: fallback: xs:
    let
      i = firstIndex pred null xs;
    in
    if i == null then fallback else elemAt xs i;
  count = pred: b.foldl' (n: x: if pred x then n + 1 else n) 0;
  optional = cond: x: if cond then [ x ] else [ ];
  optionals = cond: xs: if cond then xs else [ ];
  toList = x: if isList x then x else [ x ];
  range = from: to: if from > to then [ ] else genList (i: from + i) (to - from + 1);
  replicate = n: x: genList (_: x) n;
  groupBy = b.groupBy;
  groupBy' = op: nul: key: xs: b.mapAttrs (_: foldLeftLazy op nul) (b.groupBy key xs);
  zipListsWith = f: xs: ys: genList (i: f (elemAt xs i) (elemAt ys i)) (lesser (length xs) (length ys));
  zipLists = lib.lists.zipListsWith (fst: snd: { inherit fst snd; });
  reverseList = reversed;
  listDfs = depthFirst;
  toposort = topoSort;
  sortOn =
    key: xs:
    map (p: elemAt p 1) (b.sort (x: y: head x < head y) (map (x: [ (key x) x ]) xs));
  compareLists = lexCompare;
  naturalSort =
    xs:
    let
      # Split once per element so sorting does not repeat the regex work.
      chunks = s: map (c: if isList c then lib.strings.toInt (head c) else c) (b.split "(0|[1-9][0-9]*)" s);
      keyed = map (s: [ (chunks s) s ]) xs;
    in
    map (p: elemAt p 1) (b.sort (x: y: lexCompare lib.trivial.compare (head x) (head y) < 0) keyed);
  take = n: slice 0 n;
  takeEnd = n: xs: slice (greater 0 (length xs - n)) (length xs) xs;
  drop = n: xs: slice n (length xs) xs;
  dropEnd = n: xs: slice 0 (greater 0 (length xs - n)) xs;
  sublist = slice;
  hasPrefix = isPrefix;
  removePrefix =
    prefix: xs:
    if isPrefix prefix xs then
      slice (length prefix) (length xs) xs
    else
      throw "lib.lists.removePrefix: First argument is not a list prefix of the second argument";
  commonPrefix =
    xs: ys:
    let
      differs = lib.lists.zipListsWith (x: y: x != y) xs ys;
    in
    slice 0 (firstIndex (d: d) (length differs) differs) xs;
  last =
    xs:
    assert lib.assertMsg (xs != [ ]) "lists.last: list must not be empty!";
    elemAt xs (length xs - 1);
  init =
    xs:
    assert lib.assertMsg (xs != [ ]) "lists.init: list must not be empty!";
    slice 0 (length xs - 1) xs;
  crossLists = f: foldLeftLazy (fs: args: b.concatMap (g: map g args) fs) [ f ];
  unique = uniqueOf;
  uniqueStrings = xs: b.attrNames (b.groupBy (s: s) xs);
  allUnique = xs: length (uniqueOf xs) == length xs;
  intersectLists = xs: filter (y: elem y xs);
  subtractLists = xs: filter (y: !elem y xs);
  mutuallyExclusive = xs: ys: xs == [ ] || !(b.any (y: elem y xs) ys);
  concatAttrValues = set: b.concatLists (b.attrValues set);
  replaceElemAt =
    xs: idx: x:
    assert lib.assertMsg (idx >= 0 && idx < length xs)
      "'lists.replaceElemAt' called with index ${toString idx} on a list of size ${toString (length xs)}";
    genList (i: if i == idx then x else elemAt xs i) (length xs);
}
