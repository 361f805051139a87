# Path-value and subpath-string helpers (nixpkgs' lib.path), with its error texts.
{ lib }:
let
  b = builtins;
  inherit (b) isPath isString typeOf substring match filter;

  invalidReason =
    v:
    if !isString v then
      "The given value is of type ${typeOf v}, but a string was expected"
    else if v == "" then
      "The given string is empty"
    else if substring 0 1 v == "/" then
      "The given string \"${v}\" starts with a `/`, representing an absolute path"
    else if match "(.*/)?\\.\\.(/.*)?" v != null then
      "The given string \"${v}\" contains a `..` component, which is not allowed in subpaths"
    else
      null;
  valid = v: invalidReason v == null;

  # Components of a valid subpath without "." and empty parts.
  parts = s: filter (c: isString c && c != "" && c != ".") (b.split "/" s);
  joinParts = cs: if cs == [ ] then "./." else "./" + b.concatStringsSep "/" cs;

  # Splits an absolute path into its filesystem root and the components under it.
  deconstruct =
    p:
    let
      go =
        cur: acc:
        let
          parent = dirOf cur;
        in
        if parent == cur then
          {
            root = cur;
            components = acc;
          }
        else
          go parent ([ (baseNameOf cur) ] ++ acc);
    in
    go p [ ];

  requirePath =
    fn: which: p:
    lib.asserts.assertMsg (isPath p) "lib.path.${fn}: The ${which} argument is of type ${typeOf p}, but a path was expected";
in
{
  append =
    path: sub:
    assert requirePath "append" "first" path;
    assert lib.asserts.assertMsg (valid sub) ''
      lib.path.append: Second argument is not a valid subpath string:
          ${invalidReason sub}'';
    path + ("/" + sub);

  hasPrefix =
    p1:
    assert requirePath "hasPrefix" "first" p1;
    let
      d1 = deconstruct p1;
    in
    p2:
    assert requirePath "hasPrefix" "second" p2;
    let
      d2 = deconstruct p2;
    in
    assert lib.asserts.assertMsg (d1.root == d2.root) ''
      lib.path.hasPrefix: Filesystem roots must be the same for both paths, but paths with different roots were given:
          first argument: "${toString p1}" with root "${toString d1.root}"
          second argument: "${toString p2}" with root "${toString d2.root}"'';
    lib.lists.take (b.length d1.components) d2.components == d1.components;

  removePrefix =
    p1:
    assert requirePath "removePrefix" "first" p1;
    let
      d1 = deconstruct p1;
      n = b.length d1.components;
    in
    p2:
    assert requirePath "removePrefix" "second" p2;
    let
      d2 = deconstruct p2;
    in
    assert lib.asserts.assertMsg (d1.root == d2.root) ''
      lib.path.removePrefix: Filesystem roots must be the same for both paths, but paths with different roots were given:
          first argument: "${toString p1}" with root "${toString d1.root}"
          second argument: "${toString p2}" with root "${toString d2.root}"'';
    if lib.lists.take n d2.components == d1.components then
      joinParts (lib.lists.drop n d2.components)
    else
      throw ''lib.path.removePrefix: The first path argument "${toString p1}" is not a component-wise prefix of the second path argument "${toString p2}".'';

  splitRoot =
    p:
    assert requirePath "splitRoot" "first" p;
    let
      d = deconstruct p;
    in
    {
      inherit (d) root;
      subpath = joinParts d.components;
    };

  hasStorePathPrefix =
    p:
    let
      d = deconstruct p;
      store = lib.lists.drop 1 (lib.strings.splitString "/" b.storeDir);
      n = b.length store;
    in
    assert requirePath "hasStorePathPrefix" "first" p;
    b.length d.components > n
    && lib.lists.take n d.components == store
    && substring 0 1 (b.elemAt d.components n) != ".";

  subpath = {
    isValid = valid;
    join =
      subs:
      if b.all valid subs then
        joinParts (b.concatMap parts subs)
      else
        b.foldl' (
          i: s:
          if valid s then
            i + 1
          else
            throw ''
              lib.path.subpath.join: Element at index ${toString i} is not a valid subpath string:
                  ${invalidReason s}''
        ) 0 subs;
    components =
      s:
      assert lib.asserts.assertMsg (valid s) ''
        lib.path.subpath.components: Argument is not a valid subpath string:
            ${invalidReason s}'';
      parts s;
    normalise =
      s:
      assert lib.asserts.assertMsg (valid s) ''
        lib.path.subpath.normalise: Argument is not a valid subpath string:
            ${invalidReason s}'';
      joinParts (parts s);
  };
}
