# String helpers with nixpkgs' lib.strings names, semantics and messages.
{ lib }:
let
  b = builtins;
  inherit (b) stringLength substring match replaceStrings concatStringsSep isString isPath typeOf head tail length elemAt genList;

  chars = s: genList (i: substring i 1 s) (stringLength s);

  # Code points of the characters escapeURL / escapeC may be asked about: printable ASCII plus tab, LF and CR.
  printable = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
  codeOf =
    b.listToAttrs (lib.lists.imap0 (i: c: { name = c; value = i + 32; }) (chars printable))
    // { "\t" = 9; "\n" = 10; "\r" = 13; };

  lowers = chars "abcdefghijklmnopqrstuvwxyz";
  uppers = chars "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  lower = replaceStrings uppers lowers;
  upper = replaceStrings lowers uppers;

  escapeWith = specials: replaceStrings specials (map (c: "\\${c}") specials);
  regexEscaped = escapeWith (chars "\\[{()^$?*+|.");
  quoteNix = s: escapeWith [ "$" ] (b.toJSON s);
  keywords = [ "assert" "else" "if" "in" "inherit" "let" "or" "rec" "then" "with" ];

  withContextOf = src: target: substring 0 0 src + target;

  startsWith = p: s: substring 0 (stringLength p) s == p;
  endsWith =
    suffix: s:
    let
      n = stringLength s;
      k = stringLength suffix;
    in
    n >= k && substring (n - k) n s == suffix;

  # nixpkgs warns (but still answers) when a path is given where a string is meant.
  pathWarning =
    fn: arg: consequence: extra:
    lib.warnIf (isPath arg) ''
      lib.strings.${fn}: The first argument (${toString arg}) is a path value, but only strings are supported.
          There is almost certainly a bug in the calling code, since this function ${consequence} in such a case.
          This function also copies the path to the Nix store, which may not be what you want.
          This behavior is deprecated and will throw an error in the future.${extra}'';

  stringLike = x: isString x || isPath x || x ? outPath || x ? __toString;

  shellArg =
    v:
    let
      s = toString v;
    in
    if match "[[:alnum:],._+:@%/-]+" s == null then "'${replaceStrings [ "'" ] [ "'\\''" ] s}'" else s;

  padTo =
    width: filler: s:
    let
      n = stringLength s;
    in
    assert lib.assertMsg (n <= width)
      "fixedWidthString: requested string length (${toString width}) must not be shorter than actual length (${toString n})";
    if n == width then s else filler + padTo (width - stringLength filler) filler s;

  splitOn =
    sep: s:
    map (withContextOf s) (b.filter isString (b.split (regexEscaped (toString sep)) (toString s)));

  splitBy =
    pred: keep: s:
    let
      n = stringLength s;
      go =
        i: part: acc:
        if i == n then
          acc ++ [ part ]
        else
          let
            c = substring i 1 s;
            p = if i > 0 then substring (i - 1) 1 s else "";
          in
          if pred p c then go (i + 1) (if keep then c else "") (acc ++ [ part ]) else go (i + 1) (part + c) acc;
    in
    if n == 0 then [ (withContextOf s "") ] else map (withContextOf s) (go 0 "" [ ]);

  sentenceCase =
    s:
    lib.throwIfNot (isString s) "toSentenceCase does only accepts string values, but got ${typeOf s}" (
      withContextOf s (upper (substring 0 1 s) + lower (substring 1 (stringLength s) s))
    );

  trimmer =
    { start ? false, end ? false }:
    let
      ws = " \t\r\n";
      pattern =
        if start && end then
          "[${ws}]*(.*[^${ws}])[${ws}]*"
        else if start then
          "[${ws}]*(.*)"
        else if end then
          "(.*[^${ws}])[${ws}]*"
        else
          "(.*)";
    in
    s:
    let
      m = match pattern s;
    in
    if m == null then "" else head m;

  cmakeTypes = [ "BOOL" "FILEPATH" "PATH" "STRING" "INTERNAL" "LIST" ];
  cmakeOpt =
    type: feature: value:
    assert b.elem (upper type) cmakeTypes;
    assert isString feature;
    assert isString value;
    "-D${feature}:${upper type}=${value}";
  mesonOpt =
    feature: value:
    assert isString feature;
    assert isString value;
    "-D${feature}=${value}";
  enableFlag =
    flag: feature:
    assert b.isBool flag;
    assert isString feature;
    "--${if flag then "enable" else "disable"}-${feature}";
  withFlag =
    flag: feature:
    assert isString feature;
    "--${if flag then "with" else "without"}-${feature}";

  editDistance =
    x: y:
    let
      table = genList (i: genList (j: cell i j) (stringLength y + 1)) (stringLength x + 1);
      at = i: j: elemAt (elemAt table i) j;
      cell =
        i: j:
        if j == 0 then
          i
        else if i == 0 then
          j
        else
          let
            cost = if substring (i - 1) 1 x == substring (j - 1) 1 y then 0 else 1;
          in
          lib.min (lib.min (at (i - 1) j + 1) (at i (j - 1) + 1)) (at (i - 1) (j - 1) + cost);
    in
    at (stringLength x) (stringLength y);

  sharedPrefixLength =
    x: y:
    let
      m = lib.min (stringLength x) (stringLength y);
      go = i: if i >= m then m else if substring i 1 x == substring i 1 y then go (i + 1) else i;
    in
    go 0;
  sharedSuffixLength =
    x: y:
    let
      m = lib.min (stringLength x) (stringLength y);
      lx = stringLength x;
      ly = stringLength y;
      go = i: if i >= m then m else if substring (lx - i - 1) 1 x == substring (ly - i - 1) 1 y then go (i + 1) else i;
    in
    go 0;

  # Cheap special cases for small k after stripping the common prefix and suffix.
  withinOne = x: y: stringLength x <= 1 && stringLength y <= 1;
  withinTwo =
    x: y:
    let
      lx = stringLength x;
      ly = stringLength y;
      xMid = substring 1 (lx - 2) x;
      yMid = substring 1 (ly - 2) y;
    in
    if lx - ly == 2 then
      xMid == y
    else if lx - ly == 1 then
      xMid == substring 0 (ly - 1) y || xMid == substring 1 (ly - 1) y
    else
      xMid == yMid || substring 0 (lx - 1) x == substring 1 (ly - 1) y || substring 1 (lx - 1) x == substring 0 (ly - 1) y;
  distanceAtMost =
    k:
    if k <= 0 then
      x: y: x == y
    else
      let
        check =
          x: y:
          let
            lx = stringLength x;
            ly = stringLength y;
            pre = sharedPrefixLength x y;
            both = pre + sharedSuffixLength x y;
            xMid = substring pre (lx - both) x;
            yMid = substring pre (ly - both) y;
          in
          if lx < ly then
            check y x
          else if lx - ly > k then
            false
          else if k == 1 then
            withinOne xMid yMid
          else if k == 2 then
            withinTwo xMid yMid
          else
            editDistance xMid yMid <= k;
      in
      check;

  parseInt =
    fn: stripRe: zeroCheck: s:
    let
      stripped = match stripRe s;
      failure = "${fn}: Could not convert ${quoteNix s} to int.";
      parsed = b.fromJSON (head stripped);
    in
    if stripped == null then throw failure else zeroCheck s (head stripped) (if !b.isInt parsed then throw failure else parsed);
