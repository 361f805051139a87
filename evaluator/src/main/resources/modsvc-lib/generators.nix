# Serialisers from Nix values to configuration formats, with nixpkgs' lib.generators
# names, options and output byte for byte.
{ lib }:
let
  b = builtins;
  inherit (b) isInt isFloat isString isBool isList isAttrs isPath concatStringsSep attrNames length head tail;
  inherit (lib.strings) escape escapeNixIdentifier;
  isFn = lib.trivial.isFunction;
  isDrv = lib.attrsets.isDerivation;
  mapToList = lib.attrsets.mapAttrsToList;

  scalarString =
    { }:
    v:
    let
      unsupported = what: x: abort "generators.mkValueStringDefault: ${what} not supported: ${pretty { } x}";
    in
    if isInt v then
      toString v
    else if isDrv v then
      toString v
    else if isString v then
      v
    else if v == true then
      "true"
    else if v == false then
      "false"
    else if v == null then
      "null"
    else if isList v then
      unsupported "lists" v
    else if isAttrs v then
      unsupported "attrsets" v
    else if isFn v then
      unsupported "functions" v
    else if isFloat v then
      lib.strings.floatToString v
    else
      unsupported "this value is" (toString v);

  keyValue =
    { mkValueString ? scalarString { } }:
    sep: k: v:
    "${escape [ sep ] k}${sep}${mkValueString v}";

  keyValueLines =
    {
      mkKeyValue ? keyValue { } "=",
      listsAsDuplicateKeys ? false,
      indent ? "",
    }:
    set:
    let
      line = k: v: indent + mkKeyValue k v + "\n";
      linesFor = k: v: if listsAsDuplicateKeys then map (line k) (lib.lists.toList v) else [ (line k v) ];
    in
    concatStringsSep "" (b.concatLists (mapToList linesFor set));

  ini =
    {
      mkSectionName ? (n: escape [ "[" "]" ] n),
      mkKeyValue ? keyValue { } "=",
      listsAsDuplicateKeys ? false,
    }:
    sections:
    concatStringsSep "\n" (
      mapToList (
        name: body: "[${mkSectionName name}]\n" + keyValueLines { inherit mkKeyValue listsAsDuplicateKeys; } body
      ) sections
    );

  gitIni =
    let
      sectionName =
        name:
        let
          parts = lib.strings.splitString "." name;
        in
        if lib.strings.hasInfix "\"" name || length parts == 1 then
          name
        else
          "${head parts} \"${concatStringsSep "." (tail parts)}\"";
      gitValue =
        v:
        scalarString { } (
          if isString v then "\"${b.replaceStrings [ "\n" "\t" "\"" "\\" ] [ "\\n" "\\t" "\\\"" "\\\\" ] v}\"" else v
        );
      oneKey = keyValue { mkValueString = gitValue; } " = ";
      gitKeyValue = k: v: if isList v then concatStringsSep "\n" (map (x: "\t" + oneKey k x) v) else "\t" + oneKey k v;
      plainSet = v: isAttrs v && !isDrv v;
      # Nested sets become "section.sub" section names, as git config expects.
      flatten =
        set:
        let
          nestedNames = b.filter (n: isAttrs set.${n} && b.any plainSet (b.attrValues set.${n})) (attrNames set);
          descend =
            at: v:
            if plainSet v then
              b.concatMap (n: descend ([ n ] ++ at) v.${n}) (attrNames v)
            else if length at > 1 then
              [ { ${concatStringsSep "." (lib.lists.reverseList (tail at))}.${head at} = v; } ]
            else
              [ { ${head at} = v; } ];
        in
        removeAttrs set nestedNames
        // lib.lists.foldl lib.attrsets.recursiveUpdate { } (descend [ ] (lib.attrsets.getAttrs nestedNames set));
    in
    set:
    ini {
      mkKeyValue = gitKeyValue;
      mkSectionName = sectionName;
    } (flatten set);

  recursionLimited =
    { depthLimit, throwOnDepthLimit ? true }:
    assert isInt depthLimit;
    let
      special = [ "__functor" "__functionArgs" "__toString" "__pretty" ];
      guard =
        depth:
        if depthLimit != null && depth > depthLimit then
          (
            if throwOnDepthLimit then
              throw "Exceeded maximum eval-depth limit of ${toString depthLimit} while trying to evaluate with `generators.withRecursion'!"
            else
              _: "<unevaluated>"
          )
        else
          x: x;
      visit =
        depth: v:
        let
          next = x: visit (depth + 1) (guard (depth + 1) x);
        in
        if isAttrs v then
          b.mapAttrs (n: if b.elem n special then (x: x) else next) v
        else if isList v then
          map next v
        else
          guard (depth + 1) v;
    in
    visit 0;

  pretty =
    {
      allowPrettyValues ? false,
      multiline ? true,
      indent ? "",
    }:
    let
      render =
        ind: v:
        let
          open = if multiline then "\n${ind}  " else " ";
          close = if multiline then "\n${ind}" else " ";
        in
        if isInt v then
          toString v
        else if isFloat v then
          b.toJSON v
        else if isString v then
          let
            lines = b.filter (l: !isList l) (b.split "\n" v);
            oneLine = "\"" + concatStringsSep "\\n" (map (escape [ "\\" "\"" "\${" ]) lines) + "\"";
            indented = map (b.replaceStrings [ "\${" "''" ] [ "''\${" "'''" ]) lines;
            lastLine = lib.lists.last indented;
            block =
              "''"
              + open
              + concatStringsSep open (lib.lists.init indented)
              + (if lastLine == "" then close else open + lastLine)
              + "''";
          in
          if multiline && length lines > 1 then block else oneLine
        else if v == true then
          "true"
        else if v == false then
          "false"
        else if v == null then
          "null"
        else if isPath v then
          toString v
        else if isList v then
          if v == [ ] then "[ ]" else "[" + open + concatStringsSep open (map (render (ind + "  ")) v) + close + "]"
        else if isFn v then
          let
            args = lib.trivial.functionArgs v;
            shown = concatStringsSep ", " (mapToList (n: hasDefault: if hasDefault then n + "?" else n) args);
          in
          if args == { } then "<function>" else "<function, args: {${shown}}>"
        else if isAttrs v then
          if allowPrettyValues && v ? __pretty && v ? val then
            v.__pretty v.val
          else if v == { } then
            "{ }"
          else if v ? type && v.type == "derivation" then
            "<derivation ${v.name or "???"}>"
          else
            "{"
            + open
            + concatStringsSep open (
              mapToList (
                n: x:
                "${escapeNixIdentifier n} = ${b.addErrorContext "while evaluating an attribute `${n}`" (render (ind + "  ") x)};"
              ) v
            )
            + close
            + "}"
        else
          abort "generators.toPretty: should never happen (v = ${v})";
    in
    render indent;

  plist =
    { escape ? false }:
    v:
    let
      text = if escape then lib.strings.escapeXML else x: x;
      node =
        ind: x:
        if x == null then
          ""
        else if isBool x then
          ind + (if x then "<true/>" else "<false/>")
        else if isInt x then
          ind + "<integer>${toString x}</integer>"
        else if isString x then
          ind + "<string>${text x}</string>"
        else if isList x then
          concatStringsSep "\n" [
            (ind + "<array>")
            (concatStringsSep "\n" (map (node "\t${ind}") x))
            (ind + "</array>")
          ]
        else if isAttrs x then
          concatStringsSep "\n" [
            (ind + "<dict>")
            (concatStringsSep "\n" (
              b.concatLists (
                mapToList (
                  n: y: lib.lists.optionals (n != "_module" && y != null) [ "\t${ind}<key>${text n}</key>" (node "\t${ind}" y) ]
                ) x
              )
            ))
            (ind + "</dict>")
          ]
        else if isPath x then
          ind + "<string>${text (toString x)}</string>"
        else if isFloat x then
          ind + "<real>${toString x}</real>"
        else
          abort "generators.toPlist: should never happen (v = ${v})";
    in
    lib.warnIf (!escape && lib.oldestSupportedReleaseIsAtLeast 2505)
      "Using `lib.generators.toPlist` without `escape = true` is deprecated"
      ''
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple Computer//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">
        ${node "" v}
        </plist>'';

  dhall =
    { }@args:
    v:
    let
      items = concatStringsSep ", ";
    in
    if isAttrs v then
      "{ ${items (mapToList (k: x: "${k} = ${dhall args x}") v)} }"
    else if isList v then
      "[ ${items (map (dhall args) v)} ]"
    else if isInt v then
      "${if v < 0 then "" else "+"}${toString v}"
    else if isBool v then
      (if v then "True" else "False")
    else if isFn v then
      abort "generators.toDhall: cannot convert a function to Dhall"
    else if v == null then
      abort "generators.toDhall: cannot convert a null to Dhall"
    else
      b.toJSON v;

  lua =
    {
      multiline ? true,
      indent ? "",
      asBindings ? false,
    }@args:
    v:
    let
      inner = "${indent}  ";
      open = if multiline then "\n${inner}" else " ";
      close = if multiline then "\n${indent}" else " ";
      innerArgs = args // {
        indent = if asBindings then indent else inner;
        asBindings = false;
      };
      items = concatStringsSep ",${open}";
      badNames = b.filter (n: b.match "[[:alpha:]_][[:alnum:]_]*(\\.[[:alpha:]_][[:alnum:]_]*)*" n == null) (attrNames v);
    in
    if asBindings then
      assert lib.asserts.assertMsg (badNames == [ ]) "Bad Lua var names: ${pretty { } badNames}";
      concatStringsSep "" (mapToList (k: x: "${indent}${k} = ${lua innerArgs x}\n") v)
    else if v == null then
      "nil"
    else if isInt v || isFloat v || isString v || isBool v then
      b.toJSON v
    else if isPath v || isDrv v then
      b.toJSON "${v}"
    else if isList v then
      (if v == [ ] then "{}" else "{${open}${items (map (lua innerArgs) v)}${close}}")
    else if isAttrs v then
      (
        if (v._type or null) == "lua-inline" then
          "(${v.expr})"
        else if v == { } then
          "{}"
        else
          "{${open}${items (mapToList (k: x: "[${b.toJSON k}] = ${lua innerArgs x}") v)}${close}}"
      )
    else
      abort "generators.toLua: type ${b.typeOf v} is unsupported";
