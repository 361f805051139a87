# Basic combinators, numeric helpers, warnings and release information.
# Mirrors the behaviour of nixpkgs' lib.trivial; written for modsvc.
{ lib }:
let
  b = builtins;

  # Nix 2.23+ has builtins.warn; on older evaluators a trace with the same
  # coloured prefix is what nixpkgs emits, so tools that grep for it keep working.
  emitWarning =
    b.warn or (
      message: value:
      assert b.isString message;
      if b.elem (b.getEnv "NIX_ABORT_ON_WARN") [ "1" "true" "yes" ] then
        b.trace "[1;31mevaluation warning:[0m ${message}" (
          abort "NIX_ABORT_ON_WARN=true; warnings are treated as unrecoverable errors."
        )
      else
        b.trace "[1;35mevaluation warning:[0m ${message}" value
    );

  argsOf = f: if f ? __functor then f.__functionArgs or (b.functionArgs (f.__functor f)) else b.functionArgs f;

  callable = f: b.isFunction f || (f ? __functor && b.isFunction (f.__functor f));

  digitsIn =
    base: n:
    let
      step = n: if n < base then [ n ] else step (n / base) ++ [ (n - (n / base) * base) ];
    in
    assert b.isInt base;
    assert b.isInt n;
    assert base >= 2;
    assert n >= 0;
    step n;

  hexDigit = d: if d < 10 then toString d else b.elemAt [ "A" "B" "C" "D" "E" "F" ] (d - 10);

  releaseNumber = "26.05";
in
{
  inherit (b)
    pathExists readFile isBool isInt isFloat add sub mul div lessThan seq deepSeq
    genericClosure bitAnd bitOr bitXor ceil floor
    ;

  id = x: x;
  const = x: _: x;
  pipe = value: fs: b.foldl' (acc: f: f acc) value fs;
  concat = x: y: x ++ y;
  "or" = x: y: x || y;
  and = x: y: x && y;
  xor = x: y: (!x) != (!y);
  bitNot = b.sub (-1);
  boolToString = v: if v then "true" else "false";
  boolToYesNo = v: if v then "yes" else "no";
  mergeAttrs = x: y: x // y;
  flip = f: x: y: f y x;
  defaultTo = fallback: v: if v == null then fallback else v;
  mapNullable = f: v: if v == null then null else f v;

  release = releaseNumber;
  versionSuffix = "pre-git";
  version = releaseNumber + "pre-git";
  codeName = "Yarara";
  oldestSupportedRelease = 2511;
  oldestSupportedReleaseIsAtLeast = r: r <= lib.trivial.oldestSupportedRelease;
  isInOldestRelease =
    lib.warnIf (lib.oldestSupportedReleaseIsAtLeast 2411)
      "lib.isInOldestRelease is deprecated. Use lib.oldestSupportedReleaseIsAtLeast instead."
      lib.oldestSupportedReleaseIsAtLeast;
  revisionWithDefault = fallback: fallback;
  nixpkgsVersion = emitWarning "lib.nixpkgsVersion is a deprecated alias of lib.version." (releaseNumber + "pre-git");

  # modsvc never evaluates inside nix-shell.
  inNixShell = false;
  inPureEvalMode = !b ? currentSystem;

  min = x: y: if x < y then x else y;
  max = x: y: if x > y then x else y;
  mod = n: d: n - d * (n / d);
  compare = x: y: if x < y then -1 else if x > y then 1 else 0;
  splitByAndCompare =
    p: onBoth: onNeither: x: y:
    if p x then (if p y then onBoth x y else -1) else if p y then 1 else onNeither x y;

  importJSON = file: b.fromJSON (b.readFile file);
  importTOML = file: b.fromTOML (b.readFile file);

  warn = emitWarning;
  warnIf = cond: msg: if cond then emitWarning msg else x: x;
  warnIfNot = cond: msg: if cond then x: x else emitWarning msg;
  throwIf = cond: msg: if cond then throw msg else x: x;
  throwIfNot = cond: msg: if cond then x: x else throw msg;
  checkListOfEnum =
    what: allowed: given:
    let
      bad = b.filter (v: !b.elem v allowed) given;
    in
    if bad == [ ] then
      x: x
    else
      throw "${what}: ${b.concatStringsSep ", " (map toString bad)} unexpected; valid ones: ${b.concatStringsSep ", " (map toString allowed)}";
  info = msg: b.trace "INFO: ${msg}";
  showWarnings = warnings: result: lib.lists.foldr emitWarning result warnings;

  setFunctionArgs = f: args: {
    __functor = _: f;
    __functionArgs = args;
  };
  functionArgs = argsOf;
  isFunction = callable;
  mirrorFunctionArgs =
    f:
    let
      args = argsOf f;
    in
    g: {
      __functor = _: g;
      __functionArgs = args;
    };
  toFunction = v: if callable v then v else _: v;

  fromHexString =
    s:
    let
      m = b.match "(0x)?([0-7]?[0-9A-Fa-f]{1,15})" s;
    in
    if m != null then
      (b.fromTOML "v=0x${b.elemAt m 1}").v
    else
      assert emitWarning "fromHexString: ${lib.generators.toPretty { } s} is not a valid input and will be rejected in 26.05" true;
      (b.fromTOML "v=0x${lib.strings.removePrefix "0x" (lib.strings.toLower s)}").v;
  toHexString = n: b.concatStringsSep "" (map hexDigit (digitsIn 16 n));
  toBaseDigits = digitsIn;
}
