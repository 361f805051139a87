# Option declarations, the classic merge functions and option rendering helpers,
# with nixpkgs' lib.options names, semantics and error texts.
{ lib }:
let
  b = builtins;
  inherit (b) length head tail isList isAttrs isBool isString isInt concatStringsSep filter;

  priorityHint = ''
    Use `lib.mkForce value` or `lib.mkDefault value` to change the priority on any of these definitions.
  '';

  # `*` and `<name>` placeholders are shown raw; every other component is quoted like a Nix attribute name.
  optionPart = p: if p == "*" || b.match "<(.*)>" p != null then p else lib.strings.escapeNixIdentifier p;
  renderLoc = loc: concatStringsSep "." (map optionPart loc);

  # Up to five lines of each pretty-printed value; values that fail to evaluate are shown without one.
  renderDefs =
    defs:
    concatStringsSep "" (
      map (
        def:
        let
          attempt = b.tryEval (
            lib.generators.toPretty { } (
              lib.generators.withRecursion {
                depthLimit = 10;
                throwOnDepthLimit = false;
              } def.value
            )
          );
          lines = filter (l: !isList l) (b.split "\n" attempt.value);
          shown = concatStringsSep "\n    " (lib.lists.take 5 lines ++ lib.lists.optional (length lines > 5) "...");
          suffix =
            if !attempt.success then "" else if length lines > 1 then ":\n    " + shown else ": " + shown;
        in
        "\n- In `${def.file}'${suffix}"
      ) defs
    );

  declare =
    {
      default ? null,
      defaultText ? null,
      example ? null,
      description ? null,
      relatedPackages ? null,
      type ? null,
      apply ? null,
      internal ? null,
      visible ? null,
      readOnly ? null,
    }@spec:
    spec // { _type = "option"; };

  literal =
    kind: text:
    if !isString text then
      throw "${kind} expects a string."
    else
      {
        _type = kind;
        inherit text;
      };

  uniqueMerge =
    { message, merge ? loc: defs: (head defs).value }:
    loc: defs:
    if length defs == 1 then
      merge loc defs
    else
      assert length defs > 1;
      throw "The option `${renderLoc loc}' is defined multiple times while it's expected to be unique.\n${message}\nDefinition values:${renderDefs defs}\n${priorityHint}";

  classicMerge =
    loc: defs:
    let
      vs = map (d: d.value) defs;
      every = p: b.all p vs;
    in
    if length vs == 1 then
      head vs
    else if every lib.isFunction then
      x: classicMerge loc (map (f: f x) vs)
    else if every isList then
      b.concatLists vs
    else if every isAttrs then
      b.foldl' (x: y: x // y) { } vs
    else if every isBool then
      b.any (v: v) vs
    else if every isString then
      concatStringsSep "" vs
    else if every isInt && every (v: v == head vs) then
      head vs
    else
      throw "Cannot merge definitions of `${renderLoc loc}'. Definition values:${renderDefs defs}";

  renderValue =
    v:
    if v ? _type && v ? text then
      v
    else
      literal "literalExpression" (
        lib.generators.toPretty {
          multiline = true;
          allowPrettyValues = true;
        } v
      );

  docListUnder =
    _: options:
    b.concatMap (
      opt:
      let
        name = renderLoc opt.loc;
        visible = opt.visible or true;
        typeOf' = opt.type or { };
        entry =
          {
            inherit (opt) loc;
            inherit name;
            description = opt.description or null;
            declarations = filter (d: d != "<unknown-file>") opt.declarations;
            internal = opt.internal or false;
            visible = if isBool visible then visible else visible == "shallow";
            readOnly = opt.readOnly or false;
            type = opt.type.description or "unspecified";
          }
          // lib.attrsets.optionalAttrs (opt ? example) {
            example = b.addErrorContext "while evaluating the example of option `${name}`" (renderValue opt.example);
          }
          // lib.attrsets.optionalAttrs (
            opt ? defaultText
            || opt ? default
            || (typeOf'.emptyValue or { }) ? value && typeOf'.getSubModules or null == null
          ) {
            default =
              b.addErrorContext "while evaluating the ${
                if opt ? defaultText then "defaultText" else "default value"
              } of option `${name}`" (renderValue (opt.defaultText or opt.default or opt.type.emptyValue.value));
          }
          // lib.attrsets.optionalAttrs (opt ? relatedPackages && opt.relatedPackages != null) {
            inherit (opt) relatedPackages;
          };
        children =
          let
            sub = opt.type.getSubOptions opt.loc;
          in
          if sub != { } then docListUnder opt.loc sub else [ ];
        showChildren = if isBool visible then visible else visible == "transparent";
      in
      [ entry ] ++ lib.lists.optionals showChildren children
    ) (lib.attrsets.collect (lib.isType "option") options);

  packageOption =
    pkgs: name:
    {
      nullable ? false,
      default ? name,
      example ? null,
      extraDescription ? "",
      pkgsText ? "pkgs",
    }:
    let
      shortName = if isList name then lib.lists.last name else name;
      path = lib.lists.toList default;
      pathText = lib.attrsets.showAttrPath path;
      found = lib.attrsets.attrByPath path (throw "${pathText} cannot be found in ${pkgsText}") pkgs;
      defaults =
        if default != null then
          {
            default = found;
            defaultText = literal "literalExpression" "${pkgsText}.${pathText}";
          }
        else
          lib.attrsets.optionalAttrs nullable { default = null; };
    in
    declare (
      defaults
      // {
        description = "The ${shortName} package to use." + (if extraDescription == "" then "" else " ") + extraDescription;
        type = if nullable then lib.types.nullOr lib.types.package else lib.types.package;
      }
      // lib.attrsets.optionalAttrs (example != null) {
        example = literal "literalExpression" (
          if isList example then "${pkgsText}.${lib.attrsets.showAttrPath example}" else example
        );
      }
    );

  mergeEqualValues =
    loc: defs:
    if defs == [ ] then
      abort "This case should never happen."
    else if length defs == 1 then
      (head defs).value
    else
      (b.foldl' (
        first: def:
        if def.value != first.value then
          throw "The option `${renderLoc loc}' has conflicting definition values:${renderDefs [ first def ]}\n${priorityHint}"
        else
          first
      ) (head defs) (tail defs)).value;