in
{
  mkValueStringDefault = scalarString;
  mkKeyValueDefault = keyValue;
  toKeyValue = keyValueLines;
  toINI = ini;
  toINIWithGlobalSection =
    {
      mkSectionName ? (n: escape [ "[" "]" ] n),
      mkKeyValue ? keyValue { } "=",
      listsAsDuplicateKeys ? false,
    }:
    { globalSection, sections ? { } }:
    (if globalSection == { } then "" else keyValueLines { inherit mkKeyValue listsAsDuplicateKeys; } globalSection + "\n")
    + ini { inherit mkSectionName mkKeyValue listsAsDuplicateKeys; } sections;
  toGitINI = gitIni;
  mkDconfKeyValue = keyValue { mkValueString = v: toString (lib.gvariant.mkValue v); } "=";
  toDconfINI = ini { mkKeyValue = keyValue { mkValueString = v: toString (lib.gvariant.mkValue v); } "="; };
  withRecursion = recursionLimited;
  toPretty = pretty;
  toPlist = plist;
  toDhall = dhall;
  toLua = lua;
  mkLuaInline = expr: {
    _type = "lua-inline";
    inherit expr;
  };
  # nixpkgs' YAML output is JSON, which is valid YAML 1.2.
  toJSON = { }: b.toJSON;
  toYAML = { }: b.toJSON;
}
