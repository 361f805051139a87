# listOf, attrsOf, lazyAttrsOf, nullOr, uniq and functionTo merging several
# definitions, including mkIf/mkOrder/mkOverride inside them.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
{
  listConcat = option (t.listOf t.int) (defs [ [ 1 2 ] [ 3 ] ]);
  listOrdered = option (t.listOf t.str) (defs [ [ "b" ] (lib.mkBefore [ "a" ]) (lib.mkAfter [ "z" ]) ]);
  listConditionalElement = option (t.listOf t.int) (defs [ [ 1 (lib.mkIf false 2) 3 ] ]);
  listOfLists = option (t.listOf (t.listOf t.int)) (defs [ [ [ 1 ] ] [ [ 2 3 ] ] ]);
  nonEmptyList = option (t.nonEmptyListOf t.str) (defs [ [ "x" ] ]);
  attrsDeep = option (t.attrsOf (t.attrsOf t.int)) (defs [ { a.x = 1; } { a.y = 2; b.z = 3; } ]);
  attrsOverride = option (t.attrsOf t.int) (defs [ { a = 1; b = 5; } { a = lib.mkForce 2; } ]);
  attrsConditional = option (t.attrsOf t.int) (defs [ { a = 1; gone = lib.mkIf false 2; } ]);
  lazyHasConditional = option (t.lazyAttrsOf t.int) (defs [ { a = 1; gone = lib.mkIf false 2; } ]) ? gone;
  lazyEmptyFallback = (option (t.lazyAttrsOf (t.listOf t.int)) (defs [ { a = lib.mkIf false [ 1 ]; } ])).a;
  attrsWithPlaceholder = option (t.attrsWith { elemType = t.str; placeholder = "user"; }) (defs [ { alice = "a"; } ]);
  nullAll = option (t.nullOr t.int) (defs [ null null ]);
  nullNone = option (t.nullOr t.int) (defs [ 5 5 ]);
  uniqOnce = option (t.uniq (t.listOf t.int)) (defs [ [ 1 2 ] ]);
  functionTo =
    let
      f = option (t.functionTo (t.listOf t.str)) (defs [ (x: [ x.a ]) (x: [ "${x.a}!" ]) ]);
    in
    f { a = "hi"; };
  functionToArgs = lib.functionArgs (option (t.functionTo t.int) (defs [ ({ a, b ? 1 }: a) ({ a ? 2, b ? 3 }: 0) ]));
  either = option (t.either t.int (t.listOf t.str)) (defs [ [ "a" ] [ "b" ] ]);
  oneOf = option (t.oneOf [ t.bool t.int t.str ]) (defs [ "s" ]);
  coercedTo = option (t.coercedTo t.int (n: [ (toString n) ]) (t.listOf t.str)) (defs [ 1 [ "two" ] 3 ]);
  addCheck = option (t.addCheck (t.listOf t.int) (l: builtins.length l < 3)) (defs [ [ 1 ] [ 2 ] ]);
}
