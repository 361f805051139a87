# The module system: modsvc's own implementation of nixpkgs' `lib.modules`.
#
# Evaluation runs as a pipeline of named phases, in the order nixpkgs uses and
# under nixpkgs' names, so error traces and behaviour line up with upstream:
#
#   evalModules
#     └─ collectModules      load every module (files, functions, attribute sets),
#                            normalise it (unifyModuleSyntax), follow `imports`,
#                            drop `disabledModules`, deduplicate by `key`
#     └─ mergeModules        group option declarations and definitions by name,
#                            push mkIf/mkOverride down to the leaves
#         └─ mergeOptionDecls + fixupOptionType    one declaration per option
#         └─ evalOptionValue                       default, readOnly, apply
#             └─ mergeDefinitions   dischargeProperties → filterOverrides →
#                                   sortProperties → type check and merge
#     └─ checkUnmatched      definitions without an option are an error unless a
#                            freeform type takes them
#
# A definition is always `{ file, value }`. Properties (mkIf, mkMerge,
# mkOverride, mkOrder, mkDefinition) are attribute sets tagged with `_type`.
# The texts of all errors follow nixpkgs word for word: tools (and people)
# match on them.
{ lib }:
let
  inherit (builtins)
    all
    any
    attrNames
    catAttrs
    elemAt
    concatLists
    concatMap
    concatStringsSep
    elem
    filter
    foldl'
    functionArgs
    genList
    genericClosure
    head
    isAttrs
    isBool
    isFunction
    isList
    isString
    length
    mapAttrs
    removeAttrs
    seq
    sort
    substring
    tail
    typeOf
    ;
  inherit (lib)
    addErrorContext
    attrByPath
    getAttrFromPath
    id
    init
    last
    mapAttrsToList
    optional
    optionalAttrs
    optionalString
    recursiveUpdate
    reverseList
    setAttrByPath
    sortOn
    take
    trace
    types
    warn
    warnIf
    ;
  inherit (lib.options)
    isOption
    mkOption
    showDefs
    showFiles
    showOption
    unknownModule
    ;

  # The hot loops, native where the evaluator provides them (see primitives.nix).
  primitives = import ./primitives.nix {
    inherit
      addErrorContext
      defaultOverridePriority
      dischargeProperties
      filterOverrides'
      mkIf
      mkMerge
      mkOverride
      sortProperties
      ;
  };
  inherit (primitives) groupValuesByName pushDownProperties;

  # ───────────────────────── priorities ─────────────────────────

  # Definitions without mkOverride compete at this priority (lower wins).
  defaultOverridePriority = 100;
  # Definitions without mkOrder are sorted at this position (lower comes first).
  defaultOrderPriority = 1000;

  # ───────────────────────── properties ─────────────────────────

  mkIf = condition: content: {
    _type = "if";
    inherit condition content;
  };

  # A failing assertion surfaces as soon as the definition is discharged.
  mkAssert =
    assertion: message: content:
    mkIf (if assertion then true else throw "\nFailed assertion: ${message}") content;

  mkMerge = contents: {
    _type = "merge";
    inherit contents;
  };

  # A definition carrying its own location, for definitions synthesised by code.
  mkDefinition = def@{ file, value, ... }: def // { _type = "definition"; };

  mkOverride = priority: content: {
    _type = "override";
    inherit priority content;
  };

  mkOptionDefault = mkOverride 1500; # what `default = …` of an option becomes
  mkDefault = mkOverride 1000; # defaults set by distribution modules
  mkImageMediaOverride = mkOverride 60; # image profiles beat the host config, mkForce beats them
  mkForce = mkOverride 50;
  mkVMOverride = mkOverride 10; # `nixos-rebuild build-vm`

  mkFixStrictness = warn "lib.mkFixStrictness has no effect and will be removed. It returns its argument unmodified, so you can just remove any calls." id;

  mkOrder = priority: content: {
    _type = "order";
    inherit priority content;
  };
  mkBefore = mkOrder 500;
  mkAfter = mkOrder 1500;

  # Rewrites the payload of a definition and keeps every property around it.
  mapDefinitionValue =
    f: def:
    let
      tag = def._type or null;
    in
    if tag == "merge" then
      def // { contents = map (mapDefinitionValue f) def.contents; }
    else if tag == "if" || tag == "override" || tag == "order" then
      def // { content = mapDefinitionValue f def.content; }
    else if tag == "definition" then
      def // { value = mapDefinitionValue f def.value; }
    else
      f def;

  # Forwards all definitions of one option (with their properties) to another.
  # Unlike using `option.value`, mkDefault/mkForce of the source survive.
  mkAliasAndWrapDefinitions = wrap: option: mkIf option.isDefined (wrap (mkMerge option.definitions));
  mkAliasDefinitions = mkAliasAndWrapDefinitions id;

  # Like mkAliasAndWrapDefinitions, but the forwarded definitions keep the
  # winning priority of the source option.
  mkAliasAndWrapDefsWithPriority =
    wrap: option:
    let
      priority = option.highestPrio or defaultOverridePriority;
    in
    mkIf option.isDefined (wrap (mkMerge (map (mkOverride priority) option.definitions)));

  mkAliasIfDef = warn "Usage of 'mkAliasIfDef' has been deprecated. Use 'mkIf option.isDefined' instead." (
    option: mkIf option.isDefined
  );

  # Definitions derived from another option compete at that option's priority.
  mkDerivedConfig = opt: f: mkOverride (opt.highestPrio or defaultOverridePriority) (f opt.value);

  # ───────────────────────── messages ─────────────────────────

  # The texts of the module system's errors, kept apart from the logic that
  # raises them. lower_snake_case marks them as message builders.
  messages =
    let
      inherit (lib.strings) concatMapStringsSep escapeNixString trim;
      escape = builtins.fromJSON "\"\\u001b\"";
      warning = s: "${escape}[1;35m${s}${escape}[0m";
      suggestion = s: "${escape}[1;32m${s}${escape}[0m";
      code = s: "${escape}[1m${s}${escape}[0m";
      onePerLine = concatMapStringsSep "\n" trim;
      onePerParagraph = concatMapStringsSep "\n\n" trim;
      # [ text ] when `key` names one of `cases`, [ ] otherwise.
      caseFor = cases: key: if isString key && cases ? ${key} then [ cases.${key} ] else [ ];
      whileLoadingInto =
        file:
        optionalString (
          file != null && file != unknownModule
        ) ", while trying to load a module into ${toString file}";
      whileLoadingUnder =
        prefix:
        optionalString (prefix != [ ]) ", while trying to load a module into ${code (showOption prefix)}";
    in
    {
      not_a_module =
        {
          fallbackFile,
          value,
          _type,
          expectedClass ? null,
          prefix,
        }:
        onePerParagraph (
          [
            ''
              Expected a module, but found a value of type ${warning (escapeNixString _type)}${whileLoadingInto fallbackFile}${whileLoadingUnder prefix}.
              A module is typically loaded by adding it to the ${code "imports = [ ... ];"} attribute of an existing module, or in the ${code "modules = [ ... ];"} argument of various functions.
              Please make sure that each of the list items is a module, and not a different kind of value.
            ''
          ]
          ++ caseFor {
            configuration = trim ''
              If you really mean to import this configuration, instead please only import the modules that make up the configuration.
              You may have to create a `let` binding, file or attribute to give yourself access to the relevant modules.
              While loading a configuration into the module system is a very sensible idea, it can not be done cleanly in practice.
            '';
            flake = onePerLine (
              [
                (trim ''
                  Perhaps you forgot to select an attribute name?
                  Instead of, for example,
                      ${warning "inputs.someflake"}
                  you need to write something like
                      ${warning "inputs.someflake"}${
                        if expectedClass == null then
                          suggestion ".modules.someApp.default"
                        else
                          suggestion ".modules.${expectedClass}.default"
                      }
                '')
              ]
              ++ caseFor {
                nixos = trim ''
                  or
                      ${warning "inputs.someflake"}${suggestion ".nixosModules.default"}
                '';
                darwin = trim ''
                  or
                      ${warning "inputs.someflake"}${suggestion ".darwinModules.default"}
                '';
              } expectedClass
            );
          } _type
        );

      nested_import_list =
        file: value:
        "Module imports can't be nested lists. Perhaps you meant to remove one level of lists? Definitions: ${
          showDefs [ { inherit file value; } ]
        }";

      wrong_class =
        module: expected:
        let
          q = lib.strings.escapeNixString;
        in
        ''
          The module `${module._file or module.key}` (class: ${q module._class}) cannot be imported into a module evaluation that expects class ${q expected}.

          Help:
          - Ensure that you are importing the correct module.
          - Verify that the module's `_class`, ${q module._class} matches the expected `class` ${q expected}.
          - If you are using a custom class, make sure it is correctly defined and used consistently across your modules.
        '';

      disabled_ambiguous_key =
        file: m:
        "Module `${file}` contains a disabledModules item that is an attribute set that can be converted to a string (${toString m}) but also has a `.key` attribute (${m.key}) with a different value. This makes it ambiguous which module should be disabled.";

      disabled_without_key =
        file:
        "Module `${file}` contains a disabledModules item that is an attribute set, presumably a module, that does not have a `key` attribute. This means that the module system doesn't have any means to identify the module that should be disabled. Make sure that you've put the correct value in disabledModules: a string path relative to modulesPath, a path value, or an attribute set with a `key` attribute.";

      disabled_bad_item =
        file: m:
        "Each disabledModules item must be a path, string, or a attribute set with a key attribute, or a value supported by toString. However, one of the disabledModules items in `${toString file}` is none of that, but is of type ${typeOf m}.";

      unsupported_top_level_attribute =
        key: extra:
        "Module `${key}' has an unsupported attribute `${head (attrNames extra)}'. This is caused by introducing a top-level `config' or `options' attribute. Add configuration attributes immediately on the top level instead, or move all of them (namely: ${toString (attrNames extra)}) into the explicit `config' attribute.";

      module_argument_context = name: key: ''while evaluating the module argument `${name}' in "${key}":'';

      options_not_an_attrset =
        prefix: subtree:
        ''
          An option declaration for `${concatStringsSep "." prefix}' has type
          `${typeOf subtree}' rather than an attribute set.
          Did you mean to define this outside of `options'?
        '';

      config_not_an_attrset =
        prefix: def:
        let
          path = concatStringsSep "." prefix;
        in
        ''
          In module `${def.file}', you're trying to define a value of type `${typeOf def.config}'
          rather than an attribute set for the option
          `${path}'!

          This usually happens if `${path}' has option
          definitions inside that are not matched. Please check how to properly define
          this option by e.g. referring to `man 5 configuration.nix'!
        '';

      not_an_option_declaration =
        loc: tag: file:
        let
          name = lib.strings.escapeNixIdentifier (last loc);
          fullPathComment = optionalString (length loc > 1) "\n    # ${showOption loc}";
        in
        concatStringsSep "\n\n" (
          [
            "In module ${file}: expected an option declaration at option path `${showOption loc}` but got an attribute set with type ${tag}"
          ]
          ++ optional (tag == "option-type") ''
            When declaring an option, you must wrap the type in a `mkOption` call. It should look somewhat like:
                ${fullPathComment}
                ${name} = lib.mkOption {
                  description = ...;
                  type = <the type you wrote for ${name}>;
                  ...
                };
          ''
        );

      no_nested_options =
        loc: optionDecl: rawDecls:
        let
          prefixLine =
            decl: prefix:
            " - option(s) with prefix `${showOption (loc ++ [ prefix ])}' in module `${decl._file}'";
          lines = sort (a: b: a < b) (
            concatMap (decl: map (prefixLine decl) (attrNames decl.options)) rawDecls
          );
        in
        "The option `${showOption loc}' in module `${optionDecl._file}' would be a parent of the following options, but its type `${
          optionDecl.options.type.description or "<no description>"
        }' does not support nested options.\n${concatStringsSep "\n" lines}";

      already_declared =
        loc: file: earlier:
        "The option `${showOption loc}' in `${file}' is already declared in ${showFiles earlier}.";

      read_only_set_twice =
        loc: defs:
        "The option `${showOption loc}' is read-only, but it's set multiple times. Definition values:${showDefs defs}";

      deprecated_type =
        loc: opt:
        "The type `types.${opt.type.name}' of option `${showOption loc}' defined in ${showFiles opt.declarations} is deprecated. ${opt.type.deprecationMessage}";

      wrong_type_v2 =
        loc: type: error:
        "A definition for option `${showOption loc}' is not of type `${type.description}'. TypeError: ${error.message}";

      wrong_type =
        loc: type: defs:
        "A definition for option `${showOption loc}' is not of type `${type.description}'. Definition values:${showDefs defs}";

      # nixos-option recognises this text; keep it as it is.
      used_but_not_defined =
        loc: "The option `${showOption loc}' was accessed but has no value defined. Try setting the option.";

      incoherent_v2_check =
        loc: type:
        ''
          The option `${showOption loc}' has a type `${type.description}' that uses
          an ad-hoc `type // { check = ...; }' override, which is incompatible with
          the v2 merge mechanism.

          Please use `lib.types.addCheck` instead of `type // { check }' to add
          custom validation. For example:

            lib.types.addCheck baseType (value: /* your check */)

          instead of:

            baseType // { check = value: /* your check */; }

          Alternatively, this message may also occur as false positive when mixing Nixpkgs
          versions, if one Nixpkgs is between 83fed2e6..58696117 (Aug 28 - Oct 28 2025)
        '';

      unknown_option =
        optionName: defsText: didYouMean:
        "The option `${optionName}' does not exist. Definition values:${defsText}${didYouMean}";

      did_you_mean =
        parent: names:
        let
          quoted = n: "`${showOption (parent ++ [ n ])}'";
        in
        if names == [ ] then
          ""
        else if length names == 1 then
          "\n\nDid you mean ${quoted (head names)}?"
        else
          "\n\nDid you mean ${concatStringsSep ", " (map quoted (init names))} or ${quoted (last names)}?";

      config_instead_of_options = base: ''
        ${base}

        It seems as if you're trying to declare an option by placing it into `config' rather than `options'!
      '';

      no_options_under_prefix = base: prefix: ''
        ${base}

        However there are no options defined in `${showOption prefix}'. Are you sure you've
        declared your options properly? This can happen if you e.g. declared your options in `types.submodule'
        under `config' rather than `options'.
      '';

      removed_option =
        optionName: instructions:
        "The option `${showOption optionName}' can no longer be used since it's been removed. ${instructions}";

      renamed_option_used =
        from: to: "Obsolete option `${showOption from}' is used. It was renamed to `${showOption to}'.";
    };

  # ───────────────────────── loading one module ─────────────────────────

  # Gives a module a file name for error messages unless it names one itself.
  setDefaultModuleLocation = file: m: {
    _file = file;
    imports = [ m ];
  };

  # Brings a module into canonical form:
  #   { _file, _class, key, disabledModules, imports, options, config }
  # A module without `config` and `options` is shorthand: everything that is not
  # structure is configuration. `meta` and `freeformType` become definitions.
  unifyModuleSyntax = primitives.unifyModuleSyntaxWith {
    unsupportedTopLevelAttribute = key: extra: throw (messages.unsupported_top_level_attribute key extra);
  };

  # Calls a module function with exactly the arguments it names. Values are
  # looked up lazily: a name not in `args` comes from `config._module.args`,
  # which is only defined once all modules are loaded, so the attribute set
  # handed to the function must be built without forcing any value.
  applyModuleArgs =
    key: f:
    args@{ config, ... }:
    let
      lookup =
        name: _:
        addErrorContext (messages.module_argument_context name key) (
          args.${name} or (addErrorContext
            "noting that argument `${name}` is not externally provided, so querying `_module.args` instead, requiring `config`"
            config._module.args.${name}
          )
        );
    in
    f (args // mapAttrs lookup (functionArgs f));

  applyModuleArgsIfFunction =
    key: f: args@{ config, ... }: if isFunction f then applyModuleArgs key f args else f;

  # ───────────────────────── collectModules ─────────────────────────

  collectModules =
    class:
    let
      # The import tree: [ { key, module, modules } ], plus every
      # disabledModules list found anywhere in it (see primitives.nix). Any
      # module value loads: a function, an attribute set, or a path/string
      # naming a file. Anonymous modules get their parent's file and a key
      # derived from their position.
      collectTree = primitives.collectTreeWith {
        inherit unifyModuleSyntax applyModuleArgs;
        loadFile =
          args: m:
          let
            file = toString m;
          in
          unifyModuleSyntax file file (applyModuleArgsIfFunction file (import m) args);
        notAModule =
          args: fallbackFile: m: tag:
          throw (
            messages.not_a_module {
              inherit fallbackFile;
              value = m;
              _type = tag;
              expectedClass = class;
              prefix = args._prefix;
            }
          );
        nestedImportList = fallbackFile: m: throw (messages.nested_import_list fallbackFile m);
        wrongClass = m: throw (messages.wrong_class m class);
      } class;

      # The key a disabledModules item refers to.
      disabledKey =
        modulesPath: file: item:
        if isString item then
          if substring 0 1 item == "/" then item else toString modulesPath + "/" + item
        else if lib.strings.isConvertibleWithToString item then
          if item ? key && item.key != toString item then
            throw (messages.disabled_ambiguous_key file item)
          else
            toString item
        else if item ? key then
          item.key
        else if isAttrs item then
          throw (messages.disabled_without_key file)
        else
          throw (messages.disabled_bad_item file item);

      # A predicate telling whether a collected module is disabled.
      isDisabled =
        modulesPath: disabledList:
        let
          keys = concatMap ({ file, disabled }: map (disabledKey modulesPath file) disabled) disabledList;
        in
        collected: elem collected.key keys;

      # Flattens the tree breadth-first, skipping disabled modules (and what
      # only they import) and every key seen before.
      enabledModules =
        modulesPath: tree:
        let
          disabled = isDisabled modulesPath tree.disabled;
          # Without any disabledModules there is nothing to filter.
          keep = filter (node: !disabled node);
        in
        if tree.disabled == [ ] then
          primitives.closureModules tree.modules
        else
          catAttrs "module" (genericClosure {
            startSet = keep tree.modules;
            operator = node: keep node.modules;
          });

      moduleGraph =
        modulesPath: tree:
        let
          disabled = isDisabled modulesPath tree.disabled;
          toNode = node: {
            disabled = disabled node;
            inherit (node) key;
            file = node.module._file;
            imports = map toNode node.modules;
          };
        in
        map toNode (filter (node: node.key != internalModuleFile) tree.modules);
    in
    modulesPath: initialModules: args:
    let
      tree = collectTree unknownModule "" initialModules args;
    in
    {
      modules = enabledModules modulesPath tree;
      graph = moduleGraph modulesPath tree;
    };

  # ───────────────────────── mergeModules ─────────────────────────

  # Merges modules into
  #   { matchedOptions = <tree of evaluated options>;
  #     unmatchedDefns = [ { file, prefix, value } ]; }
  mergeModules =
    prefix: modules:
    mergeModules' prefix modules (primitives.moduleConfigs modules);

  # One level of the merge: `modules` are [ { _file, options } ] declaring
  # below `prefix`, `configs` are [ { file, config } ] defining below it.
  mergeModules' =
    prefix: modules: configs:
    let
      declarationsByName = primitives.declarationsByName (
        subtree: throw (messages.options_not_an_attrset prefix subtree)
      ) modules;

      # Every definition below an option must be an attribute set.
      definitions = primitives.definitionsByName (
        def: throw (messages.config_not_an_attrset prefix def)
      ) configs;
      # name → [ { file, config } ] with properties pushed one level further
      # down, for the recursion into option sets that are not options.
      pushedDownByName = definitions.pushedDown;
      # name → [ { file, value } ], the definitions of an option at this level.
      definitionsByName = definitions.values;

      # An option tree below an option of submodule type becomes a submodule
      # option of its own, so that both merge.
      optionTreeToOption =
        decl:
        if isOption decl.options then
          decl
        else
          decl
          // {
            options = mkOption {
              type = types.submoduleWith {
                modules = [ { options = decl.options; } ];
                # null: "whatever the user has declared elsewhere" (internal).
                shorthandOnlyDefinesConfig = null;
              };
            };
          };

      mergeName =
        name: decls:
        let
          loc = prefix ++ [ name ];
          definitions = definitionsByName.${name} or [ ];
          # "options", "none" or "mixed"; anything tagged but not an option is an error.
          kind = primitives.declarationKind (
            d: throw (messages.not_an_option_declaration loc d.options._type d._file)
          ) decls;
          optionDecls = filter (d: isOption d.options) decls;
        in
        if kind == "options" then
          {
            matchedOptions = evalOptionValue loc (declareOption loc decls) definitions;
            unmatchedDefns = [ ];
          }
        else if kind == "mixed" then
          # Nested declarations can only join an option of submodule type.
          if all (d: d.options.type.name or null == "submodule") optionDecls then
            {
              matchedOptions = evalOptionValue loc (fixupOptionType loc (
                mergeOptionDecls loc (map optionTreeToOption decls)
              )) definitions;
              unmatchedDefns = [ ];
            }
          else
            throw (messages.no_nested_options loc (head optionDecls) (filter (d: !isOption d.options) decls))
        else
          mergeModules' loc decls (pushedDownByName.${name} or [ ]);

      resultsByName = primitives.mergeOptionsWith {
        inherit evalOptionValue declareOption;
        notAnOption = loc: d: throw (messages.not_an_option_declaration loc d.options._type d._file);
        other = mergeName;
      } prefix declarationsByName definitionsByName;
    in
    {
      matchedOptions = primitives.attrOfEach "matchedOptions" resultsByName;
      unmatchedDefns =
        # Without definitions nothing can be unmatched; don't force the options.
        if configs == [ ] then [ ] else primitives.unmatchedDefinitions resultsByName definitionsByName;
    };

  # Merges the declarations of one option. Only one may set a type that does
  # not merge, a default, an example, a description or an apply; sub-modules of
  # all declarations are gathered into `options`.
  mergeOptionDecls =
    loc: decls:
    let
      # The first declaration starts the merged option; most options have only
      # that one.
      declareFirst =
        decl:
        let
          opt = decl.options;
          subModules = opt.type.getSubModules or null;
        in
        opt
        // {
          inherit loc;
          declarations = [ decl._file ];
          declarationPositions = [ (positionOf decl) ];
          options = if subModules != null then map (setDefaultModuleLocation decl._file) subModules else [ ];
        };
      # Generated modules have no positions; fall back to the file.
      positionOf =
        decl:
        if decl.pos != null then
          decl.pos
        else
          {
            file = decl._file;
            line = null;
            column = null;
          };
      declareAgain =
        acc: decl:
        let
          opt = decl.options;
          typeUpdate =
            if opt ? type && acc ? type then
              let
                merged = acc.type.typeMerge opt.type.functor;
              in
              if merged != null then
                { type = merged; }
              else
                throw (messages.already_declared loc decl._file acc.declarations)
            else
              { };
          subModules = opt.type.getSubModules or null;
        in
        if
          (opt ? default && acc ? default)
          || (opt ? example && acc ? example)
          || (opt ? description && acc ? description)
          || (opt ? apply && acc ? apply)
        then
          throw (messages.already_declared loc decl._file acc.declarations)
        else
          opt
          // acc
          // {
            declarations = acc.declarations ++ [ decl._file ];
            declarationPositions = acc.declarationPositions ++ [ (positionOf decl) ];
            options =
              if subModules != null then
                map (setDefaultModuleLocation decl._file) subModules ++ acc.options
              else
                acc.options;
          }
          // typeUpdate;
    in
    if decls == [ ] then
      {
        inherit loc;
        declarations = [ ];
        declarationPositions = [ ];
        options = [ ];
      }
    else if length decls == 1 then
      declareFirst (head decls)
    else
      foldl' declareAgain (declareFirst (head decls)) (tail decls);

  # fixupOptionType ∘ mergeOptionDecls, direct for an option declared once.
  declareOption = primitives.declareOptionWith {
    inherit (types) unspecified;
    general = loc: decls: fixupOptionType loc (mergeOptionDecls loc decls);
  };

  # Gives an option its final type: `unspecified` when none was declared, and
  # for submodule types, the gathered sub-modules (which carry locations).
  fixupOptionType =
    loc: opt:
    if opt.type.getSubModules or null == null then
      opt // { type = opt.type or types.unspecified; }
    else
      opt
      // {
        type = opt.type.substSubModules opt.options;
        options = [ ];
      };

  # ───────────────────────── evaluating an option ─────────────────────────

  # Turns a merged declaration plus its definitions into the option as seen in
  # `options.<path>`: value, definitions, priority and locations.
  evalOptionValue = primitives.evalOptionValueWith {
    inherit mergeDefinitions showOption;
    # Shows every definition merged on its own, so the message is useful.
    readOnlySetTwice =
      loc: opt: defs:
      throw (
        messages.read_only_set_twice loc (
          map (def: def // { value = (mergeDefinitions loc opt.type [ def ]).mergedValue; }) defs
        )
      );
    deprecated = loc: opt: warn (messages.deprecated_type loc opt) opt;
    # "${options.a.b}" shows the option's name.
    toStringFor = loc: _: showOption loc;
  };

  # Merges the definitions of a value of type `type` at `loc`:
  #   { defsFinal', defsFinal, mergedValue, checkedAndMerged, isDefined,
  #     optionalValue }
  # The fields are used by evalOptionValue and by compound types in lib.types.
  mergeDefinitions = primitives.mergeDefinitionsWith {
    inherit (messages)
      incoherent_v2_check
      used_but_not_defined
      wrong_type
      wrong_type_v2
      ;
  };

  # Expands mkMerge and evaluates mkIf conditions:
  #   mkMerge [ 1 (mkIf true 2) (mkIf true (mkIf false 3)) ] → [ 1 2 ]
  dischargeProperties =
    def:
    let
      tag = def._type or "";
    in
    if tag == "merge" then
      concatMap dischargeProperties def.contents
    else if tag == "if" then
      if !isBool def.condition then
        throw "‘mkIf’ called with a non-Boolean condition"
      else if def.condition then
        dischargeProperties def.content
      else
        [ ]
    else
      [ def ];

  # Keeps the definitions with the best (numerically lowest) priority and
  # unwraps their mkOverride:
  #   [ {file="/1"; value=mkOverride 10 "a";} {file="/2"; value="z";} ]
  #   → { values = [ {file="/1"; value="a";} ]; highestPrio = 10; }
  filterOverrides' =
    let
      priorityOf = def: if def.value._type or "" == "override" then def.value.priority else defaultOverridePriority;
      unwrap = def: if def.value._type or "" == "override" then def // { value = def.value.content; } else def;
    in
    defs:
    if length defs == 1 then
      {
        values = map unwrap defs;
        highestPrio = priorityOf (head defs);
      }
    else
      let
        highestPrio = foldl' (best: def: lib.min (priorityOf def) best) 9999 defs;
      in
      {
        values = concatMap (def: if priorityOf def == highestPrio then [ (unwrap def) ] else [ ]) defs;
        inherit highestPrio;
      };
  filterOverrides = defs: (filterOverrides' defs).values;

  # Orders definitions by their mkOrder priority (stable for equal ones),
  # unwrapping mkOrder and recording its priority on the definition.
  sortProperties =
    defs:
    let
      unwrap =
        def:
        if def.value._type or "" == "order" then
          def
          // {
            value = def.value.content;
            inherit (def.value) priority;
          }
        else
          def;
      before = a: b: (a.priority or defaultOrderPriority) < (b.priority or defaultOrderPriority);
    in
    sort before (map unwrap defs);

  # Merges an attrsOf/lazyAttrsOf option per attribute, reporting each
  # attribute's winning priority.
  mergeAttrDefinitionsWithPrio =
    opt:
    let
      defsByAttr = groupValuesByName (
        concatLists (
          concatMap (
            def:
            map (mapAttrsToList (
              name: value: {
                ${name} = def // { inherit value; };
              }
            )) (pushDownProperties def.value)
          ) opt.definitionsWithLocations
        )
      );
    in
    assert opt.type.name == "attrsOf" || opt.type.name == "lazyAttrsOf";
    mapAttrs (
      name: defs:
      let
        merged = mergeDefinitions (opt.loc ++ [ name ]) opt.type.nestedTypes.elemType defs;
      in
      {
        value = merged.mergedValue;
        inherit (merged.defsFinal') highestPrio;
      }
    ) defsByAttr;

  # ───────────────────────── evalModules ─────────────────────────

  internalModuleFile = "lib/modules.nix";

  # The options every evaluation declares under `_module`. `_module.args` is
  # documented only at the top level (no prefix).
  internalOptions =
    argsVisible:
    let
      visibility = if argsVisible then { } else { internal = true; };
    in
    {
      _module.args = mkOption (
        {
          type = types.lazyAttrsOf types.raw;
          description = ''
            Additional arguments passed to each module in addition to ones
            like `lib`, `config`,
            and `pkgs`, `modulesPath`.

            This option is also available to all submodules. Submodules do not
            inherit args from their parent module, nor do they provide args to
            their parent module or sibling submodules. The sole exception to
            this is the argument `name` which is provided by
            parent modules to a submodule and contains the attribute name
            the submodule is bound to, or a unique generated name if it is
            not bound to an attribute.

            Some arguments are already passed by default, of which the
            following *cannot* be changed with this option:
            - {var}`lib`: The nixpkgs library.
            - {var}`config`: The results of all options after merging the values from all modules together.
            - {var}`options`: The options declared in all modules.
            - {var}`specialArgs`: The `specialArgs` argument passed to `evalModules`.
            - All attributes of {var}`specialArgs`

              Whereas option values can generally depend on other option values
              thanks to laziness, this does not apply to `imports`, which
              must be computed statically before anything else.

              For this reason, callers of the module system can provide `specialArgs`
              which are available during import resolution.

              For NixOS, `specialArgs` includes
              {var}`modulesPath`, which allows you to import
              extra modules from the nixpkgs package tree without having to
              somehow make the module aware of the location of the
              `nixpkgs` or NixOS directories.
              ```
              { modulesPath, ... }: {
                imports = [
                  (modulesPath + "/profiles/minimal.nix")
                ];
              }
              ```

            For NixOS, the default value for this option includes at least this argument:
            - {var}`pkgs`: The nixpkgs package set according to
              the {option}`nixpkgs.pkgs` option.
          '';
        }
        // visibility
      );

      _module.check = mkOption {
        type = types.bool;
        internal = true;
        default = true;
        description = "Whether to check whether all option definitions have matching declarations.";
      };

      _module.freeformType = mkOption {
        type = types.nullOr types.optionType;
        internal = true;
        default = null;
        description = ''
          If set, merge all definitions that don't have an associated option
          together using this type. The result then gets combined with the
          values of all declared options to produce the final `
          config` value.

          If this is `null`, definitions without an option
          will throw an error unless {option}`_module.check` is
          turned off.
        '';
      };

      _module.specialArgs = mkOption {
        readOnly = true;
        internal = true;
        description = ''
          Externally provided module arguments that can't be modified from
          within a configuration, but can be used in module imports.
        '';
      };
    };

  # Declarations are the same for every evaluation; build them once.
  internalOptionsTopLevel = internalOptions true;
  internalOptionsNested = internalOptions false;

  # Suggests up to three sibling option names close to a mistyped one.
  closestNames =
    wrong: candidates:
    let
      distance = lib.strings.levenshtein wrong;
      near =
        if length candidates < 100 then
          candidates
        else
          filter (lib.strings.levenshteinAtMost 2 wrong) candidates;
    in
    take 3 (sortOn distance near);

  evalModules =
    evalArgs@{
      modules,
      prefix ? [ ],
      specialArgs ? { },
      class ? null,
      args ? { },
      check ? true,
    }:
    let
      withDeprecationWarnings =
        x:
        if !(evalArgs ? args) && !(evalArgs ? check) then
          x
        else
          warnIf (evalArgs ? args) "The args argument to evalModules is deprecated. Please set config._module.args instead." (
          warnIf (evalArgs ? check) "The check argument to evalModules is deprecated. Please set config._module.check instead." x
        );

      # The deprecated `args` and `check` arguments, expressed as modules.
      legacyModules =
        (if evalArgs ? args then [ { config._module.args = args; } ] else [ ])
        ++ (if evalArgs ? check then [ { config._module.check = mkDefault check; } ] else [ ]);

      regularModules = modules ++ legacyModules;

      internalModule = {
        _file = internalModuleFile;
        key = internalModuleFile;
        options = if prefix == [ ] then internalOptionsTopLevel else internalOptionsNested;
        config = {
          _module.args = {
            inherit extendModules;
            moduleType = type;
          };
          _module.specialArgs = specialArgs;
        };
      };

      collected = collectModules class (specialArgs.modulesPath or "") (regularModules ++ [ internalModule ]) (
        {
          inherit lib options specialArgs;
          _class = class;
          _prefix = prefix;
          config = addErrorContext "if you get an infinite recursion here, you probably reference `config` in `imports`. If you are trying to achieve a conditional import behavior dependent on `config`, consider importing unconditionally, and using `mkEnableOption` and `mkIf` to control its effect." config;
        }
        // specialArgs
      );

      merged = mergeModules prefix (reverseList collected.modules);

      options = merged.matchedOptions;

      config =
        let
          declaredConfig = primitives.optionValues options;
          freeformType = declaredConfig._module.freeformType;
          freeformDefs = map (def: {
            inherit (def) file;
            value = setAttrByPath def.prefix def.value;
          }) merged.unmatchedDefns;
        in
        if freeformType == null then
          declaredConfig
        else
          recursiveUpdate (if freeformDefs == [ ] then { } else freeformType.merge prefix freeformDefs) declaredConfig;

      # Fails on the first definition of an option that does not exist, unless
      # checking is off or a freeform type accepts such definitions.
      checkUnmatched =
        if config._module.check && config._module.freeformType == null && merged.unmatchedDefns != [ ] then
          let
            firstDef = head merged.unmatchedDefns;
            optionText = showOption (prefix ++ firstDef.prefix);
            defsText =
              addErrorContext
                "while evaluating the error message for definitions for `${optionText}', which is an option that does not exist"
                (addErrorContext "while evaluating a definition from `${firstDef.file}'" (showDefs [ firstDef ]));
            parentPath = init firstDef.prefix;
            siblings = attrNames (attrByPath parentPath { } options);
            candidates = if parentPath == [ ] then lib.remove "_module" siblings else siblings;
            didYouMean = messages.did_you_mean (init (prefix ++ firstDef.prefix)) (
              closestNames (last firstDef.prefix) candidates
            );
            base = messages.unknown_option optionText defsText didYouMean;
          in
          if attrNames options == [ "_module" ] then
            if showOption prefix == "" then
              throw (messages.config_instead_of_options base)
            else
              throw (messages.no_options_under_prefix base prefix)
          else
            throw base
        else
          null;

      checked = seq checkUnmatched;

      extendModules =
        extendArgs@{
          modules ? [ ],
          specialArgs ? { },
          prefix ? [ ],
        }:
        evalModules (
          evalArgs
          // {
            modules = regularModules ++ modules;
            specialArgs = evalArgs.specialArgs or { } // specialArgs;
            prefix = extendArgs.prefix or evalArgs.prefix or [ ];
          }
        );

      type = types.submoduleWith { inherit modules specialArgs class; };
    in
    withDeprecationWarnings {
      _type = "configuration";
      options = checked options;
      config = checked (removeAttrs config [ "_module" ]);
      _module = checked config._module;
      inherit (collected) graph;
      inherit extendModules type class;
    };

  # Kept for old callers: evaluation with the deprecated `args` and no check.
  fixMergeModules =
    modules: args:
    evalModules {
      inherit modules args;
      check = false;
    };

  # ───────────────────────── renaming and removing options ─────────────────────────

  # A module declaring `optionName` as removed: using its value throws, and a
  # definition of it fails the `assertions`.
  mkRemovedOptionModule =
    optionName: replacementInstructions:
    { options, ... }:
    {
      options = setAttrByPath optionName (mkOption {
        visible = false;
        apply = _: throw (messages.removed_option optionName replacementInstructions);
      });
      config.assertions =
        let
          opt = getAttrFromPath optionName options;
        in
        [
          {
            assertion = !opt.isDefined;
            message = ''
              The option definition `${showOption optionName}' in ${showFiles opt.files} no longer has any effect; please remove it.
              ${replacementInstructions}
            '';
          }
        ];
    };

  # `from` becomes an alias of `to`, with a warning when it is defined.
  mkRenamedOptionModule =
    from: to:
    doRename {
      inherit from to;
      visible = false;
      warn = true;
      use = trace (messages.renamed_option_used from to);
    };

  # Like mkRenamedOptionModule, but warns only once `sinceRelease` is the
  # oldest supported release.
  mkRenamedOptionModuleWith =
    {
      from,
      to,
      sinceRelease,
    }:
    let
      warnNow = lib.oldestSupportedReleaseIsAtLeast sinceRelease;
    in
    doRename {
      inherit from to;
      visible = false;
      warn = warnNow;
      use = warnIf warnNow (messages.renamed_option_used from to);
    };

  # Several removed options feed one new option through `mergeFn config`;
  # each defined old option produces a warning.
  mkMergedOptionModule =
    from: to: mergeFn:
    { config, options, ... }:
    let
      # A marker default tells "not defined" apart from any real value.
      unset = "_mkMergedOptionModule";
      isSet = path: getAttrFromPath path config != unset;
    in
    {
      options = foldl' recursiveUpdate { } (
        map (
          path:
          setAttrByPath path (mkOption {
            visible = false;
            default = unset;
          })
        ) from
      );
      config = {
        warnings = filter (x: x != "") (
          map (
            path:
            optionalString (isSet path)
              "The option `${showOption path}' defined in ${showFiles (getAttrFromPath path options).files} has been changed to `${showOption to}' that has a different type. Please read `${showOption to}' documentation and update your configuration accordingly."
          ) from
        );
      }
      // setAttrByPath to (mkMerge (optional (any isSet from) (mergeFn config)));
    };

  mkChangedOptionModule = from: to: changeFn: mkMergedOptionModule [ from ] to changeFn;

  # `from` becomes an alias of `to`, silently.
  mkAliasOptionModule =
    from: to:
    doRename {
      inherit from to;
      visible = true;
      warn = false;
      use = id;
    };

  mkAliasOptionModuleMD = warn "mkAliasOptionModuleMD is deprecated and will be removed in 26.05; please use mkAliasOptionModule." mkAliasOptionModule;

  # Declares `from` as an alias of `to`: definitions of `from` are forwarded to
  # `to` (keeping their priority unless withPriority = false), and reading
  # `from` gives `use` applied to the value of `to`. `condition` guards the
  # forwarding, e.g. to avoid creating an empty attrsOf-submodule entry.
  doRename =
    {
      from,
      to,
      visible,
      warn,
      use,
      withPriority ? true,
      condition ? true,
    }:
    { config, options, ... }:
    let
      fromOpt = getAttrFromPath from options;
      toValueIn = attrByPath to (abort "Renaming error: option `${showOption to}' does not exist.");
      toType = (attrByPath to { } options).type or (types.submodule { });
      forward = if withPriority then mkAliasAndWrapDefsWithPriority else mkAliasAndWrapDefinitions;
    in
    {
      options = setAttrByPath from (
        mkOption {
          inherit visible;
          description = "Alias of {option}`${showOption to}`.";
          apply = _: use (toValueIn config);
        }
        // optionalAttrs (toType != null) { type = toType; }
      );
      config = mkIf condition (mkMerge [
        (optionalAttrs (options ? warnings) {
          warnings = optional (
            warn && fromOpt.isDefined
          ) "The option `${showOption from}' defined in ${showFiles fromOpt.files} has been renamed to `${showOption to}'.";
        })
        (forward (setAttrByPath to) fromOpt)
      ]);
    };

  # ───────────────────────── module constructors ─────────────────────────

  # `import file arg` as a module that still knows its file.
  importApply = modulePath: staticArg: lib.setDefaultModuleLocation modulePath (import modulePath staticArg);

  importJSON = file: {
    _file = file;
    config = lib.importJSON file;
  };

  importTOML = file: {
    _file = file;
    config = lib.importTOML file;
  };

  # Internals that nixpkgs still exports but asks outside code not to use: each
  # warns when used through lib.modules.
  deprecatedInternals =
    mapAttrs
      (
        name:
        warn "External use of `lib.modules.${name}` is deprecated. If your use case isn't covered by non-deprecated functions, we'd like to know more and perhaps support your use case well, instead of providing access to these low level functions. In this case please open an issue in https://github.com/nixos/nixpkgs/issues/."
      )
      {
        inherit
          applyModuleArgsIfFunction
          dischargeProperties
          mergeModules
          mergeModules'
          pushDownProperties
          unifyModuleSyntax
          ;
        collectModules = collectModules null;
      };
in
deprecatedInternals
// {
  inherit
    defaultOrderPriority
    defaultOverridePriority
    doRename
    evalModules
    evalOptionValue
    filterOverrides
    filterOverrides'
    fixMergeModules
    fixupOptionType
    importApply
    importJSON
    importTOML
    mapDefinitionValue
    mergeAttrDefinitionsWithPrio
    mergeDefinitions
    mergeOptionDecls
    mkAfter
    mkAliasAndWrapDefinitions
    mkAliasAndWrapDefsWithPriority
    mkAliasDefinitions
    mkAliasIfDef
    mkAliasOptionModule
    mkAliasOptionModuleMD
    mkAssert
    mkBefore
    mkChangedOptionModule
    mkDefault
    mkDefinition
    mkDerivedConfig
    mkFixStrictness
    mkForce
    mkIf
    mkImageMediaOverride
    mkMerge
    mkMergedOptionModule
    mkOptionDefault
    mkOrder
    mkOverride
    mkRemovedOptionModule
    mkRenamedOptionModule
    mkRenamedOptionModuleWith
    mkVMOverride
    setDefaultModuleLocation
    sortProperties
    ;
}
