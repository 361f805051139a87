# `pkgs.formats` for RFC 42 `settings` options: every format of nixpkgs' pkgs/pkgs-lib/formats.nix,
# with the same parameters, option types (from the lib the modules use, so definitions merge exactly
# as there) and file contents.
#
# Where nixpkgs writes the file from Nix (lib.generators and small generators of its own), so do we.
# Where nixpkgs runs a tool in a builder (jq, remarshal, json2x, python, …), `serialize` writes what
# that tool writes: it takes the value as `builtins.toJSON` gives it, as the tools get it, and is
# implemented in Java (org.modsvc.switcher.pkgs.formats). The README's pkgs section lists what differs.
{ lib, writers, serialize }:
let
  inherit (builtins) attrNames concatStringsSep isAttrs isList mapAttrs removeAttrs toJSON;
  inherit (writers) writeText;
  t = lib.types;
  gen = lib.generators;

  isDerivation = v: isAttrs v && (v.type or null) == "derivation";
  hasPrefix = pre: s: builtins.substring 0 (builtins.stringLength pre) s == pre;

  # A file written by one of the Java serializers from the JSON of `value`.
  serialized = format: options: name: value: writeText name (serialize format (toJSON options) (toJSON value));

  # ---------------------------------------------------------------- INI family (nixpkgs formats/ini)

  singleIniAtom = t.nullOr (t.oneOf [ t.bool t.int t.float t.str ])
    // { description = "INI atom (null, bool, int, float or string)"; };

  iniAtom = { listsAsDuplicateKeys, listToValue, atomsCoercedToLists }:
    let
      orList = if atomsCoercedToLists then t.coercedTo singleIniAtom lib.singleton else t.either singleIniAtom;
    in
    if listsAsDuplicateKeys then
      orList (t.listOf singleIniAtom)
      // { description = singleIniAtom.description + " or a list of them for duplicate keys"; }
    else if listToValue != null then
      orList (t.nonEmptyListOf singleIniAtom)
      // { description = singleIniAtom.description + " or a non-empty list of them"; }
    else
      singleIniAtom;

  iniSection = atom: t.attrsOf atom
    // { description = "section of an INI file (attrs of " + atom.description + ")"; };

  # listToValue turns a key's list into one value before writing.
  joinLists = listToValue: if listToValue == null then (x: x)
    else mapAttrs (_: v: if isList v then listToValue v else v);
  joinSectionLists = listToValue: if listToValue == null then (x: x)
    else mapAttrs (_: joinLists listToValue);

  # The parameters of ini and iniWithGlobalSection; the rest go to the generator.
  iniParams = f:
    { listsAsDuplicateKeys ? false, listToValue ? null, atomsCoercedToLists ? null, ... }@args:
    assert listsAsDuplicateKeys -> listToValue == null;
    assert atomsCoercedToLists != null -> (listsAsDuplicateKeys || listToValue != null);
    f {
      inherit listToValue;
      generatorArgs = removeAttrs args [ "listToValue" "atomsCoercedToLists" ];
      atom = iniAtom {
        inherit listsAsDuplicateKeys listToValue;
        atomsCoercedToLists = if atomsCoercedToLists == null then false else atomsCoercedToLists;
      };
    };

  ini = iniParams ({ atom, listToValue, generatorArgs }: {
    type = t.attrsOf (iniSection atom);
    lib.types.atom = atom;
    generate = name: value: writeText name (gen.toINI generatorArgs (joinSectionLists listToValue value));
  });

  iniWithGlobalSection = iniParams ({ atom, listToValue, generatorArgs }: {
    type = t.submodule {
      options = {
        sections = lib.mkOption rec {
          type = t.attrsOf (iniSection atom);
          default = { };
          description = type.description;
        };
        globalSection = lib.mkOption rec {
          type = iniSection atom;
          default = { };
          description = "global " + type.description;
        };
      };
    };
    lib.types.atom = atom;
    generate = name: { sections ? { }, globalSection ? { }, ... }:
      writeText name (gen.toINIWithGlobalSection generatorArgs {
        globalSection = joinLists listToValue globalSection;
        sections = joinSectionLists listToValue sections;
      });
  });

  gitIni = { listsAsDuplicateKeys ? false, ... }:
    let atom = iniAtom { inherit listsAsDuplicateKeys; listToValue = null; atomsCoercedToLists = false; }; in
    {
      type = t.attrsOf (t.attrsOf (t.either atom (t.attrsOf atom)));
      lib.types.atom = atom;
      generate = name: value: writeText name (gen.toGitINI value);
    };

  keyValue = { listsAsDuplicateKeys ? false, listToValue ? null, ... }@args:
    assert listsAsDuplicateKeys -> listToValue == null;
    let
      single = t.nullOr (t.oneOf [ t.bool t.int t.float t.str ])
        // { description = "atom (null, bool, int, float or string)"; };
      atom =
        if listsAsDuplicateKeys then
          t.coercedTo single lib.singleton (t.listOf single)
          // { description = single.description + " or a list of them for duplicate keys"; }
        else if listToValue != null then
          t.coercedTo single lib.singleton (t.nonEmptyListOf single)
          // { description = single.description + " or a non-empty list of them"; }
        else single;
    in
    {
      type = t.attrsOf atom;
      generate = name: value:
        writeText name (gen.toKeyValue (removeAttrs args [ "listToValue" ]) (joinLists listToValue value));
    };

  # systemd.syntax(7): duplicate keys for lists; a null value leaves a comment. nixpkgs still accepts
  # the format used without calling it, with a warning.
  systemdFormat = ini {
    listsAsDuplicateKeys = true;
    mkKeyValue = k: v: if v == null then "# ${k} is unset" else "${k} = ${gen.mkValueStringDefault { } v}";
  };

  # ---------------------------------------------------------------- formats written by JSON tools

  json = { }: {
    type = t.json;
    generate = serialized "json" { };
  };

  yamlOf = version: { tags ? false }: {
    type = t.serializableValueWith { typeName = "YAML ${version}"; };
    generate =
      if tags then throw "pkgs.formats.yaml_${builtins.replaceStrings [ "." ] [ "_" ] version}: `tags = true` (remarshal's --yaml-tags) is not supported on a host without Nix"
      else serialized "yaml-${version}" { };
  };

  # hcl1 is JSON in which every attribute set (but a derivation) becomes a one-element list.
  hcl1 = args:
    let
      toHcl = v: if isAttrs v && !isDerivation v then [ (mapAttrs (_: toHcl) v) ]
        else if isList v then map toHcl v else v;
      jsonFormat = json { };
    in
    jsonFormat // { generate = name: value: jsonFormat.generate name (mapAttrs (_: toHcl) value); };

  # ---------------------------------------------------------------- php (nixpkgs formats/php)

  php = { finalVariable ? null }:
    let
      type = t.nullOr (t.oneOf [ t.bool t.int t.float t.str (t.attrsOf type) (t.listOf type) ])
        // { description = "PHP value"; };
      quote = s: "'" + lib.escape [ "'" "\\" ] s + "'";
      items = vs: concatStringsSep ", " (map toPHP vs);
      pairs = set: concatStringsSep ", " (map (k: "${toPHP k} => ${toPHP set.${k}}") (attrNames set));
      special = { value, _phpType }:
        if _phpType == "raw" then value
        else if _phpType == "mixed_array" then
          (if value.list == [ ] then toPHP value.set else "[${items value.list}, ${pairs value.set}]")
        else throw "formats.php: unknown _phpType '${_phpType}'";
      toPHP = v:
        let ty = builtins.typeOf v; in
        if ty == "null" then "null"
        else if ty == "bool" then (if v then "true" else "false")
        else if ty == "int" || ty == "float" then toString v
        else if ty == "string" then quote v
        else if ty == "set" then (if v ? _phpType then special v else "[" + pairs v + "]")
        else if ty == "list" then "[" + items v + "]"
        else throw "formats.php: a ${ty} has no PHP form";
      header = "<?php\ndeclare(strict_types=1);\n";
    in
    {
      inherit type;
      lib = {
        mkMixedArray = list: set: { _phpType = "mixed_array"; value = { inherit list set; }; };
        mkRaw = raw: { _phpType = "raw"; value = raw; };
      };
      generate = name: value: writeText name (header
        + (if finalVariable == null then "return " else "\$${finalVariable} = ") + toPHP value + ";\n");
    };

  # ---------------------------------------------------------------- nixConf (nixpkgs formats/nix-conf)

  # nixpkgs checks the file with `nix show-config` of `package`; a host without Nix has none to run,
  # so the check is left out (the text is the same).
  nixConf = { package, version, extraOptions ? "", checkAllErrors ? true, checkConfig ? true }:
    assert lib.versionAtLeast version "2.2";
    let
      valueString = v:
        if v == null then ""
        else if builtins.isInt v then toString v
        else if builtins.isBool v then lib.boolToString v
        else if builtins.isFloat v then lib.strings.floatToString v
        else if isList v then toString (lib.unique v)
        else if isDerivation v then toString v
        else if builtins.isPath v then toString v
        else if builtins.isString v then v
        else if lib.strings.isConvertibleWithToString v then toString v
        else throw "The nix conf value: ${gen.toPretty { } v} can not be encoded";
      lines = attrs: concatStringsSep "\n"
        (map (k: "${lib.escape [ "=" ] k} = ${valueString attrs.${k}}") (attrNames attrs));
      # extra-* settings must come after the settings they extend (NixOS/nix#9487).
      pick = extra: value: lib.filterAttrs (k: _: hasPrefix "extra-" k == extra) value;
    in
    {
      type = t.attrsOf (t.nullOr (t.oneOf [ t.bool t.int t.float t.str t.path t.package ]));
      generate = name: value: writeText name ''
        # WARNING: this file is generated from the nix.* options in
        # your NixOS configuration, typically
        # /etc/nixos/configuration.nix.  Do not edit it!
        ${lines (pick false value)}
        ${lines (pick true value)}
        ${extraOptions}
      '';
    };

  # ---------------------------------------------------------------- javaProperties

  javaProperties = { comment ? "Generated with Nix", boolToString ? lib.boolToString }: {
    type = t.attrsOf (t.oneOf [
      # nixpkgs keeps `package` from becoming `path`: whether a path is a host path or a store path
      # is for the module to decide.
      (t.coercedTo t.package toString t.str)
      (t.coercedTo t.bool boolToString t.str)
      (t.coercedTo t.int toString t.str)
      (t.coercedTo t.float toString t.str)
    ] // { description = "string, package, bool, int or float"; });
    generate = serialized "java-properties" { inherit comment; };
  };

  # ---------------------------------------------------------------- pythonVars

  pythonVars = { }: {
    type = t.attrsOf (t.serializableValueWith { typeName = "Python"; });
    lib.mkRaw = value: { inherit value; _type = "raw"; };
    generate = name: value: writeText name (serialize "python-vars" "{}"
      (toJSON { imports = value._imports or [ ]; value = removeAttrs value [ "_imports" ]; }));
  };

  # ---------------------------------------------------------------- xml (badgerfish, as xmltodict)

  xml = { format ? "badgerfish", withHeader ? true }:
    if format != "badgerfish" then throw "pkgs.formats.xml: Unknown format: ${format}"
    else {
      type = t.attrsOf (t.serializableValueWith { typeName = "XML"; }) // { description = "XML value"; };
      generate = name: value:
        if !isAttrs value then throw "pkgs.formats.xml: value must be an attrset"
        else serialized "xml" { inherit withHeader; } name value;
    };

  # ---------------------------------------------------------------- lua (lib.generators.toLua + StyLua)

  lua = { asBindings ? false, multiline ? true, columnWidth ? 100, indentWidth ? 2, indentUsingTabs ? false }:
    let
      valueType = t.nullOr (t.oneOf [
        t.bool t.float t.int t.path t.str t.luaInline (t.attrsOf valueType) (t.listOf valueType)
      ]) // { description = "lua value"; descriptionClass = "noun"; };
    in
    {
      type = if asBindings then t.attrsOf valueType else valueType;
      generate = serialized "lua" { inherit asBindings multiline columnWidth indentWidth indentUsingTabs; };
      lib.mkRaw = gen.mkLuaInline;
    };
  # ---------------------------------------------------------------- hocon (nixpkgs' hocon-generator)

  # `generator`, `validator` and `doCheck` are accepted for compatibility: the file is written by our
  # port of nixpkgs' generator, and nothing else is run.
  hocon = { generator ? null, validator ? null, doCheck ? true }:
    let
      hoconLib = {
        mkInclude = value:
          let
            statement =
              if isAttrs value && !isDerivation value then { required = false; type = null; _type = "include"; } // value
              else { value = toString value; required = false; type = null; _type = "include"; };
          in
          assert lib.assertMsg (builtins.elem statement.type [ "file" "url" "classpath" null ])
            "Type of HOCON mkInclude is not of type 'file', 'url' or 'classpath':\n${gen.toPretty { } statement}";
          statement;
        mkAppend = value: { inherit value; _type = "append"; };
        mkSubstitution = value:
          if builtins.isString value then { inherit value; optional = false; _type = "substitution"; }
          else
            assert lib.assertMsg (isAttrs value)
              "Value of invalid type provided to `hocon.lib.mkSubstition`: ${builtins.typeOf value}";
            assert lib.assertMsg (value ? value)
              "Argument to `hocon.lib.mkSubstition` is missing a `value`:\n${toJSON value}";
            { value = value.value; optional = value.optional or false; _type = "substitution"; };
      };
      # The markers of older NixOS modules (jitsi), still understood by nixpkgs with a warning.
      oldMarkers = v:
        if isAttrs v then
          (if v ? __hocon_envvar then
            lib.warn "Use of `__hocon_envvar` has been deprecated, and will\nbe removed in the future.\n\nPlease use `(pkgs.formats.hocon {}).lib.mkSubstitution` instead.\n"
              (hoconLib.mkSubstitution v.__hocon_envvar)
          else if v ? __hocon_unquoted_string then
            lib.warn "Use of `__hocon_unquoted_string` has been deprecated, and will\nbe removed in the future.\n\nPlease make use of the freeform options of\n`(pkgs.formats.hocon {}).format` instead.\n"
              { value = v.__hocon_unquoted_string; _type = "unquoted_string"; }
          else mapAttrs (_: oldMarkers) v)
        else if isList v then map oldMarkers v
        else v;
      type' =
        let atom = t.nullOr (t.oneOf [ t.bool t.float t.int t.path t.str ]); in
        t.oneOf [ atom (t.listOf atom) (t.attrsOf type') ] // { description = "HOCON value"; };
    in
    {
      type = type';
      lib = hoconLib;
      generate = name: value: serialized "hocon" { } name (oldMarkers value);
    };

  # ---------------------------------------------------------------- libconfig (nixpkgs' libconfig-generator)

  libconfig = { generator ? null, validator ? null }: {
    inherit generator;
    type =
      let v = t.oneOf [ t.bool t.int t.float t.str t.path (t.attrsOf v) (t.listOf v) ] // { description = "libconfig value"; };
      in t.attrsOf v;
    lib = {
      mkHex = value: { _type = "hex"; inherit value; };
      mkOctal = value: { _type = "octal"; inherit value; };
      mkFloat = value: { _type = "float"; inherit value; };
      mkArray = value: { _type = "array"; inherit value; };
      mkList = value: { _type = "list"; inherit value; };
    };
    generate = serialized "libconfig" { };
  };
  # ---------------------------------------------------------------- configobj (Python's ConfigObj)

  configobj = { }: {
    type = t.serializableValueWith { typeName = "ConfigObj mapping"; };
    generate = serialized "configobj" { };
  };
  # ---------------------------------------------------------------- elixirConf (toElixir + mix format)

  # `elixir` is accepted for compatibility; the layout of `mix format` is reproduced (formats/ElixirConfWriter).
  elixirConf = { elixir ? null }:
    let
      valueType = t.nullOr (t.oneOf [ t.bool t.int t.float t.str (t.attrsOf valueType) (t.listOf valueType) ])
        // { description = "Elixir value"; };
      special = type: value: { inherit value; _elixirType = type; };
      mkRaw = special "raw";
      string = v: "\"" + lib.escape [ "\\" "#" "\"" ] v + "\"";
      # Only mkGetEnv needs the text of a value here; the file itself is written by serialize.
      scalar = v: if v == null then "nil" else if builtins.isString v then string v else toString v;
      isElixirType = type: x: (x._elixirType or "") == type;
      rawElixir = lib.mkOptionType { name = "rawElixir"; description = "raw elixir"; check = isElixirType "raw"; };
      elixirOr = other: t.either other rawElixir;
      elixirType = name: what: elixirOr (lib.mkOptionType { inherit name; description = "elixir ${what}"; check = isElixirType what; });
    in
    {
      type = t.attrsOf (t.attrsOf valueType);
      lib = {
        inherit mkRaw;
        mkGetEnv = { envVariable, fallback ? null }: mkRaw "System.get_env(${scalar envVariable}, ${scalar fallback})";
        mkAtom = special "atom";
        mkCharlist = special "charlist";
        mkTuple = special "tuple";
        mkMap = special "map";
        types = {
          inherit rawElixir elixirOr;
          atom = elixirType "elixirAtom" "atom";
          charlist = elixirType "elixirCharlist" "charlist";
          tuple = elixirType "elixirTuple" "tuple";
          map = elixirType "elixirMap" "map";
        } // mapAttrs (_: elixirOr) t;
      };
      generate = serialized "elixir-conf" { };
    };
  # ---------------------------------------------------------------- cdn (json2cdn)

  cdn = { }: {
    type = t.serializableValueWith { typeName = "CDN"; };
    generate = serialized "cdn" { };
  };
in
{
  inherit cdn configobj elixirConf;
  inherit ini iniWithGlobalSection gitIni keyValue json hcl1 php nixConf javaProperties pythonVars xml lua hocon libconfig;

  systemd = systemdFormat // {
    generate = name: value: lib.warn
      "Direct use of `pkgs.formats.systemd` has been deprecated, please use `pkgs.formats.systemd { }` instead."
      systemdFormat.generate name value;
    __functor = _: { }: systemdFormat;
  };

  yaml_1_1 = yamlOf "1.1";
  yaml_1_2 = yamlOf "1.2";
  yaml = yamlOf "1.1";

  toml = { }: {
    type = t.toml;
    generate = serialized "toml" { };
  };

  plist = { escape ? true }: {
    type = let v = t.nullOr (t.oneOf [ t.bool t.int t.float t.str t.path (t.attrsOf v) (t.listOf v) ])
      // { description = "Property list (plist) value"; }; in v;
    generate = name: value: writeText name (gen.toPlist { inherit escape; } value);
  };
}
