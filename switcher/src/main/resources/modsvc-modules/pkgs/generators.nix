# File generators for `pkgs.formats`, needing only builtins (so they work with any lib).
# INI and key-value follow nixpkgs' lib.generators (toINI, toKeyValue, mkValueStringDefault) with the
# same options and output; JSON is laid out as `jq .` does (what nixpkgs' formats.json runs) except
# that keys stay sorted and numbers keep Nix's rendering; TOML is standard TOML 1.0.
let
  inherit (builtins)
    attrNames concatStringsSep filter isAttrs isBool isFloat isInt isList isNull isPath isString
    isFunction length replaceStrings stringLength substring toJSON typeOf;

  concatMap = f: l: builtins.concatLists (map f l);
  isDerivation = v: isAttrs v && (v.type or null) == "derivation";
  # Sets Nix turns into strings (derivations, { outPath }, { __toString }) are leaves, as in toJSON.
  isStringLikeSet = v: isAttrs v && (v ? outPath || v ? __toString);

  escape = chars: replaceStrings chars (map (c: "\\${c}") chars);

  mkValueStringDefault = v:
    let err = t: throw "generators.mkValueStringDefault: ${t} not supported: ${toJSON v}"; in
    if isInt v then toString v
    else if isDerivation v then toString v
    else if isString v then v
    else if v == true then "true"
    else if v == false then "false"
    else if isNull v then "null"
    else if isList v then err "lists"
    else if isAttrs v then err "attrsets"
    else if isFunction v then throw "generators.mkValueStringDefault: functions not supported"
    else if isFloat v then toString v
    else err "this value is";

  mkKeyValueDefault = sep: k: v: "${escape [ sep ] k}${sep}${mkValueStringDefault v}";

  toKeyValue =
    { mkKeyValue ? mkKeyValueDefault "=", listsAsDuplicateKeys ? false, indent ? "", ... }:
    attrs:
    let
      line = k: v: indent + mkKeyValue k v + "\n";
      lines = k: v: if listsAsDuplicateKeys then map (line k) (if isList v then v else [ v ]) else [ (line k v) ];
    in
    concatStringsSep "" (concatMap (k: lines k attrs.${k}) (attrNames attrs));

  toINI =
    { mkSectionName ? (name: escape [ "[" "]" ] name), mkKeyValue ? mkKeyValueDefault "=",
      listsAsDuplicateKeys ? false, ... }:
    sections:
    concatStringsSep "\n" (map (name:
      "[${mkSectionName name}]\n" + toKeyValue { inherit mkKeyValue listsAsDuplicateKeys; } sections.${name})
      (attrNames sections));

  # ---------------------------------------------------------------- JSON, indented like `jq .`

  toPrettyJSON = value: json "" value + "\n";
  json = indent: v:
    let inner = indent + "  "; in
    if isList v then
      (if v == [ ] then "[]" else "[\n" + concatStringsSep ",\n" (map (x: inner + json inner x) v) + "\n" + indent + "]")
    else if isAttrs v && !isStringLikeSet v then
      (if v == { } then "{}" else
        "{\n" + concatStringsSep ",\n" (map (k: inner + toJSON k + ": " + json inner v.${k}) (attrNames v))
        + "\n" + indent + "}")
    else toJSON v;

  # ---------------------------------------------------------------- TOML

  bareKey = k: k != "" && builtins.match "[A-Za-z0-9_-]+" k != null;
  tomlKey = k: if bareKey k then k else toJSON k;
  tomlPath = path: concatStringsSep "." (map tomlKey path);
  isTable = v: isAttrs v && !isStringLikeSet v;
  isTableArray = v: isList v && v != [ ] && builtins.all isTable v;

  tomlValue = v:
    if isNull v then throw "TOML has no null value; remove the key or use another value"
    else if isBool v then (if v then "true" else "false")
    else if isInt v then toString v
    else if isFloat v then
      (let s = toJSON v; in if builtins.match ".*[.eE].*|.*(inf|nan).*" s != null then s else s + ".0")
    else if isList v then "[" + concatStringsSep ", " (map tomlValue v) + "]"
    else if isTable v then
      "{ " + concatStringsSep ", " (map (k: tomlKey k + " = " + tomlValue v.${k}) (attrNames v)) + " }"
    else toJSON v; # strings (JSON escapes are valid in TOML basic strings), paths, derivations

  # The plain keys of a table, then its sub-tables and arrays of tables, each under its own header.
  tomlTable = path: t:
    let
      names = attrNames t;
      plain = filter (k: !(isTable t.${k}) && !(isTableArray t.${k})) names;
      tables = filter (k: isTable t.${k}) names;
      arrays = filter (k: isTableArray t.${k}) names;
      body = concatStringsSep "" (map (k: tomlKey k + " = " + tomlValue t.${k} + "\n") plain);
      sub = k: "\n[${tomlPath (path ++ [ k ])}]\n" + tomlTable (path ++ [ k ]) t.${k};
      arr = k: concatStringsSep "" (map (e: "\n[[${tomlPath (path ++ [ k ])}]]\n" + tomlTable (path ++ [ k ]) e) t.${k});
    in
    body + concatStringsSep "" (map sub tables) + concatStringsSep "" (map arr arrays);

  toTOML = v:
    if !isTable v then throw "a TOML document must be an attribute set, not a ${typeOf v}"
    else let s = tomlTable [ ] v; in
      # No blank first line when the document starts with a table header.
      if substring 0 1 s == "\n" then substring 1 (stringLength s) s else s;
in
{
  inherit toKeyValue toINI toPrettyJSON toTOML mkValueStringDefault mkKeyValueDefault;
}
