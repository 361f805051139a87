# modsvc's implementation of nixpkgs' `lib.types`: option types and the
# machinery that builds, describes, checks, merges and combines them.
#
# An option type is an attribute set tagged `_type = "option-type"`. The
# module system (lib.modules) only talks to it through these attributes:
#   check          value -> bool, looks at the head of a value only (deeper
#                  checks happen while merging, to keep evaluation lazy)
#   merge          loc -> defs -> value; composite types also offer the
#                  `merge.v2 { loc, defs }` protocol returning
#                  { headError, value, valueMeta } so that the module system
#                  can report a type error of the head without forcing values
#   emptyValue     { value = ...; } when the type has a natural "nothing"
#   getSubOptions / getSubModules / substSubModules   submodule plumbing
#   functor / typeMerge   how two declarations of one option combine
#   nestedTypes    the types a composite is built from
# Names, descriptions, merge results and error texts follow nixpkgs so that
# configurations behave the same whichever lib evaluates them.
{ lib }:

let
  inherit (builtins)
    all
    any
    attrNames
    concatLists
    concatMap
    concatStringsSep
    elem
    elemAt
    filter
    foldl'
    functionArgs
    genList
    hasContext
    head
    intersectAttrs
    isAttrs
    isBool
    isFloat
    isFunction
    isInt
    isList
    isPath
    isString
    length
    mapAttrs
    match
    stringLength
    substring
    tail
    toJSON
    typeOf
    zipAttrsWith
    ;

  inherit (lib.options)
    getFiles
    getValues
    mergeDefaultOption
    mergeEqualOption
    mergeOneOption
    mergeUniqueOption
    showDefs
    showFiles
    showOption
    ;

  # Every value that string interpolation accepts.
  stringLike = x: isString x || isPath x || x ? outPath || x ? __toString;

  lastOf = list: elemAt list (length list - 1);

  # A check function that also declares it agrees with the type's `merge.v2`
  # (the module system refuses v2 types whose check was replaced ad hoc).
  coherentCheck = predicate: {
    __functor = _: predicate;
    isV2MergeCoherent = true;
  };

  # A merge function offering the v2 protocol; the plain call returns only
  # the merged value.
  mergeWithV2 = v2: {
    __functor =
      self: loc: defs:
      (self.v2 { inherit loc defs; }).value;
    inherit v2;
  };

  # The head error of the v2 protocol: null when every definition passes
  # `check`, otherwise a message listing the offending definitions.
  # The module system's hot loops, native where the evaluator provides them.
  primitives = import ./primitives.nix { };

  headErrorOf = primitives.headErrorOfWith (bad: {
    message = "Definition values: ${showDefs bad}";
  });

  # Run a type's v2 merge, rejecting a type whose `check` was overridden with
  # `//` (its merge would still apply the old check).
  runV2Merge =
    loc: type: args:
    if type.check.isV2MergeCoherent or false then
      type.merge.v2 args
    else
      throw ''
        The option `${showOption loc}' has a type `${type.description}' that uses
        an ad-hoc `type // { check = ...; }' override, which is incompatible with
        the v2 merge mechanism.

        Add the validation with `lib.types.addCheck` instead, e.g.

          lib.types.addCheck baseType (value: /* your check */)

        rather than

          baseType // { check = value: /* your check */; }
      '';

  # Merge with the v2 protocol when the type has it, otherwise emulate it
  # from the plain merge and check.
  mergeAsV2 =
    loc: type: defs:
    if type.merge ? v2 then
      runV2Merge loc type { inherit loc defs; }
    else
      {
        value = type.merge loc defs;
        headError = headErrorOf type.check defs;
        valueMeta = { };
      };

  # Functor of a type wrapping one `elemType`; two such types merge when
  # their element types merge.
  wrapperFunctor =
    name: payload:
    {
      inherit name payload;
      type = lib.types.${name};
      binOp =
        a: b:
        let
          merged = a.elemType.typeMerge b.elemType.functor;
        in
        if merged == null then null else { elemType = merged; };
    };

  # " at file:line:column" of attribute `name` in `set`, or "".
  positionSuffix =
    set: name:
    let
      pos = builtins.unsafeGetAttrPos name set;
    in
    if pos == null then "" else " at ${pos.file}:${toString pos.line}:${toString pos.column}";

  # Whether an absolute path lies inside the Nix store, i.e. has a store
  # object (hash-name) right below the store directory. Content-addressed
  # placeholders (52 base-32 characters as first component) count too, as
  # in nixpkgs.
  storeDirPrefix = builtins.storeDir + "/";
  isUnderStore =
    p:
    let
      s = toString p;
      prefixLength = stringLength storeDirPrefix;
      afterStore = substring prefixLength (-1) s;
      leading =
        regex: text:
        let
          found = match regex text;
        in
        if found == null then "" else head found;
      firstBelowStore = leading "([^/]*).*" afterStore;
      firstComponent = leading "/*([^/]*).*" s;
    in
    (substring 0 prefixLength s == storeDirPrefix && match ".{32}-.+" firstBelowStore != null)
    || match "[0-9a-z]{52}" firstComponent != null;

  # The module that turns checks off while evaluating a submodule only to
  # document it: documentation must evaluate even where values are missing.
  docsOnlyModule = {
    _file = "<modsvc-lib types: checks disabled for documentation>";
    config._module.check = lib.mkForce false;
  };

  # Description classes that fit unparenthesised in a larger phrase.
  nounOnly = class: class == "noun";
  nounOrComposite = class: class == "noun" || class == "composite";
  nounOrConjunction = class: class == "noun" || class == "conjunction";
  anyButClause = class: class == "noun" || class == "conjunction" || class == "composite";

in
rec {
  # ---------------------------------------------------------------- machinery

  isType = typeName: value: (value._type or "") == typeName;

  setType = typeName: value: value // { _type = typeName; };

  # Merge two types given their functors; null when they do not combine.
  defaultTypeMerge =
    f: f':
    if f.name != f'.name then
      null
    else
      assert (f.payload != null) == (f'.payload != null);
      if f.payload == null then
        f.type
      else
        let
          payload = f.binOp f.payload f'.payload;
        in
        if payload == null then null else f.type payload;

  # Functor of a type without parameters: same name means same type.
  defaultFunctor = name: {
    inherit name;
    type = lib.types.${name} or null;
    payload = null;
    binOp = _: _: null;
  };

  isOptionType = isType "option-type";

  mkOptionType =
    {
      name,
      description ? null,
      # "noun", "conjunction" (contains a bare "or"), "composite" (contains
      # "of") or "nonRestrictiveClause" (", meaning ..."); see
      # optionDescriptionPhrase.
      descriptionClass ? null,
      check ? (_: true),
      merge ? mergeDefaultOption,
      emptyValue ? { },
      getSubOptions ? _: { },
      getSubModules ? null,
      substSubModules ? _: null,
      typeMerge ? defaultTypeMerge functor,
      functor ? defaultFunctor name,
      deprecationMessage ? null,
      nestedTypes ? { },
    }:
    {
      _type = "option-type";
      inherit
        name
        descriptionClass
        check
        merge
        emptyValue
        getSubOptions
        getSubModules
        substSubModules
        typeMerge
        functor
        deprecationMessage
        nestedTypes
        ;
      description = if description == null then name else description;
    };

  # The description of `type`, in parentheses unless its class satisfies
  # `fits`.
  optionDescriptionPhrase =
    fits: type: if fits (type.descriptionClass or null) then type.description else "(${type.description})";

  # The module that documentation evaluations of submodules add.
  noCheckForDocsModule = docsOnlyModule;

  # Combine two types as the module system does for two declarations;
  # a "merge-error" value when they cannot be combined.
  mergeTypes =
    a: b:
    assert isOptionType a && isOptionType b;
    let
      merged = a.typeMerge b.functor;
    in
    if merged == null then setType "merge-error" { error = "Cannot merge types"; } else merged;

  # ---------------------------------------------------------- basic types

  raw = mkOptionType {
    name = "raw";
    description = "raw value";
    descriptionClass = "noun";
    merge = mergeOneOption;
  };

  anything = mkOptionType {
    name = "anything";
    description = "anything";
    descriptionClass = "noun";
    merge =
      loc: defs:
      let
        kindOf = v: if isAttrs v && stringLike v then "stringCoercibleSet" else typeOf v;
        kind = kindOf (head defs).value;
        sameKind =
          all (def: kindOf def.value == kind) defs
          || throw "The option `${showOption loc}' has conflicting option types in ${showFiles (getFiles defs)}";
        mergeFunctions = (
          loc: defs: arg:
          anything.merge (loc ++ [ "<function body>" ]) (
            map (def: {
              inherit (def) file;
              value = def.value arg;
            }) defs
          )
        );
        mergeOfKind =
          if kind == "set" then
            (attrsOf anything).merge
          else if kind == "stringCoercibleSet" then
            mergeOneOption
          else if kind == "lambda" then
            mergeFunctions
          else
            mergeEqualOption;
      in
      builtins.seq sameKind (mergeOfKind loc defs);
  };

  unspecified = mkOptionType {
    name = "unspecified";
    description = "unspecified value";
    descriptionClass = "noun";
  };

  bool = mkOptionType {
    name = "bool";
    description = "boolean";
    descriptionClass = "noun";
    check = isBool;
    merge = mergeEqualOption;
  };

  boolByOr = mkOptionType {
    name = "boolByOr";
    description = "boolean (merged using or)";
    descriptionClass = "noun";
    check = isBool;
    # check has forced every value already, so `any` adds no strictness.
    merge = _loc: defs: any (def: def.value) defs;
  };

  int = mkOptionType {
    name = "int";
    description = "signed integer";
    descriptionClass = "noun";
    check = isInt;
    merge = mergeEqualOption;
  };

  ints =
    let
      rangeText = low: high: "${toString low} and ${toString high} (both inclusive)";
      between =
        low: high:
        assert lib.assertMsg (low <= high) "ints.between: lowest must be smaller than highest";
        addCheck int (x: x >= low && x <= high)
        // {
          name = "intBetween";
          description = "integer between ${rangeText low high}";
        };
      sized =
        low: high: name: what:
        between low high
        // {
          inherit name;
          description = "${what}; between ${rangeText low high}";
        };
      unsignedBits =
        bits: count:
        sized 0 (count - 1) "unsignedInt${toString bits}" "${toString bits} bit unsigned integer";
      signedBits =
        bits: count:
        sized (0 - count / 2) (count / 2 - 1) "signedInt${toString bits}" "${toString bits} bit signed integer";
    in
    {
      inherit between;
      unsigned = addCheck int (x: x >= 0) // {
        name = "unsignedInt";
        description = "unsigned integer, meaning >=0";
        descriptionClass = "nonRestrictiveClause";
      };
      positive = addCheck int (x: x > 0) // {
        name = "positiveInt";
        description = "positive integer, meaning >0";
        descriptionClass = "nonRestrictiveClause";
      };
      u8 = unsignedBits 8 256;
      u16 = unsignedBits 16 65536;
      u32 = unsignedBits 32 4294967296;
      # No u64: 2^64 - 1 does not fit Nix's signed 64-bit integers.
      s8 = signedBits 8 256;
      s16 = signedBits 16 65536;
      s32 = signedBits 32 4294967296;
    };

  port = ints.u16;

  float = mkOptionType {
    name = "float";
    description = "floating point number";
    descriptionClass = "noun";
    check = isFloat;
    merge = mergeEqualOption;
  };

  number = either int float;

  numbers =
    let
      # toJSON rather than toString so that floats print as written (0.5).
      rangeText = low: high: "${toJSON low} and ${toJSON high} (both inclusive)";
    in
    {
      between =
        low: high:
        assert lib.assertMsg (low <= high) "numbers.between: lowest must be smaller than highest";
        addCheck number (x: x >= low && x <= high)
        // {
          name = "numberBetween";
          description = "integer or floating point number between ${rangeText low high}";
        };
      nonnegative = addCheck number (x: x >= 0) // {
        name = "numberNonnegative";
        description = "nonnegative integer or floating point number, meaning >=0";
        descriptionClass = "nonRestrictiveClause";
      };
      positive = addCheck number (x: x > 0) // {
        name = "numberPositive";
        description = "positive integer or floating point number, meaning >0";
        descriptionClass = "nonRestrictiveClause";
      };
    };

  # ---------------------------------------------------------- string types

  str = mkOptionType {
    name = "str";
    description = "string";
    descriptionClass = "noun";
    check = isString;
    merge = mergeEqualOption;
  };

  nonEmptyStr = mkOptionType {
    name = "nonEmptyStr";
    description = "non-empty string";
    descriptionClass = "noun";
    check = x: isString x && match "[ \t\n]*" x == null;
    merge = mergeEqualOption;
  };

  # One line, optionally ending in a newline which merging removes.
  singleLineStr =
    let
      oneLine = strMatching "[^\n\r]*\n?";
    in
    mkOptionType {
      name = "singleLineStr";
      description = "(optionally newline-terminated) single-line string";
      descriptionClass = "noun";
      inherit (oneLine) check;
      merge = loc: defs: lib.removeSuffix "\n" (oneLine.merge loc defs);
    };

  strMatching =
    pattern:
    mkOptionType {
      name = "strMatching ${lib.strings.escapeNixString pattern}";
      description = "string matching the pattern ${pattern}";
      descriptionClass = "noun";
      check = x: isString x && match pattern x != null;
      merge = mergeEqualOption;
      functor = defaultFunctor "strMatching" // {
        type = payload: strMatching payload.pattern;
        payload = { inherit pattern; };
        binOp = a: b: if a == b then a else null;
      };
    };

  # Strings whose definitions are joined with `sep`.
  separatedString =
    sep:
    mkOptionType {
      name = "separatedString";
      description = "strings concatenated with ${toJSON sep}";
      descriptionClass = "noun";
      check = isString;
      merge = _loc: defs: concatStringsSep sep (getValues defs);
      functor = defaultFunctor "separatedString" // {
        type = payload: lib.types.separatedString payload.sep;
        payload = { inherit sep; };
        binOp = a: b: if a.sep == b.sep then { inherit (a) sep; } else null;
      };
    };

  lines = separatedString "\n";
  commas = separatedString ",";
  envVar = separatedString ":";

  # A field of /etc/passwd-like files: no colon, no newline.
  passwdEntry =
    entryType:
    addCheck entryType (s: !(lib.strings.hasInfix ":" s || lib.strings.hasInfix "\n" s))
    // {
      name = "passwdEntry ${entryType.name}";
      description = "${optionDescriptionPhrase nounOnly entryType}, not containing newlines or colons";
      descriptionClass = "nonRestrictiveClause";
    };

  luaInline = mkOptionType {
    name = "luaInline";
    description = "inline lua";
    descriptionClass = "noun";
    check = x: x._type or null == "lua-inline";
    merge = mergeEqualOption;
  };

  # ------------------------------------------------- attribute sets, packages

  # Shallow: later definitions replace earlier attributes wholesale.
  attrs = mkOptionType {
    name = "attrs";
    description = "attribute set";
    check = isAttrs;
    merge = _loc: foldl' (merged: def: merged // def.value) { };
    emptyValue.value = { };
  };

  # File sets of lib.fileset; usable where the lib provides that part.
  fileset = mkOptionType {
    name = "fileset";
    description = "fileset";
    descriptionClass = "noun";
    check = x: lib.fileset.isFileset x;
    merge = _loc: defs: lib.fileset.unions (getValues defs);
    emptyValue.value = lib.fileset.empty;
  };

  # A top-level store path: a derivation, or a store path string or path
  # literal (which becomes a derivation-like set via lib.toDerivation).
  package = mkOptionType {
    name = "package";
    descriptionClass = "noun";
    check = x: lib.isDerivation x || lib.isStorePath x;
    merge =
      loc: defs:
      let
        value = mergeOneOption loc defs;
      in
      if isPath value || (isString value && !hasContext value) then lib.toDerivation value else value;
  };

  shellPackage = package // {
    check = x: lib.isDerivation x && x ? shellPath;
  };

  pkgs = addCheck (
    unique { message = "A Nixpkgs pkgs set can not be merged with another pkgs set."; } attrs
    // {
      name = "pkgs";
      description = "Nixpkgs package set";
      descriptionClass = "noun";
    }
  ) (x: x._type or null == "pkgs");

  # ------------------------------------------------------------ path types

  path = pathWith { absolute = true; };
  pathInStore = pathWith { inStore = true; };
  externalPath = pathWith {
    absolute = true;
    inStore = false;
  };

  pathWith =
    {
      inStore ? null,
      absolute ? null,
    }:
    if inStore == true && absolute == false then
      throw "In pathWith, inStore means the path must be absolute"
    else
      mkOptionType {
        name = "path";
        description =
          (if absolute == null then "" else if absolute then "absolute " else "relative ")
          + "path"
          + (if inStore == null then "" else if inStore then " in the Nix store" else " not in the Nix store");
        descriptionClass = "noun";
        check =
          x:
          let
            # A path literal outside the store would be copied into it on use,
            # so "not in the store" accepts strings only.
            rightKind = if inStore == false then isString x else stringLike x;
            asPath = if isPath x then x else /. + builtins.unsafeDiscardStringContext x;
          in
          rightKind
          && (inStore == null || inStore == isUnderStore asPath)
          && (absolute == null || absolute == (substring 0 1 (toString x) == "/"));
        merge = mergeEqualOption;
        functor = defaultFunctor "path" // {
          type = pathWith;
          payload = { inherit inStore absolute; };
          binOp = a: b: if a == b then a else null;
        };
      };

  # ------------------------------------------------------------ containers

  listOf =
    elemType:
    let
      check = coherentCheck isList;
    in
    mkOptionType {
      name = "listOf";
      description = "list of ${optionDescriptionPhrase nounOrComposite elemType}";
      descriptionClass = "composite";
      inherit check;
      merge = mergeWithV2 (
        { loc, defs }:
        let
          # Each element merges on its own, at a location naming the
          # definition and the entry (both 1-based).
          entriesOf =
            defIndex: def:
            genList (
              entryIndex:
              lib.modules.mergeDefinitions
                (loc ++ [ "[definition ${toString (defIndex + 1)}-entry ${toString (entryIndex + 1)}]" ])
                elemType
                [
                  {
                    inherit (def) file;
                    value = elemAt def.value entryIndex;
                  }
                ]
            ) (length def.value);
          evaluated = filter (e: e.optionalValue ? value) (
            concatLists (genList (i: entriesOf i (elemAt defs i)) (length defs))
          );
        in
        {
          headError = headErrorOf check defs;
          value = map (e: e.optionalValue.value or e.mergedValue) evaluated;
          valueMeta.list = map (e: e.checkedAndMerged.valueMeta) evaluated;
        }
      );
      emptyValue.value = [ ];
      getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "*" ]);
      getSubModules = elemType.getSubModules;
      substSubModules = m: listOf (elemType.substSubModules m);
      functor = wrapperFunctor "listOf" { inherit elemType; } // {
        type = payload: lib.types.listOf payload.elemType;
      };
      nestedTypes.elemType = elemType;
    };

  nonEmptyListOf =
    elemType:
    let
      list = addCheck (lib.types.listOf elemType) (l: l != [ ]);
    in
    list
    // {
      description = "non-empty ${optionDescriptionPhrase nounOnly list}";
      # An empty list is not a value of this type, so there is no empty value.
      emptyValue = { };
      substSubModules = m: nonEmptyListOf (elemType.substSubModules m);
    };

  attrListOf = elemType: attrListWith { inherit elemType; };

  # An ordered list of single-key attribute sets (or an attribute set, whose
  # keys are then unordered), each value of `elemType`; mkOrder orders the
  # entries and mkOverride decides per key.
  attrListWith =
    {
      elemType,
      asAttrs ? false,
      mergeAttrValues ? _name: values: values,
    }:
    let
      check = coherentCheck (x: isList x || isAttrs x);
      description = "attribute list of ${optionDescriptionPhrase nounOrComposite elemType}";
      orderDefault = lib.modules.defaultOrderPriority;
      overrideDefault = lib.modules.defaultOverridePriority;

      # Strip mkOrder (it is consumed here) and note mkOverride (kept on the
      # value for mergeDefinitions), in whichever order they are nested.
      # The results are built field by field, never with `//`, so that the
      # content of an entry that loses to an override is never forced.
      unwrap =
        value:
        let
          kind = value._type or null;
          inner = unwrap value.content;
        in
        if kind == "order" then
          {
            inherit (inner) value overridePrio;
            prio = value.priority;
          }
        else if kind == "override" then
          {
            inherit (inner) prio;
            overridePrio = value.priority;
            value = lib.modules.mkOverride value.priority inner.value;
          }
        else
          {
            inherit value;
            prio = orderDefault;
            overridePrio = overrideDefault;
          };
    in
    mkOptionType {
      name = "attrListOf";
      inherit description check;
      descriptionClass = "composite";
      merge = mergeWithV2 (
        { loc, defs }:
        let
          fromListElement =
            file: element:
            let
              ordered = isType "order" element;
              item = if ordered then element.content else element;
              keys = attrNames item;
              key = head keys;
              unwrapped = unwrap item.${key};
            in
            if isAttrs item && length keys == 1 then
              unwrapped
              // {
                inherit file key;
                prio = if ordered then element.priority else unwrapped.prio;
              }
            else
              throw "A definition for option `${showOption loc}' is not of type `${description}'. ${
                if !isAttrs item then
                  "Each list element must be an attribute set, but got ${typeOf item}"
                else
                  "Each list element must be a single-key attribute set, but got ${toString (length keys)} keys"
              }.${
                showDefs [
                  {
                    inherit file;
                    value = element;
                  }
                ]
              }";

          itemsOf =
            def:
            if isList def.value then
              map (fromListElement def.file) def.value
            else
              map (
                key:
                unwrap def.value.${key}
                // {
                  inherit (def) file;
                  inherit key;
                }
              ) (attrNames def.value);

          allItems = concatMap itemsOf defs;

          # The strongest override priority (lowest number) of each key.
          strongest = foldl' (
            best: item:
            if item.overridePrio < best.${item.key} or overrideDefault then
              best // { ${item.key} = item.overridePrio; }
            else
              best
          ) { } allItems;

          kept = builtins.sort (a: b: a.prio < b.prio) (
            filter (item: item.overridePrio == strongest.${item.key} or overrideDefault) allItems
          );

          evaluated = filter (e: e.eval.optionalValue ? value) (
            map (item: {
              inherit (item) key file prio;
              eval = lib.modules.mergeDefinitions (loc ++ [ item.key ]) elemType [
                { inherit (item) file value; }
              ];
            }) kept
          );

          valueOf = e: e.eval.optionalValue.value or e.eval.mergedValue;
          entries = map (e: { ${e.key} = valueOf e; }) evaluated;
        in
        {
          headError = headErrorOf check defs;
          value = if asAttrs then zipAttrsWith mergeAttrValues entries else entries;
          valueMeta = {
            attrList = map (e: e.eval.checkedAndMerged.valueMeta) evaluated;
            attrListValue = entries;
            definitions = map (
              e:
              lib.modules.mkDefinition {
                inherit (e) file;
                value = lib.modules.mkOrder e.prio { ${e.key} = valueOf e; };
              }
            ) evaluated;
          };
        }
      );
      emptyValue.value = if asAttrs then { } else [ ];
      getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "*" ]);
      getSubModules = elemType.getSubModules;
      substSubModules =
        m:
        attrListWith {
          inherit asAttrs mergeAttrValues;
          elemType = elemType.substSubModules m;
        };
      typeMerge = _: null;
      nestedTypes.elemType = elemType;
    };

  attrsOf = elemType: attrsWith { inherit elemType; };

  # Lazy in its values: an attribute defined only under `mkIf false` still
  # exists (and fails when read) instead of disappearing.
  lazyAttrsOf =
    elemType:
    attrsWith {
      inherit elemType;
      lazy = true;
    };

  attrsWith =
    {
      elemType,
      lazy ? false,
      placeholder ? "name",
    }:
    let
      check = coherentCheck isAttrs;
      # Every attribute of every definition with the file of its definition, by name.
      perAttributeDefs = primitives.valuesByAttribute;
      mergeAttribute = loc: name: defs: lib.modules.mergeDefinitions (loc ++ [ name ]) elemType defs;
    in
    mkOptionType {
      name = if lazy then "lazyAttrsOf" else "attrsOf";
      description =
        (if lazy then "lazy attribute set" else "attribute set")
        + " of ${optionDescriptionPhrase nounOrComposite elemType}";
      descriptionClass = "composite";
      inherit check;
      merge = mergeWithV2 (
        { loc, defs }:
        let
          all' = mapAttrs (mergeAttribute loc) (perAttributeDefs defs);
          # The strict variant drops attributes left without a value (all
          # their definitions were conditional and false).
          evaluated = if lazy then all' else primitives.definedEntries all';
        in
        {
          headError = headErrorOf check defs;
          value =
            if lazy then
              mapAttrs (_: e: e.optionalValue.value or elemType.emptyValue.value or e.mergedValue) evaluated
            else
              mapAttrs (_: e: e.optionalValue.value) evaluated;
          valueMeta.attrs = mapAttrs (_: e: e.checkedAndMerged.valueMeta) evaluated;
        }
      );
      emptyValue.value = { };
      getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "<${placeholder}>" ]);
      getSubModules = elemType.getSubModules;
      substSubModules =
        m:
        attrsWith {
          elemType = elemType.substSubModules m;
          inherit lazy placeholder;
        };
      functor = wrapperFunctor "attrsWith" { inherit elemType lazy placeholder; } // {
        binOp =
          a: b:
          let
            elemType = a.elemType.typeMerge b.elemType.functor;
            lazy = if a.lazy == b.lazy then a.lazy else null;
            # The generic "name" placeholder gives way to a specific one.
            placeholder =
              if a.placeholder == b.placeholder || b.placeholder == "name" then
                a.placeholder
              else if a.placeholder == "name" then
                b.placeholder
              else
                null;
          in
          if elemType == null || lazy == null || placeholder == null then
            null
          else
            { inherit elemType lazy placeholder; };
      };
      nestedTypes.elemType = elemType;
    };

  # Deprecated since lists of attribute sets stopped merging into sets; the
  # module system warns with deprecationMessage when an option uses it.
  loaOf =
    elemType:
    lib.types.attrsOf elemType
    // {
      name = "loaOf";
      deprecationMessage =
        "Mixing lists with attribute values is no longer"
        + " possible; please use `types.attrsOf` instead. See"
        + " https://github.com/NixOS/nixpkgs/issues/1800 for the motivation.";
      nestedTypes.elemType = elemType;
    };

  # A set with exactly one attribute, whose name picks one of the `tags`
  # (each an option, mkOption { type = ...; }) and whose value is that
  # option's value.
  attrTag =
    tagDecls:
    let
      declarationOf =
        name: option:
        let
          pos = builtins.unsafeGetAttrPos name tagDecls;
          problem =
            if !(option ? _type) then
              "was not."
            else if option._type == "option-type" then
              "was a bare type, not wrapped in mkOption."
            else
              "was of type ${lib.strings.escapeNixString option._type}.";
        in
        builtins.addErrorContext
          "while checking that attrTag tag ${lib.strings.escapeNixIdentifier name} is an option with a type${positionSuffix tagDecls name}"
          (
            if option._type or null != "option" then
              throw "In attrTag, each tag value must be an option, but tag ${lib.strings.escapeNixIdentifier name} ${problem}"
            else
              option
              // {
                declarations = option.declarations or (if pos == null then [ ] else [ pos.file ]);
                declarationPositions = option.declarationPositions or (if pos == null then [ ] else [ pos ]);
              }
          );
      tags = mapAttrs declarationOf tagDecls;
      choices = concatStringsSep ", " (map lib.strings.escapeNixIdentifier (attrNames tags));
    in
    mkOptionType {
      name = "attrTag";
      description = "attribute-tagged union with choices: ${choices}";
      descriptionClass = "noun";
      check = v: isAttrs v && length (attrNames v) == 1 && tags ? ${head (attrNames v)};
      merge =
        loc: defs:
        let
          choice = head (attrNames (head defs).value);
          choiceDefs = map (
            def:
            let
              chosen = head (attrNames def.value);
            in
            assert length (attrNames def.value) == 1;
            if chosen != choice then
              throw "The option `${showOption loc}` is defined both as `${choice}` and `${chosen}`, in ${showFiles (getFiles defs)}."
            else
              {
                inherit (def) file;
                value = def.value.${choice};
              }
          ) defs;
          shown = lib.strings.escapeNixIdentifier choice;
        in
        if tags ? ${choice} then
          { ${choice} = (lib.modules.evalOptionValue (loc ++ [ choice ]) tags.${choice} choiceDefs).value; }
        else
          throw "The option `${showOption loc}` is defined as ${shown}, but ${shown} is not among the valid choices (${choices}). Value ${choice} was defined in ${showFiles (getFiles defs)}.";
      getSubOptions = prefix: mapAttrs (name: option: option // { loc = prefix ++ [ name ]; }) tags;
      nestedTypes = tags;
      functor = defaultFunctor "attrTag" // {
        type = { tags, ... }: lib.types.attrTag tags;
        payload = { inherit tags; };
        binOp =
          let
            # mergeOptionDecls expects module-shaped declarations.
            asModule = option: {
              _file = "<attrTag {...}>";
              pos = null;
              options = option;
            };
          in
          a: b: {
            tags =
              a.tags
              // b.tags
              // mapAttrs (
                name: bOption:
                let
                  aOption = a.tags.${name};
                in
                # The location is relative to the attrTag: only error messages use it.
                lib.modules.mergeOptionDecls [ name ] [ (asModule aOption) (asModule bOption) ]
                // {
                  declarations = aOption.declarations ++ bOption.declarations;
                  declarationPositions = aOption.declarationPositions ++ bOption.declarationPositions;
                }
              ) (intersectAttrs a.tags b.tags);
          };
      };
    };

  uniq = unique { message = ""; };

  # `type`, but only one definition is allowed; `message` explains why.
  unique =
    { message }:
    type:
    mkOptionType {
      name = "unique";
      inherit (type)
        description
        descriptionClass
        check
        emptyValue
        getSubOptions
        getSubModules
        ;
      merge = mergeUniqueOption {
        inherit message;
        inherit (type) merge;
      };
      substSubModules = m: uniq (type.substSubModules m);
      functor = wrapperFunctor "unique" { elemType = type; } // {
        type = payload: lib.types.unique { inherit message; } payload.elemType;
      };
      nestedTypes.elemType = type;
    };

  nullOr =
    elemType:
    mkOptionType {
      name = "nullOr";
      description = "null or ${optionDescriptionPhrase nounOrConjunction elemType}";
      descriptionClass = "conjunction";
      check = x: x == null || elemType.check x;
      merge =
        loc: defs:
        let
          nullCount = length (filter (def: def.value == null) defs);
        in
        if nullCount == 0 then
          elemType.merge loc defs
        else if nullCount == length defs then
          null
        else
          throw "The option `${showOption loc}` is defined both null and not null, in ${showFiles (getFiles defs)}.";
      emptyValue.value = null;
      inherit (elemType) getSubOptions getSubModules;
      substSubModules = m: nullOr (elemType.substSubModules m);
      functor = wrapperFunctor "nullOr" { inherit elemType; } // {
        type = payload: lib.types.nullOr payload.elemType;
      };
      nestedTypes.elemType = elemType;
    };

  # Functions whose results merge as `elemType`: the merged value calls
  # every definition with the same argument and merges the results.
  functionTo =
    elemType:
    mkOptionType {
      name = "functionTo";
      description = "function that evaluates to a(n) ${optionDescriptionPhrase nounOrComposite elemType}";
      descriptionClass = "composite";
      check = isFunction;
      merge = loc: defs: {
        # An argument has a default only when every definition gives it one.
        __functionArgs = zipAttrsWith (_: all (hasDefault: hasDefault)) (
          map (def: functionArgs def.value) defs
        );
        __functor =
          _: args:
          (lib.modules.mergeDefinitions (loc ++ [ "<function body>" ]) elemType (
            map (def: {
              inherit (def) file;
              value = def.value args;
            }) defs
          )).mergedValue;
      };
      getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "<function body>" ]);
      getSubModules = elemType.getSubModules;
      substSubModules = m: functionTo (elemType.substSubModules m);
      functor = wrapperFunctor "functionTo" { inherit elemType; } // {
        type = payload: lib.types.functionTo payload.elemType;
      };
      nestedTypes.elemType = elemType;
    };

  # ------------------------------------------------------------ submodules

  submodule =
    modules:
    submoduleWith {
      shorthandOnlyDefinesConfig = true;
      modules = lib.toList modules;
    };

  submoduleWith =
    {
      modules,
      specialArgs ? { },
      shorthandOnlyDefinesConfig ? false,
      description ? null,
      class ? null,
    }@attrs:
    let
      # Each definition becomes a module; with the shorthand, a plain
      # attribute set is its `config`.
      definitionModules = map (
        { value, file }:
        if shorthandOnlyDefinesConfig && isAttrs value then
          {
            _file = file;
            config = value;
          }
        else
          {
            _file = file;
            imports = [ value ];
          }
      );

      # The submodule evaluated without any definition. `name` has a
      # placeholder (in angle quotes that survive documentation rendering)
      # for option defaults that mention it.
      base = lib.modules.evalModules {
        inherit class specialArgs;
        modules = [ { _module.args.name = lib.mkOptionDefault "‹name›"; } ] ++ modules;
      };

      freeformType = base._module.freeformType;

      check = coherentCheck (x: isAttrs x || isFunction x || path.check x);
    in
    mkOptionType {
      name = "submodule";
      description =
        if description != null then
          description
        else
          let
            docsFreeform = (base.extendModules { modules = [ docsOnlyModule ]; })._module.freeformType;
          in
          if docsFreeform ? description then
            "open submodule of ${optionDescriptionPhrase nounOrComposite docsFreeform}"
          else
            "submodule";
      inherit check;
      merge = mergeWithV2 (
        { loc, defs }:
        let
          configuration = base.extendModules {
            modules = [ { _module.args.name = lastOf loc; } ] ++ definitionModules defs;
            prefix = loc;
          };
        in
        {
          headError = headErrorOf check defs;
          value = configuration.config;
          valueMeta = { inherit configuration; };
        }
      );
      emptyValue.value = base.config;
      getSubOptions =
        prefix:
        let
          docsEval = base.extendModules {
            inherit prefix;
            modules = [ docsOnlyModule ];
          };
          # The freeform type as seen without checks, like the options.
          docsFreeform = docsEval._module.freeformType;
        in
        docsEval.options
        // lib.attrsets.optionalAttrs (docsFreeform != null) {
          # Only the sub-options matter to option discovery, not this name.
          _freeformOptions = docsFreeform.getSubOptions prefix;
        };
      getSubModules = modules;
      substSubModules = m: submoduleWith (attrs // { modules = m; });
      nestedTypes = lib.attrsets.optionalAttrs (freeformType != null) { inherit freeformType; };
      functor = defaultFunctor "submodule" // {
        type = lib.types.submoduleWith;
        payload = {
          inherit
            modules
            class
            specialArgs
            shorthandOnlyDefinesConfig
            description
            ;
        };
        binOp =
          a: b:
          let
            # null means "unspecified" and gives way to the other side.
            agree =
              what: x: y:
              if x == null then
                y
              else if y == null || x == y then
                x
              else
                throw "A submoduleWith option is declared multiple times with conflicting ${what}";
            sharedArgs = intersectAttrs a.specialArgs b.specialArgs;
            classA = a.class or null;
            classB = b.class or null;
          in
          {
            class =
              if classA == null || classB == null || classA == classB then
                (if classA == null then classB else classA)
              else
                throw "A submoduleWith option is declared multiple times with conflicting class values \"${toString classA}\" and \"${toString classB}\".";
            modules = a.modules ++ b.modules;
            specialArgs =
              if sharedArgs == { } then
                a.specialArgs // b.specialArgs
              else
                throw "A submoduleWith option is declared multiple times with the same specialArgs \"${toString (attrNames sharedArgs)}\"";
            shorthandOnlyDefinesConfig =
              agree "shorthandOnlyDefinesConfig values" a.shorthandOnlyDefinesConfig
                b.shorthandOnlyDefinesConfig;
            description = agree "descriptions" a.description b.description;
          };
      };
    };

  deferredModule = deferredModuleWith { };

  # A module kept for evaluation elsewhere; `staticModules` are always part
  # of it and appear in the documentation.
  deferredModuleWith =
    attrs@{
      staticModules ? [ ],
    }:
    let
      documented = submoduleWith { modules = staticModules; };
    in
    mkOptionType {
      name = "deferredModule";
      description = "module";
      descriptionClass = "noun";
      check = x: isAttrs x || isFunction x || path.check x;
      merge = loc: defs: {
        imports =
          staticModules
          ++ map (def: lib.modules.setDefaultModuleLocation "${def.file}, via option ${showOption loc}" def.value) defs;
      };
      inherit (documented) getSubOptions getSubModules;
      substSubModules = m: deferredModuleWith (attrs // { staticModules = m; });
      functor = defaultFunctor "deferredModuleWith" // {
        type = lib.types.deferredModuleWith;
        payload = { inherit staticModules; };
        binOp = a: b: { staticModules = a.staticModules ++ b.staticModules; };
      };
    };

  # An option declaration (mkOption ...), not yet given a value.
  optionDeclaration = mkOptionType {
    name = "optionDeclaration";
    description = "option declaration";
    descriptionClass = "noun";
    check = x: isType "option" x && !(x ? value);
  };

  # Option types as values; several definitions merge like several
  # declarations of one option would.
  optionType = mkOptionType {
    name = "optionType";
    description = "optionType";
    descriptionClass = "noun";
    check = isType "option-type";
    merge =
      loc: defs:
      if length defs == 1 then
        (head defs).value
      else
        let
          asDeclarations = map (def: {
            _file = def.file;
            options = lib.mkOption { type = def.value; };
          }) defs;
        in
        (lib.modules.fixupOptionType loc (lib.modules.mergeOptionDecls loc asDeclarations)).type;
  };

  # ------------------------------------------------------------ combinators

  enum =
    values:
    let
      show =
        v:
        if isString v then
          ''"${v}"''
        else if isInt v then
          toString v
        else if isBool v then
          (if v then "true" else "false")
        else
          "<${typeOf v}>";
      count = length values;
    in
    mkOptionType {
      name = "enum";
      # Empty and one-value enums occur when modules extend an enum
      # declared elsewhere through type merging.
      description =
        if count == 0 then
          "impossible (empty enum)"
        else if count == 1 then
          "value ${show (head values)} (singular enum)"
        else
          "one of ${concatStringsSep ", " (map show values)}";
      descriptionClass = if count < 2 then "noun" else "conjunction";
      check = x: elem x values;
      merge = mergeEqualOption;
      functor = defaultFunctor "enum" // {
        type = payload: lib.types.enum payload.values;
        payload = { inherit values; };
        binOp = a: b: { values = lib.lists.unique (a.values ++ b.values); };
      };
    };

  either =
    t1: t2:
    let
      check = coherentCheck (x: t1.check x || t2.check x);
      functor = wrapperFunctor "either" { elemType = [ t1 t2 ]; };
    in
    mkOptionType {
      name = "either";
      description =
        if t1.descriptionClass or null == "nonRestrictiveClause" then
          "${t1.description}, or ${optionDescriptionPhrase nounOrConjunction t2}"
        else
          "${optionDescriptionPhrase nounOrConjunction t1} or ${optionDescriptionPhrase anyButClause t2}";
      descriptionClass = "conjunction";
      inherit check functor;
      merge = mergeWithV2 (
        { loc, defs }:
        let
          left = mergeAsV2 loc t1 defs;
          right = mergeAsV2 loc t2 defs;
          headError = {
            message = "The option `${showOption loc}` is neither a value of type `${t1.description}` nor `${t2.description}`, Definition values: ${showDefs defs}";
          };
        in
        if left.headError == null then
          left
        else if right.headError == null then
          right
        else
          # Kept working (with a warning) for configurations that relied on
          # freeform types not being checked.
          {
            inherit headError;
            valueMeta = { inherit headError; };
            value = lib.warn ''
              One or more definitions did not pass the type-check of the 'either' type.
              ${headError.message}
              If `either`, `oneOf` or similar is used in freeformType, ensure that it is preceded by an 'attrsOf' such as: `freeformType = types.attrsOf (types.either t1 t2)`.
              Otherwise consider using the correct type for the option `${showOption loc}`.  This will be an error in Nixpkgs 26.05.
            '' (mergeOneOption loc defs);
          }
      );
      typeMerge =
        f':
        let
          left = t1.typeMerge (head f'.payload.elemType).functor;
          right = t2.typeMerge (elemAt f'.payload.elemType 1).functor;
        in
        if f'.name == "either" && left != null && right != null then either left right else null;
      nestedTypes = {
        left = t1;
        right = t2;
      };
    };

  oneOf =
    ts:
    if ts == [ ] then
      throw "types.oneOf needs to get at least one type in its argument"
    else
      foldl' either (head ts) (tail ts);

  # Values of `finalType`, or of `coercedType` converted by `coerceFunc`.
  coercedTo =
    coercedType: coerceFunc: finalType:
    assert lib.assertMsg (coercedType.getSubModules == null)
      "coercedTo: coercedType must not have submodules (it’s a ${coercedType.description})";
    let
      check = coherentCheck (
        x: (coercedType.check x && finalType.check (coerceFunc x)) || finalType.check x
      );
      coerce =
        loc: def:
        let
          coercible =
            if coercedType.merge ? v2 then
              (runV2Merge loc coercedType {
                inherit loc;
                defs = [ def ];
              }).headError == null
            else
              coercedType.check def.value;
        in
        def // { value = if coercible then coerceFunc def.value else def.value; };
    in
    mkOptionType {
      name = "coercedTo";
      description = "${optionDescriptionPhrase nounOnly finalType} or ${optionDescriptionPhrase nounOnly coercedType} convertible to it";
      inherit check;
      merge = mergeWithV2 (
        { loc, defs }:
        let
          finalDefs = map (coerce loc) defs;
        in
        if finalType.merge ? v2 then
          runV2Merge loc finalType {
            inherit loc;
            defs = finalDefs;
          }
        else
          {
            value = finalType.merge loc finalDefs;
            valueMeta = { };
            headError = headErrorOf check defs;
          }
      );
      inherit (finalType) emptyValue getSubOptions getSubModules;
      substSubModules = m: coercedTo coercedType coerceFunc (finalType.substSubModules m);
      typeMerge = _: null;
      functor = defaultFunctor "coercedTo";
      nestedTypes = {
        inherit coercedType finalType;
      };
    };

  # `elemType` with an extra check. For v2 types the extra check also feeds
  # the head error, so the module system reports it as a type error.
  addCheck =
    elemType: extra:
    if elemType.merge ? v2 then
      let
        check = coherentCheck (x: elemType.check x && extra x);
      in
      elemType
      // {
        inherit check;
        merge = mergeWithV2 (
          { loc, defs }@args:
          let
            inner = runV2Merge loc elemType args;
          in
          inner
          // {
            headError = if inner.headError != null then inner.headError else headErrorOf extra defs;
          }
        );
      }
    else
      elemType // { check = x: elemType.check x && extra x; };

  # Values that JSON, TOML, YAML... can represent.
  serializableValueWith =
    {
      typeName,
      nullable ? true,
    }:
    let
      anyValue = oneOf [
        bool
        int
        float
        str
        path
        (attrsOf valueType)
        (listOf valueType)
      ];
      valueType = (if nullable then nullOr anyValue else anyValue) // {
        description = "${typeName} value";
      };
    in
    valueType;

  json = serializableValueWith { typeName = "JSON"; };

  toml = serializableValueWith {
    typeName = "TOML";
    nullable = false;
  };

  # nixpkgs keeps this self-reference for old code using lib.types.types.
  types = lib.types;
}
