# Attribute-set helpers with nixpkgs' lib.attrsets names and semantics.
{ lib }:
let
  b = builtins;
  inherit (b) attrNames attrValues isAttrs length elemAt head listToAttrs mapAttrs;

  # Walks `path` through `value`; `onMissing` gets the index where the walk stopped.
  walk =
    path: onMissing: onFound: value:
    let
      n = length path;
      step =
        i: v:
        if i == n then
          onFound v
        else
          let
            key = elemAt path i;
          in
          if v ? ${key} then step (i + 1) v.${key} else onMissing i;
    in
    step 0 value;

  pair = name: value: { inherit name value; };

  mapToList = f: set: attrValues (mapAttrs f set);

  recursiveUpdateUntilImpl =
    stop: left: right:
    let
      mergeAt =
        at:
        b.zipAttrsWith (
          name: values:
          let
            here = at ++ [ name ];
          in
          if length values == 1 || stop here (elemAt values 1) (head values) then
            head values
          else
            mergeAt here values
        );
    in
    mergeAt [ ] [ right left ];

  pickOutput =
    name: pkg:
    if !(pkg ? outputSpecified) || !pkg.outputSpecified then pkg.${name} or pkg.out or pkg else pkg;

  firstOutput =
    names: pkg:
    let
      present = b.filter (n: pkg ? ${n}) names;
    in
    if pkg.outputSpecified or false || present == [ ] then pkg else pkg.${head present};

  productOf =
    lists:
    b.foldl' (
      acc: name: b.concatMap (partial: map (v: partial // { ${name} = v; }) lists.${name}) acc
    ) [ { } ] (attrNames lists);

  collectMatching =
    pred: v:
    if pred v then [ v ] else if isAttrs v then b.concatMap (collectMatching pred) (attrValues v) else [ ];

  filterRec =
    pred: set:
    listToAttrs (
      b.concatMap (
        name:
        let
          v = set.${name};
        in
        if pred name v then [ (pair name (if isAttrs v then filterRec pred v else v)) ] else [ ]
      ) (attrNames set)
    );

  toListRecCond =
    pred: f: set:
    let
      visit = at: v: if isAttrs v && pred at v then inside at v else [ (f at v) ];
      inside = at: s: b.concatMap (name: visit (at ++ [ name ]) s.${name}) (attrNames s);
    in
    inside [ ] set;

  matches =
    pattern: set:
    assert isAttrs pattern;
    b.all (
      name:
      set ? ${name}
      && (
        let
          want = pattern.${name};
          got = set.${name};
        in
        if isAttrs want then isAttrs got && matches want got else want == got
      )
    ) (attrNames pattern);

  showPath =
    path: if path == [ ] then "<root attribute path>" else b.concatStringsSep "." (map lib.strings.escapeNixIdentifier path);

  # Applies updates grouped by their path; a prefix update runs after deeper ones,
  # in list order, which is what nixpkgs documents.
  applyUpdates =
    depth: exists: value: updates:
    let
      split = b.partition (u: length u.path == depth) updates;
      deeper = b.groupBy (u: elemAt u.path depth) split.wrong;
      base =
        if split.wrong == [ ] then
          if exists then
            value
          else
            throw "updateManyAttrsByPath: Path '${showPath (head split.right).path}' does not exist in the given value, but the first update to this path tries to access the existing value."
        else if !exists then
          mapAttrs (_: applyUpdates (depth + 1) false null) deeper
        else if isAttrs value then
          value // mapAttrs (name: applyUpdates (depth + 1) (value ? ${name}) value.${name}) deeper
        else
          let
            at = (head split.wrong).path;
          in
          throw "updateManyAttrsByPath: Path '${showPath at}' needs to be updated, but path '${showPath (lib.lists.take depth at)}' of the given value is not an attribute set, so we can't update an attribute inside of it.";
    in
    b.foldl' (acc: u: u.update acc) base split.right;

  balancedMerge =
    list:
    let
      go = lo: hi: if hi - lo == 1 then elemAt list lo else go lo ((lo + hi) / 2) // go ((lo + hi) / 2) hi;
    in
    if list == [ ] then { } else go 0 (length list);
in
{
  inherit (b)
    attrNames attrValues listToAttrs hasAttr isAttrs getAttr removeAttrs intersectAttrs catAttrs
    mapAttrs zipAttrsWith
    ;

  attrByPath = path: fallback: set: walk path (_: fallback) (v: v) set;
  hasAttrByPath = path: set: walk path (_: false) (_: true) set;
  longestValidPathPrefix = path: set: walk path (i: lib.lists.take i path) (_: path) set;
  setAttrByPath =
    path: value:
    let
      n = length path;
      build = i: if i == n then value else { ${elemAt path i} = build (i + 1); };
    in
    build 0;
  getAttrFromPath =
    path: set:
    walk path (_: abort "cannot find attribute '${b.concatStringsSep "." path}'") (v: v) set;
  concatMapAttrs = f: set: b.foldl' (acc: x: acc // x) { } (mapToList f set);
  updateManyAttrsByPath = updates: value: applyUpdates 0 true value updates;

  attrVals = names: set: map (n: set.${n}) names;
  getAttrs = names: set: listToAttrs (map (n: pair n set.${n}) names);
  filterAttrs = pred: set: removeAttrs set (b.filter (n: !pred n set.${n}) (attrNames set));
  filterAttrsRecursive = filterRec;
  foldlAttrs = f: init: set: b.foldl' (acc: n: f acc n set.${n}) init (attrNames set);
  foldAttrs =
    op: nul: sets:
    lib.lists.foldr (
      set: acc: lib.lists.foldr (n: o: o // { ${n} = op set.${n} (acc.${n} or nul); }) acc (attrNames set)
    ) { } sets;
  collect = collectMatching;
  cartesianProduct = productOf;
  mapCartesianProduct = f: lists: map f (productOf lists);

  nameValuePair = pair;
  mapAttrs' = f: set: listToAttrs (mapToList f set);
  mapAttrsToList = mapToList;
  attrsToList = mapToList pair;
  mapAttrsRecursive = f: set: lib.attrsets.mapAttrsRecursiveCond (_: true) f set;
  mapAttrsRecursiveCond =
    cond: f: set:
    let
      go = at: mapAttrs (n: v: if isAttrs v && cond v then go (at ++ [ n ]) v else f (at ++ [ n ]) v);
    in
    go [ ] set;
  mapAttrsToListRecursive = toListRecCond (_: _: true);
  mapAttrsToListRecursiveCond = toListRecCond;
  genAttrs = names: f: listToAttrs (map (n: pair n (f n)) names);
  genAttrs' = xs: f: listToAttrs (map f xs);

  isDerivation = v: v.type or null == "derivation";
  toDerivation =
    path:
    let
      stored = b.storePath path;
      drv = {
        type = "derivation";
        name = lib.strings.sanitizeDerivationName (b.substring 33 (-1) (baseNameOf stored));
        outPath = stored;
        outputs = [ "out" ];
        out = drv;
        outputName = "out";
      };
    in
    drv;
  optionalAttrs = cond: set: if cond then set else { };

  zipAttrsWithNames = names: f: sets: listToAttrs (map (n: pair n (f n (b.catAttrs n sets))) names);
  zipAttrs = b.zipAttrsWith (_: vs: vs);
  mergeAttrsList = balancedMerge;
  recursiveUpdateUntil = recursiveUpdateUntilImpl;
  recursiveUpdate = recursiveUpdateUntilImpl (_: l: r: !(isAttrs l && isAttrs r));
  matchAttrs = matches;
  overrideExisting = old: new: mapAttrs (n: v: new.${n} or v) old;
  showAttrPath = showPath;

  getOutput = pickOutput;
  getFirstOutput = firstOutput;
  getBin = pickOutput "bin";
  getLib = pickOutput "lib";
  getDev = pickOutput "dev";
  getMan = pickOutput "man";
  getStatic = firstOutput [ "static" "lib" "out" ];
  getInclude = firstOutput [ "include" "dev" "out" ];
  chooseDevOutputs = map (pickOutput "dev");
  recurseIntoAttrs = set: set // { recurseForDerivations = true; };
  dontRecurseIntoAttrs = set: set // { recurseForDerivations = false; };

  unionOfDisjoint =
    x: y:
    let
      common = b.intersectAttrs x y;
      names = b.concatStringsSep " " (attrNames common);
    in
    x // y // mapAttrs (n: _: throw "unionOfDisjoint: collision on ${n}; complete list: ${names}") common;
}
