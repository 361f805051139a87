# The module system's innermost loops, which run for every option and every
# definition of an evaluation. The evaluator implements them natively (Java,
# org.modsvc.nix.lib.ModulePrimitives) and hands them over as the global
# `__modsvcLibPrimitives`; the Nix definitions below are the reference those
# must match, used when that global is null (the lib tests run every case
# both ways). Only modules.nix uses this file.
# `hooks` are the module system's functions the reference definitions use;
# a caller that needs only some primitives may leave the others' hooks out.
hooks:
let
  inherit (builtins)
    all
    any
    attrNames
    catAttrs
    concatLists
    concatMap
    elemAt
    filter
    genericClosure
    genList
    head
    isAttrs
    isFunction
    isList
    length
    map
    mapAttrs
    removeAttrs
    unsafeGetAttrPos
    zipAttrsWith
    ;

  inherit (hooks)
    addErrorContext
    defaultOverridePriority
    dischargeProperties
    filterOverrides'
    mkIf
    mkMerge
    mkOverride
    sortProperties
    ;

  reference = rec {
    # An option declared once gets its final type directly; `general` does
    # the rest (fixupOptionType after mergeOptionDecls).
    declareOptionWith = hooks: hooks.general;

    # The attributes a module may have beside its configuration.
    # The attributes a module may have beside its configuration.
    moduleStructureAttrs = [
      "_class"
      "_file"
      "key"
      "disabledModules"
      "imports"
      "options"
      "config"
      "meta"
      "freeformType"
    ];
    shorthandStructureAttrs = [
      "_class"
      "_file"
      "key"
      "disabledModules"
      "require"
      "imports"
      "freeformType"
    ];

    # unifyModuleSyntax: a loaded module in canonical form
    #   { _file, _class, key, disabledModules, imports, options, config }
    # (see modules.nix); `hooks` raises the unsupported-attribute error.
    unifyModuleSyntaxWith =
      hooks: file: key: m:
      let
        withFreeformType =
          config:
          if m ? freeformType then mkMerge [ config { _module.freeformType = m.freeformType; } ] else config;
        identity = {
          _file = toString (m._file or file);
          _class = m._class or null;
          key = toString (m.key or key);
          disabledModules = m.disabledModules or [ ];
        };
      in
      if m ? config || m ? options then
        let
          extra = removeAttrs m moduleStructureAttrs;
        in
        if extra != { } then
          hooks.unsupportedTopLevelAttribute key extra
        else
          identity
          // {
            imports = m.imports or [ ];
            options = m.options or { };
            config = withFreeformType (
              if m ? meta then
                mkMerge [
                  (m.config or { })
                  { meta = m.meta; }
                ]
              else
                m.config or { }
            );
          }
      else if !isAttrs m then
        throw "module ${file} (${key}) does not look like a module."
      else
        identity
        // {
          imports = m.require or [ ] ++ m.imports or [ ];
          options = { };
          config = withFreeformType (removeAttrs m shorthandStructureAttrs);
        };

    # One level of mergeModules': per declared name, { matchedOptions,
    # unmatchedDefns }. The native version evaluates names whose declarations
    # are all options itself and hands the others to `hooks.other`, which
    # handles every kind of name.
    mergeOptionsWith =
      hooks: prefix: declarationsByName: definitionsByName:
      mapAttrs hooks.other declarationsByName;

    # lib.lists.reverseList
    reverseList =
      xs:
      let
        n = length xs;
      in
      builtins.genList (i: builtins.elemAt xs (n - i - 1)) n;

    # The definitions [ { file, value } ] of an attribute set, attribute by
    # attribute: name → [ { file, value } ].
    valuesByAttribute =
      defs:
      groupValuesByName (
        map (
          def:
          mapAttrs (_: value: {
            inherit (def) file;
            inherit value;
          }) def.value
        ) defs
      );

    # The head error of a v2 merge: null when every definition passes
    # `check`, otherwise `describe` applied to those that do not.
    headErrorOfWith =
      describe: check: defs:
      let
        bad = filter (def: !check def.value) defs;
      in
      if bad == [ ] then null else describe bad;

    # mergeEqualOption: one definition is its own value; `general` does the
    # rest.
    mergeEqualOptionWith = general: general;

    # mapAttrs (_: r: r.${name})
    attrOfEach = name: mapAttrs (_: r: r.${name});

    # Whether the declarations of one name are all options ("options"), none
    # ("none", a nested option set) or some ("mixed"); `notAnOption` is called
    # with the first declaration tagged as something else than an option.
    declarationKind =
      notAnOption: decls:
      let
        optionDecls = filter (d: d.options ? _type && (d.options._type == "option" || notAnOption d)) decls;
      in
      if length optionDecls == length decls then
        "options"
      else if optionDecls == [ ] then
        "none"
      else
        "mixed";

    # The definitions of collected modules as [ { file, config } ], with their
    # properties pushed down one level.
    moduleConfigs = concatMap (
      m:
      map (config: {
        file = m._file;
        inherit config;
      }) (pushDownProperties m.config)
    );

    # One level of mergeModules': name → [ { _file, pos, options } ] for the
    # modules declaring below it.
    declarationsByName =
      notAnAttrset: modules:
      groupValuesByName (
        map (
          module:
          let
            subtree = module.options;
          in
          if !isAttrs subtree then
            notAnAttrset subtree
          else
            mapAttrs (name: decl: {
              inherit (module) _file;
              pos = unsafeGetAttrPos name subtree;
              options = decl;
            }) subtree
        ) modules
      );

    # One level of mergeModules': the definitions [ { file, config } ] by
    # name, as { file, value } (`values`) and with their properties pushed one
    # level further down as { file, config } (`pushedDown`), for the recursion
    # into option sets that are not options themselves.
    definitionsByName =
      notAnAttrset: configs:
      let
        checked = if all (def: isAttrs def.config) configs then configs else notAnAttrset (firstNonSet configs);
        firstNonSet = defs: if isAttrs (head defs).config then firstNonSet (builtins.tail defs) else head defs;
      in
      {
        pushedDown = zipAttrsWith (_: concatLists) (
          map (
            def:
            mapAttrs (
              _: value:
              map (config: {
                inherit (def) file;
                inherit config;
              }) (pushDownProperties value)
            ) def.config
          ) checked
        );
        values = groupValuesByName (
          map (
            def:
            mapAttrs (_: value: {
              inherit (def) file;
              inherit value;
            }) def.config
          ) checked
        );
      };

    # The definitions a level of mergeModules' could not match, with their
    # path below it in `prefix`: those the nested levels left and those of
    # names nothing declares.
    unmatchedDefinitions =
      results: definitions:
      let
        byName = mapAttrs (_: r: r.unmatchedDefns) results // removeAttrs definitions (attrNames results);
      in
      concatLists (
        map (
          name: map (def: def // { prefix = [ name ] ++ (def.prefix or [ ]); }) byName.${name}
        ) (attrNames byName)
      );

    # zipAttrs: per name, every value in order.
    groupValuesByName = zipAttrsWith (_: values: values);

    # Expands mkMerge and pushes mkIf/mkOverride from an attribute set onto
    # each of its attributes, so a condition never has to be evaluated to
    # learn which attributes a module defines:
    #   mkMerge [ { a = x; } (mkIf c { a = y; b = z; }) ]
    #   → [ { a = x; } { a = mkIf c y; b = mkIf c z; } ]
    pushDownProperties =
      cfg:
      let
        tag = cfg._type or "";
        # A property around a non-attrset is left alone here: the error
        # surfaces later with a better message.
        wrapEach = wrap: value: if isAttrs value then mapAttrs (_: wrap) value else value;
      in
      if tag == "merge" then
        concatMap pushDownProperties cfg.contents
      else if tag == "if" then
        map (wrapEach (mkIf cfg.condition)) (pushDownProperties cfg.content)
      else if tag == "override" then
        map (wrapEach (mkOverride cfg.priority)) (pushDownProperties cfg.content)
      else
        [ cfg ];

    # The definitions of one option that take part in its merge, in order:
    # mkMerge/mkIf discharged, only the best mkOverride priority kept, mkOrder
    # sorted. One definition without any property skips the pipeline.
    finalDefinitions =
      defs:
      let
        contextFor = def: "while evaluating definitions from `${def.file}':";
        isPlainSingleton =
          length defs == 1
          && (
            let
              def = head defs;
            in
            addErrorContext (contextFor def) (!(isAttrs def.value && def.value ? _type))
          );
        discharged = concatMap (
          def:
          map (
            value:
            if value._type or null == "definition" then
              value
            else
              {
                inherit (def) file;
                inherit value;
              }
          ) (addErrorContext (contextFor def) (dischargeProperties def.value))
        ) defs;
        filtered = filterOverrides' discharged;
        sorted =
          if any (def: def.value._type or "" == "order") filtered.values then
            sortProperties filtered.values
          else
            filtered.values;
      in
      if isPlainSingleton then
        {
          values = defs;
          highestPrio = defaultOverridePriority;
        }
      else
        {
          values = sorted;
          inherit (filtered) highestPrio;
        };

    # evalOptionValue: a merged declaration plus its definitions becomes the
    # option as seen in `options.<path>`; the default is a definition at
    # mkOptionDefault priority. `hooks` brings mergeDefinitions, showOption,
    # the read-only error, the deprecation warning and __toString.
    evalOptionValueWith =
      hooks: loc: opt: defs:
      let
        allDefs =
          if opt ? default then
            [
              {
                file = head opt.declarations;
                value = mkOverride 1500 opt.default;
              }
            ]
            ++ defs
          else
            defs;
        merged =
          if opt.readOnly or false && length allDefs > 1 then
            hooks.readOnlySetTwice loc opt allDefs
          else
            hooks.mergeDefinitions loc opt.type allDefs;
        value = if opt ? apply then opt.apply merged.mergedValue else merged.mergedValue;
        withDeprecation = if opt.type.deprecationMessage != null then hooks.deprecated loc opt else opt;
      in
      withDeprecation
      // {
        value = addErrorContext "while evaluating the option `${hooks.showOption loc}':" value;
        inherit (merged.defsFinal') highestPrio;
        definitions = map (def: def.value) merged.defsFinal;
        files = map (def: def.file) merged.defsFinal;
        definitionsWithLocations = merged.defsFinal;
        inherit (merged) isDefined;
        inherit (merged.checkedAndMerged) valueMeta;
        __toString = hooks.toStringFor loc;
      };

    # mergeDefinitions, given the error texts of the module system.
    mergeDefinitionsWith =
      messages: loc: type: defs:
      let
        defsFinal' = finalDefinitions defs;
        defsFinal = defsFinal'.values;
        isDefined = defsFinal != [ ];

        hasV2Merge = type.merge ? v2;

        # A type whose merge has a `v2` must have a check built for it
        # (addCheck), not one patched in with `type // { check }`.
        checkV2MergeCoherence =
          result:
          if type.check.isV2MergeCoherent or false then result else throw (messages.incoherent_v2_check loc type);

        # The shape every merge result must have; accessing any field checks it.
        mergeResultShape = result@{ headError, value, valueMeta }: result;

        checkedAndMerged = mergeResultShape (
          if hasV2Merge then
            let
              result = checkV2MergeCoherence (
                type.merge.v2 {
                  inherit loc;
                  defs = defsFinal;
                }
              );
            in
            result // { valueMeta = result.valueMeta // { _internal = { inherit type; }; }; }
          else
            {
              headError = null;
              value = mergedValue;
              valueMeta = { };
            }
        );

        mergedValue =
          if isDefined then
            if hasV2Merge then
              if checkedAndMerged.headError or null != null then
                throw (messages.wrong_type_v2 loc type checkedAndMerged.headError)
              else
                checkedAndMerged.value
            else if all (def: type.check def.value) defsFinal then
              type.merge loc defsFinal
            else
              throw (messages.wrong_type loc type (filter (def: !type.check def.value) defsFinal))
          else if type.emptyValue ? value then
            type.emptyValue.value
          else
            throw (messages.used_but_not_defined loc);
      in
      {
        inherit
          defsFinal'
          defsFinal
          mergedValue
          checkedAndMerged
          isDefined
          ;
        optionalValue = if isDefined then { value = mergedValue; } else { };
      };

    # collectModules' walk of the import tree: `collectTreeWith hooks class
    # parentFile parentKey modules args` is
    #   { modules = [ { key, module, modules, disabled } ]; disabled = [ … ]; }
    # with every module loaded (functions applied to `args`) and unified, and
    # the disabledModules lists of the whole tree. `hooks` unify, apply module
    # functions, load files and raise the errors.
    collectTreeWith =
      hooks: class:
      let
        noImports = {
          modules = [ ];
          disabled = [ ];
        };
        checkClass = m: if m._class == null || m._class == class then m else hooks.wrongClass m;
        loadModule =
          args: fallbackFile: fallbackKey: m:
          if isFunction m then
            hooks.unifyModuleSyntax fallbackFile fallbackKey (hooks.applyModuleArgs fallbackKey m args)
          else if isAttrs m then
            let
              tag = m._type or "module";
            in
            if tag == "module" then
              hooks.unifyModuleSyntax fallbackFile fallbackKey m
            else if tag == "if" || tag == "override" then
              loadModule args fallbackFile fallbackKey { config = m; }
            else
              hooks.notAModule args fallbackFile m tag
          else if isList m then
            hooks.nestedImportList fallbackFile m
          else
            hooks.loadFile args m;
        collectTree =
          parentFile: parentKey: initialModules: args:
          let
            nodes = genList (
              i:
              let
                loaded = loadModule args parentFile "${parentKey}:anon-${toString (i + 1)}" (elemAt initialModules i);
                module = if class == null then loaded else checkClass loaded;
                # Most modules import nothing: skip the recursion for them.
                imported =
                  if module.imports == [ ] then noImports else collectTree module._file module.key module.imports args;
                ownDisabled =
                  if module.disabledModules == [ ] then
                    [ ]
                  else
                    [
                      {
                        file = module._file;
                        disabled = module.disabledModules;
                      }
                    ];
              in
              {
                inherit (module) key;
                inherit module;
                modules = imported.modules;
                disabled = ownDisabled ++ imported.disabled;
              }
            ) (length initialModules);
          in
          {
            modules = nodes;
            disabled = concatLists (catAttrs "disabled" nodes);
          };
      in
      collectTree;

    # The modules of an import tree in which nothing is disabled: breadth-first,
    # each key once.
    closureModules =
      nodes:
      catAttrs "module" (genericClosure {
        startSet = nodes;
        operator = node: node.modules;
      });

    # The merges of an attribute set's entries (name → mergeDefinitions
    # result) that have a value: those whose definitions were not all
    # conditional and false.
    definedEntries = merges: removeAttrs merges (filter (n: !(merges.${n}.optionalValue ? value)) (attrNames merges));

    # The configuration of a tree of options: each option's value, lazily.
    optionValues =
      let
        go = mapAttrs (_: v: if isAttrs v && (v._type or "") != "option" then go v else v.value);
      in
      go;
  };
in
if __modsvcLibPrimitives != null then __modsvcLibPrimitives else reference