in
{
  inherit (b)
    compareVersions elem elemAt filter fromJSON genList head isInt isList isAttrs isPath isString match
    parseDrvName readFile replaceStrings split storeDir stringLength substring tail toJSON typeOf
    unsafeDiscardStringContext appendContext concatStringsSep
    ;

  join = concatStringsSep;
  concatStrings = concatStringsSep "";
  concatMapStrings = f: xs: concatStringsSep "" (map f xs);
  concatImapStrings = f: xs: concatStringsSep "" (lib.lists.imap1 f xs);
  intersperse = sep: xs: if length xs <= 1 then xs else tail (b.concatMap (x: [ sep x ]) xs);
  concatMapStringsSep = sep: f: xs: concatStringsSep sep (map f xs);
  concatImapStringsSep = sep: f: xs: concatStringsSep sep (lib.lists.imap1 f xs);
  concatMapAttrsStringSep = sep: f: set: concatStringsSep sep (b.attrValues (b.mapAttrs f set));
  concatLines = ls: if ls == [ ] then "" else concatStringsSep "\n" ls + "\n";
  replaceString = from: to: replaceStrings [ from ] [ to ];
  replicate = n: s: concatStringsSep "" (genList (_: s) n);
  trim = trimmer { start = true; end = true; };
  trimWith = trimmer;

  makeSearchPath = sub: paths: concatStringsSep ":" (map (p: p + "/" + sub) (b.filter (p: p != null) paths));
  makeSearchPathOutput = output: sub: pkgs: lib.strings.makeSearchPath sub (map (lib.attrsets.getOutput output) pkgs);
  makeLibraryPath = lib.strings.makeSearchPathOutput "lib" "lib";
  makeIncludePath = lib.strings.makeSearchPathOutput "dev" "include";
  makeBinPath = lib.strings.makeSearchPathOutput "bin" "bin";

  normalizePath =
    s:
    lib.warnIf (isPath s) ''
      lib.strings.normalizePath: The argument (${toString s}) is a path value, but only strings are supported.
          Path values are always normalised in Nix, so there's no need to call this function on them.
          This function also copies the path to the Nix store and returns the store path, the same as "''${path}" will, which may not be what you want.
          This behavior is deprecated and will throw an error in the future.'' (
      b.foldl' (acc: c: if c == "/" && endsWith "/" acc then acc else acc + c) "" (chars s)
    );
  optionalString = cond: s: if cond then s else "";
  hasPrefix =
    p: s:
    pathWarning "hasPrefix" p "always returns `false`" "\n    You might want to use `lib.path.hasPrefix` instead, which correctly supports paths." (
      startsWith p s
    );
  hasSuffix = sfx: s: pathWarning "hasSuffix" sfx "always returns `false`" "" (endsWith sfx s);
  hasInfix = inf: s: pathWarning "hasInfix" inf "always returns `false`" "" (match ".*${regexEscaped inf}.*" "${s}" != null);
  stringToCharacters = chars;
  stringAsChars = f: s: concatStringsSep "" (map f (chars s));
  charToInt = c: codeOf.${c};
  escape = escapeWith;
  escapeC =
    specials:
    replaceStrings specials (map (c: "\\x${padTo 2 "0" (lower (lib.trivial.toHexString codeOf.${c}))}") specials);
  escapeURL =
    let
      kept = chars "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
      encoded = removeAttrs codeOf kept;
    in
    replaceStrings (b.attrNames encoded) (map (n: "%${padTo 2 "0" (lib.trivial.toHexString encoded.${n})}") (b.attrNames encoded));
  escapeShellArg = shellArg;
  escapeShellArgs = xs: concatStringsSep " " (map shellArg xs);
  isValidPosixName = n: match "[a-zA-Z_][a-zA-Z0-9_]*" n != null;
  toShellVar =
    name: value:
    lib.throwIfNot (lib.strings.isValidPosixName name) "toShellVar: ${name} is not a valid shell variable name" (
      if b.isAttrs value && !stringLike value then
        "declare -A ${name}=(${concatStringsSep " " (lib.attrsets.mapAttrsToList (k: v: "[${shellArg k}]=${shellArg v}") value)})"
      else if b.isList value then
        "declare -a ${name}=(${concatStringsSep " " (map shellArg value)})"
      else
        "${name}=${shellArg value}"
    );
  toShellVars = vars: concatStringsSep "\n" (lib.attrsets.mapAttrsToList lib.strings.toShellVar vars);
  escapeNixString = quoteNix;
  escapeRegex = regexEscaped;
  escapeNixIdentifier = s: if match "[a-zA-Z_][a-zA-Z0-9_'-]*" s != null && !b.elem s keywords then s else quoteNix s;
  escapeXML = replaceStrings [ "\"" "'" "<" ">" "&" ] [ "&quot;" "&apos;" "&lt;" "&gt;" "&amp;" ];
  lowerChars = lowers;
  upperChars = uppers;
  toLower = lower;
  toUpper = upper;
  toSentenceCase = sentenceCase;
  toCamelCase =
    s:
    lib.throwIfNot (isString s) "toCamelCase does only accepts string values, but got ${typeOf s}" (
      let
        words = splitBy (_: c: b.elem c [ "-" "_" " " ]) false s;
        parts = b.concatMap (splitBy (p: c: match "[a-z]" p != null && match "[A-Z]" c != null) true) words;
        first = if parts == [ ] then "" else lower (head parts);
        others = if length parts > 1 then map sentenceCase (tail parts) else [ ];
      in
      concatStringsSep "" (map (withContextOf s) ([ first ] ++ others))
    );
  addContextFrom = withContextOf;
  splitString = splitOn;
  splitStringBy = splitBy;
  removePrefix =
    p: s:
    pathWarning "removePrefix" p "never removes any prefix" "" (
      if startsWith p s then substring (stringLength p) (-1) s else s
    );
  removeSuffix =
    sfx: s:
    pathWarning "removeSuffix" sfx "never removes any suffix" "" (
      let
        k = stringLength sfx;
        n = stringLength s;
      in
      if k <= n && sfx == substring (n - k) k s then substring 0 (n - k) s else s
    );
  versionOlder = v1: v2: b.compareVersions v2 v1 == 1;
  versionAtLeast = v1: v2: b.compareVersions v2 v1 != 1;
  getName = x: if isString x then (b.parseDrvName x).name else x.pname or (b.parseDrvName x.name).name;
  getVersion = x: if isString x then (b.parseDrvName x).version else x.version or (b.parseDrvName x.name).version;
  nameFromURL =
    url: sep:
    let
      file = lib.lists.last (splitOn "/" url);
      name = head (splitOn sep file);
    in
    assert name != file;
    name;

  cmakeOptionType = cmakeOpt;
  cmakeBool =
    name: flag:
    assert isString name;
    assert b.isBool flag;
    cmakeOpt "bool" name (if flag then "TRUE" else "FALSE");
  cmakeFeature =
    feature: value:
    assert isString feature;
    assert isString value;
    cmakeOpt "string" feature value;
  mesonOption = mesonOpt;
  mesonBool =
    name: flag:
    assert isString name;
    assert b.isBool flag;
    mesonOpt name (if flag then "true" else "false");
  mesonEnable =
    feature: flag:
    assert isString feature;
    assert b.isBool flag;
    mesonOpt feature (if flag then "enabled" else "disabled");
  enableFeature = enableFlag;
  enableFeatureAs = flag: feature: value: enableFlag flag feature + (if flag then "=${value}" else "");
  withFeature = withFlag;
  withFeatureAs = flag: feature: value: withFlag flag feature + (if flag then "=${value}" else "");

  fixedWidthString = padTo;
  fixedWidthNumber = width: n: padTo width "0" (toString n);
  floatToString =
    f:
    let
      s = toString f;
    in
    lib.warnIf (f != b.fromJSON s) "Imprecise conversion from float to string ${s}" s;

  isConvertibleWithToString =
    x:
    stringLike x
    || b.elem (typeOf x) [ "null" "int" "float" "bool" ]
    || (b.isList x && b.all lib.strings.isConvertibleWithToString x);
  isStringLike = stringLike;
  isStorePath =
    x:
    stringLike x
    && (
      let
        s = toString x;
      in
      substring 0 1 s == "/" && (dirOf s == b.storeDir || match "/[0-9a-z]{52}" s != null)
    );

  toInt =
    parseInt "toInt" "[[:space:]]*(-?[[:digit:]]+)[[:space:]]*" (
      input: digits: value:
      if match "0[[:digit:]]+" digits == [ ] then
        throw "toInt: Ambiguity in interpretation of ${quoteNix input} between octal and zero padded integer."
      else
        value
    );
  toIntBase10 =
    parseInt "toIntBase10" "[[:space:]]*0*(-?[[:digit:]]+)[[:space:]]*" (
      _: digits: value: if match "0+" digits == [ ] then 0 else value
    );
  fileContents = file: lib.strings.removeSuffix "\n" (b.readFile file);

  sanitizeDerivationName =
    s:
    if stringLength s <= 207 && match "[[:alnum:]+_?=-][[:alnum:]+._?=-]*" s != null then
      b.unsafeDiscardStringContext s
    else
      let
        plain = b.unsafeDiscardStringContext s;
        noDots = head (match "\\.*(.*)" plain);
        dashed = concatStringsSep "" (map (p: if b.isList p then "-" else p) (b.split "[^[:alnum:]+._?=-]+" noDots));
        clipped = substring (lib.max (stringLength dashed - 207) 0) (-1) dashed;
      in
      if clipped == "" then "unknown" else clipped;

  levenshtein = editDistance;
  commonPrefixLength = sharedPrefixLength;
  commonSuffixLength = sharedSuffixLength;
  levenshteinAtMost = distanceAtMost;
}
