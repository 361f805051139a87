# A small file-set library: the part of nixpkgs' lib.fileset that option types and
# modules use (empty, union(s), difference, intersection, toList, isFileset, maybeMissing).
# A file set is { _type = "fileset"; files = { "<absolute path>" = <path>; }; }; paths coerce
# to the set of regular files below them. Nothing is copied to the store.
{ lib }:
let
  b = builtins;

  make = files: {
    _type = "fileset";
    inherit files;
  };

  filesUnder =
    p:
    let
      kind = lib.filesystem.pathType p;
    in
    if kind == "directory" then
      lib.filesystem.listFilesRecursive p
    else
      [ p ];

  # Coercion result in the style of nixpkgs: a reason when the value is not usable.
  attempt =
    v:
    if b.isAttrs v && v._type or null == "fileset" then
      { success = true; value = v; }
    else if b.isPath v then
      if b.pathExists v then
        {
          success = true;
          value = make (b.listToAttrs (map (f: { name = toString f; value = f; }) (filesUnder v)));
        }
      else
        {
          success = false;
          message = "lib.fileset: The path ${toString v} does not exist. To create a file set from a path that may not exist, use `lib.fileset.maybeMissing`.";
        }
    else if b.isString v then
      {
        success = false;
        message = "lib.fileset: The argument (${toString v}) is a string-like value, but it should be a file set or a path instead.";
      }
    else
      {
        success = false;
        message = "lib.fileset: The argument is of type ${b.typeOf v}, but it should be a file set or a path instead.";
      };

  coerce = v: let r = attempt v; in if r.success then r.value else throw r.message;
in
{
  isFileset = v: (attempt v).success;
  empty = make { };
  maybeMissing = p: if b.pathExists p then coerce p else make { };
  union = x: y: make ((coerce x).files // (coerce y).files);
  unions =
    sets:
    if !b.isList sets then
      throw "lib.fileset.unions: Argument is of type ${b.typeOf sets}, but it should be a list instead."
    else
      make (b.foldl' (acc: s: acc // (coerce s).files) { } sets);
  intersection = x: y: make (b.intersectAttrs (coerce x).files (coerce y).files);
  difference = x: y: make (removeAttrs (coerce x).files (b.attrNames (coerce y).files));
  toList = s: b.attrValues (coerce s).files;
}
