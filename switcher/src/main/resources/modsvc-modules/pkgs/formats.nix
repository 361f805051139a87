# `pkgs.formats` for RFC 42 `settings` options: the option types are nixpkgs'
# (pkgs/pkgs-lib/formats.nix), taken from the lib the modules use, so definitions merge exactly as
# there; the generators are ours (generators.nix) and write through `pkgs.writeText`.
# YAML is written as JSON, which is valid YAML 1.2 and, for what these types allow, YAML 1.1.
{ lib, writers }:
let
  gen = import ./generators.nix;
  inherit (writers) writeText;

  # Lazily: a format's `generate` works without `lib.types`, which only `type` needs.
  valueType = description: withNull:
    let
      t = lib.types;
      inner = t.oneOf [ t.bool t.int t.float t.str t.path (t.attrsOf self) (t.listOf self) ];
      self = (if withNull then t.nullOr inner else inner) // { inherit description; };
    in
    self;

  jsonLike = description: {
    type = valueType description true;
    generate = name: value: writeText name (gen.toPrettyJSON value);
  };

  singleAtom = description:
    lib.types.nullOr (lib.types.oneOf [ lib.types.bool lib.types.int lib.types.float lib.types.str ])
    // { inherit description; };

  # A key's value: one atom, or several (as a list) when lists become duplicate keys or one value.
  atomOf = { single, listsAsDuplicateKeys, listToValue, atomsCoercedToLists }:
    let
      t = lib.types;
      orList = if atomsCoercedToLists then t.coercedTo single lib.singleton else t.either single;
    in
    if listsAsDuplicateKeys then
      orList (t.listOf single) // { description = single.description + " or a list of them for duplicate keys"; }
    else if listToValue != null then
      orList (t.nonEmptyListOf single) // { description = single.description + " or a non-empty list of them"; }
    else
      single;

  applyListToValue = listToValue: section:
    if listToValue == null then section
    else builtins.mapAttrs (_: v: if builtins.isList v then listToValue v else v) section;
in
{
  json = { }: jsonLike "JSON value";
  yaml = { }: jsonLike "YAML 1.1 value";
  yaml_1_1 = { }: jsonLike "YAML 1.1 value";
  yaml_1_2 = { }: jsonLike "YAML 1.2 value";

  toml = { }: {
    type = valueType "TOML value" false;
    generate = name: value: writeText name (gen.toTOML value);
  };

  ini =
    { listsAsDuplicateKeys ? false, listToValue ? null, atomsCoercedToLists ? null, ... }@args:
    assert listsAsDuplicateKeys -> listToValue == null;
    assert atomsCoercedToLists != null -> (listsAsDuplicateKeys || listToValue != null);
    let
      atom = atomOf {
        single = singleAtom "INI atom (null, bool, int, float or string)";
        inherit listsAsDuplicateKeys listToValue;
        atomsCoercedToLists = if atomsCoercedToLists == null then false else atomsCoercedToLists;
      };
    in
    {
      type = lib.types.attrsOf (lib.types.attrsOf atom // {
        description = "section of an INI file (attrs of " + atom.description + ")";
      });
      lib.types.atom = atom;
      generate = name: value: writeText name (gen.toINI
        (builtins.removeAttrs args [ "listToValue" "atomsCoercedToLists" ])
        (builtins.mapAttrs (_: applyListToValue listToValue) value));
    };

  keyValue =
    { listsAsDuplicateKeys ? false, listToValue ? null, ... }@args:
    assert listsAsDuplicateKeys -> listToValue == null;
    {
      type = lib.types.attrsOf (atomOf {
        single = singleAtom "atom (null, bool, int, float or string)";
        inherit listsAsDuplicateKeys listToValue;
        atomsCoercedToLists = true;
      });
      generate = name: value: writeText name
        (gen.toKeyValue (builtins.removeAttrs args [ "listToValue" ]) (applyListToValue listToValue value));
    };
}
