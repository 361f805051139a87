# `process.flags': definitions are attrsets or lists of one-key attrsets whose values may carry
# mkOrder/mkOverride/mkIf. They are rendered into `process.argv' in the same mkOrder space as
# plain argv entries (a flag without its own order sits at 1250: after plain argv, before
# mkAfter). Rendering follows `lib.cli.toCommandLine' (restated here so the module does not
# depend on a lib that has it).
{ lib }:
let
  defaultFlagOrder = 1250;

  # Strip order/override/if wrappers from one flag value, remembering what they said.
  peel =
    v:
    let
      t = v._type or null;
    in
    if t == "order" then
      peel v.content // { prio = v.priority; }
    else if t == "override" then
      let
        inner = peel v.content;
      in
      inner // { override = lib.min v.priority inner.override; }
    else if t == "if" then
      let
        inner = peel v.content;
      in
      inner // { cond = v.condition && inner.cond; }
    else
      {
        value = v;
        prio = null;
        override = 100;
        cond = true;
      };

  describe = loc: "`${lib.showOption loc}'";

  itemsOfDef =
    loc: def:
    if builtins.isList def.value then
      map (
        raw:
        let
          ordered = (raw._type or null) == "order";
          item = if ordered then raw.content else raw;
          keys = if builtins.isAttrs item then builtins.attrNames item else [ ];
        in
        if builtins.length keys != 1 || (item._type or null) != null then
          throw "modsvc: a definition of ${describe loc} in ${def.file} is not valid: each list element must be an attribute set with exactly one flag name"
        else
          let
            p = peel item.${builtins.head keys};
          in
          p
          // {
            key = builtins.head keys;
            inherit (def) file;
            prio = if ordered then raw.priority else p.prio;
          }
      ) def.value
    else if builtins.isAttrs def.value then
      map (key: peel def.value.${key} // { inherit key; inherit (def) file; }) (builtins.attrNames def.value)
    else
      throw "modsvc: a definition of ${describe loc} in ${def.file} must be an attribute set or a list of one-key attribute sets";

  checkValue =
    loc: it:
    let
      v = it.value;
      where = "${describe (loc ++ [ it.key ])} (defined in ${it.file})";
    in
    if it.key == "" then
      throw "modsvc: ${describe loc} (defined in ${it.file}): flag names must not be empty"
    else if v == null || builtins.isBool v || builtins.isInt v || builtins.isString v then
      it
    else if builtins.isPath v then
      it // { value = "${v}"; }
    else
      throw "modsvc: ${where} must be null, a bool, an int, a string or a path, but is a ${builtins.typeOf v}";
in
rec {
  # The winning flag items in final order: [ { key; value; prio; } ].
  orderedItems =
    loc: defs:
    let
      all = lib.imap0 (i: it: it // { index = i; }) (
        builtins.filter (it: it.cond) (builtins.concatMap (itemsOfDef loc) defs)
      );
      best = builtins.foldl' (
        acc: it: if it.override < (acc.${it.key} or 1500) then acc // { ${it.key} = it.override; } else acc
      ) { } all;
      kept = builtins.filter (it: it.override == best.${it.key}) all;
      orderOf = it: if it.prio == null then defaultFlagOrder else it.prio;
      # Stable by construction: ties are broken by definition order.
      sorted = builtins.sort (
        a: b: orderOf a < orderOf b || (orderOf a == orderOf b && a.index < b.index)
      ) kept;
    in
    map (it: checkValue loc it // { prio = orderOf it; }) sorted;

  # The option type: the merged value is an attrset of lists (a key may repeat in list form).
  flagsType = lib.mkOptionType {
    name = "modsvcFlags";
    description = "attribute set (or list of one-key attribute sets) of null, bool, int, string or path";
    check = x: builtins.isAttrs x || builtins.isList x;
    merge =
      loc: defs:
      builtins.zipAttrsWith (_: vs: vs) (map (it: { ${it.key} = it.value; }) (orderedItems loc defs));
    emptyValue.value = { };
  };

  defaultFlagFormat = name: {
    option = name;
    sep = null;
    explicitBool = false;
  };

  # `lib.cli.toCommandLine' for one name/value pair.
  renderFlag =
    spec: name: value:
    let
      option = spec.option;
      sep = spec.sep or null;
      explicitBool = spec.explicitBool or false;
      formatArg =
        spec.formatArg or (
          v:
          if builtins.isBool v then
            (if v then "true" else "false")
          else
            toString v
        );
    in
    if value == null || (!explicitBool && value == false) then
      [ ]
    else if !explicitBool && value == true then
      [ option ]
    else if sep != null then
      [ "${option}${sep}${formatArg value}" ]
    else
      [
        option
        (formatArg value)
      ];
}