in
{
  isOption = lib.isType "option";
  mkOption = declare;
  mkEnableOption =
    name:
    declare {
      default = false;
      example = true;
      description = "Whether to enable ${name}.";
      type = lib.types.bool;
    };
  mkPackageOption = packageOption;
  mkPackageOptionMD = packageOption;
  mkSinkUndeclaredOptions =
    attrs:
    declare (
      {
        internal = true;
        visible = false;
        default = false;
        description = "Sink for option definitions.";
        type = lib.types.mkOptionType {
          name = "sink";
          check = _: true;
          merge = _: _: false;
        };
        apply = _: throw "Option value is not readable because the option is not declared.";
      }
      // attrs
    );

  mergeDefaultOption = classicMerge;
  mergeOneOption = uniqueMerge { message = ""; };
  mergeUniqueOption = uniqueMerge;
  # One definition is its own value, natively where the evaluator can (primitives.nix).
  mergeEqualOption = (import ./primitives.nix { }).mergeEqualOptionWith mergeEqualValues;

  getValues = map (d: d.value);
  getFiles = map (d: d.file);

  optionAttrSetToDocList = docListUnder [ ];
  optionAttrSetToDocList' = docListUnder;

  scrubOptionValue =
    x:
    if lib.attrsets.isDerivation x then
      {
        type = "derivation";
        drvPath = x.name;
        outPath = x.name;
        name = x.name;
      }
    else if isList x then
      map lib.options.scrubOptionValue x
    else if isAttrs x then
      b.mapAttrs (_: lib.options.scrubOptionValue) (removeAttrs x [ "_args" ])
    else
      x;

  renderOptionValue = renderValue;
  literalExpression = literal "literalExpression";
  literalExample = lib.warn "lib.literalExample is deprecated, use lib.literalExpression instead, or use lib.literalMD for a non-Nix description." (literal "literalExpression");
  literalMD = literal "literalMD";
  literalCode =
    tag: text:
    literal "literalMD" ''
      ```${tag}
      ${text}
      ```
    '';
  mdDoc = lib.warn "lib.mdDoc will be removed from nixpkgs in 24.11. Option descriptions are now in Markdown by default; you can remove any remaining uses of lib.mdDoc." (s: s);

  showOption = renderLoc;
  showFiles = files: concatStringsSep " and " (map (f: "`${f}'") files);
  showDefs = renderDefs;
  showOptionWithDefLocs = opt: ''
    ${renderLoc opt.loc}, with values defined in:
    ${concatStringsSep "\n" (map (f: "  - ${f}") opt.files)}
  '';
  unknownModule = "<unknown-file>";
}
