let
  lib = import <modsvc-lib>;
  gv = lib.gvariant;
in
{
  values = map (v: toString (gv.mkValue v)) [
    true 3.14 "it's\\\n" [ "one" ] (gv.mkInt32 (-42)) (gv.mkUint32 42) (gv.mkInt16 (-4)) (gv.mkUint16 4) (gv.mkInt64 (-42)) (gv.mkUint64 42) (gv.mkUchar 7)
    (gv.mkArray [ (gv.mkUint32 2) ]) (gv.mkEmptyArray gv.type.uint32) (gv.mkTuple [ (gv.mkInt32 1) [ "foo" ] ])
    (gv.mkNothing gv.type.string) (gv.mkJust (gv.mkUint32 4)) (gv.mkVariant "foo") (gv.mkDictionaryEntry (gv.mkInt32 1) [ "foo" ])
    (gv.mkObjectpath "/org/x")
  ];
  types = [ (gv.mkValue [ "a" ]).type (gv.type.tupleOf [ "s" "i" ]) (gv.type.dictionaryEntryOf "s" "v") (gv.type.maybeOf "u") ];
  isGVariant = [ (gv.isGVariant (gv.mkInt32 1)) (gv.isGVariant 1) ];
  toDconfINI = lib.generators.toDconfINI { "org/gnome/desktop" = { enabled = true; name = "x"; size = gv.mkInt32 3; }; };
}
