# GVariant values in GLib's text format (nixpkgs' lib.gvariant), used for dconf settings.
# A value is { _type = "gvariant"; type; value; __toString; } where `type` is the GVariant type string.
{ lib }:
let
  b = builtins;
  join = sep: xs: b.concatStringsSep sep (map toString xs);

  types = {
    arrayOf = t: "a${t}";
    maybeOf = t: "m${t}";
    tupleOf = ts: "(${b.concatStringsSep "" ts})";
    dictionaryEntryOf = k: v: "{${k}${v}}";
    string = "s";
    boolean = "b";
    uchar = "y";
    int16 = "n";
    uint16 = "q";
    int32 = "i";
    uint32 = "u";
    int64 = "x";
    uint64 = "t";
    double = "d";
    variant = "v";
  };

  # `show` renders the value; by default it is the type-annotated form "@t value".
  gv =
    type: value: show:
    {
      _type = "gvariant";
      inherit type value;
      __toString = show;
    };
  annotated = type: value: gv type value (self: "@${self.type} ${toString self.value}");

  isGV = v: v._type or "" == "gvariant";

  # Integer constructors with their ranges; plain Nix ints are ambiguous and must be wrapped.
  intKinds = [
    { name = "mkInt32"; type = types.int32; min = -2147483648; max = 2147483647; }
    { name = "mkUint32"; type = types.uint32; min = 0; max = 4294967295; }
    { name = "mkInt64"; type = types.int64; min = null; max = null; }
    { name = "mkUint64"; type = types.uint64; min = 0; max = null; }
    { name = "mkInt16"; type = types.int16; min = -32768; max = 32767; }
    { name = "mkUint16"; type = types.uint16; min = 0; max = 65535; }
    { name = "mkUchar"; type = types.uchar; min = 0; max = 255; }
  ];

  from =
    v:
    if b.isBool v then
      boolean v
    else if b.isFloat v then
      double v
    else if b.isString v then
      string v
    else if b.isList v then
      array v
    else if isGV v then
      v
    else if b.isInt v then
      let
        fitting = b.filter (k: (k.min == null || k.min <= v) && (k.max == null || v <= k.max)) intKinds;
      in
      throw ''
        The GVariant type for number “${toString v}” is unclear.
        Please wrap the value with one of the following, depending on the value type in GSettings schema:
        ${b.concatStringsSep "\n" (map (k: "- `lib.gvariant.${k.name}` for `${k.type}`") fitting)}
      ''
    else if b.isAttrs v then
      throw "Cannot construct GVariant value from an attribute set. If you want to construct a dictionary, you will need to create an array containing items constructed with `lib.gvariant.mkDictionaryEntry`."
    else
      throw "The GVariant type of “${b.typeOf v}” can't be inferred.";

  array =
    elems:
    let
      vs = map from (lib.throwIf (elems == [ ]) "Please create empty array with mkEmptyArray." elems);
      first = (b.head vs).type;
      elemType = lib.throwIfNot (b.all (x: x.type == first) vs) "Elements in a list should have same type." first;
    in
    gv (types.arrayOf elemType) vs (self: "@${self.type} [${join "," self.value}]");

  maybe = t: x: gv (types.maybeOf t) x (self: if self.value == null then "@${self.type} nothing" else "just ${toString self.value}");

  boolean = v: gv types.boolean v (self: if self.value then "true" else "false");
  double = v: gv types.double v (self: toString self.value);
  string =
    v:
    gv types.string v (
      self: "'${b.replaceStrings [ "\n" ] [ "\\n" ] (lib.strings.escape [ "'" "\\" ] self.value)}'"
    );
in
{
  type = types;
  isGVariant = isGV;
  intConstructors = intKinds;
  mkValue = from;
  mkArray = array;
  mkEmptyArray = t: gv (types.arrayOf t) [ ] (self: "@${self.type} []");
  mkVariant = x: gv types.variant (from x) (self: "<${toString self.value}>");
  mkDictionaryEntry =
    k: v:
    let
      k' = from k;
      v' = from v;
    in
    gv (types.dictionaryEntryOf k'.type v'.type) {
      name = k;
      value = v;
    } (self: "@${self.type} {${toString k'},${toString v'}}");
  mkMaybe = maybe;
  mkNothing = t: maybe t null;
  mkJust = x: let x' = from x; in maybe x'.type x';
  mkTuple =
    elems:
    let
      vs = map from elems;
    in
    gv (types.tupleOf (map (x: x.type) vs)) vs (self: "@${self.type} (${join "," self.value})");
  mkBoolean = boolean;
  mkString = string;
  mkObjectpath = v: gv types.string v (self: "objectpath '${lib.strings.escape [ "'" ] self.value}'");
  mkUchar = annotated types.uchar;
  mkInt16 = annotated types.int16;
  mkUint16 = annotated types.uint16;
  mkInt32 = v: gv types.int32 v (self: toString self.value);
  mkUint32 = annotated types.uint32;
  mkInt64 = annotated types.int64;
  mkUint64 = annotated types.uint64;
  mkDouble = double;
}
