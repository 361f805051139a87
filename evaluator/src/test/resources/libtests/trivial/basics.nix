let
  lib = import <modsvc-lib>;
  inherit (lib) trivial;
in
{
  id = lib.id 5;
  const = lib.const 1 2;
  pipe = lib.pipe 2 [ (x: x + 1) (x: x * 10) ];
  pipeEmpty = lib.pipe 7 [ ];
  flip = lib.flip lib.concat [ 1 ] [ 2 ];
  concat = lib.concat [ 1 2 ] [ 3 ];
  or1 = lib.or false true;
  and1 = lib.and true false;
  xor = map (p: lib.xor p.a p.b) [ { a = true; b = true; } { a = true; b = false; } { a = false; b = false; } ];
  bitAnd = lib.bitAnd 12 10;
  bitOr = lib.bitOr 12 10;
  bitXor = lib.bitXor 12 10;
  bitNot = lib.bitNot 5;
  boolToString = [ (lib.boolToString true) (lib.boolToString false) ];
  boolToYesNo = [ (lib.boolToYesNo true) (lib.boolToYesNo false) ];
  mergeAttrs = lib.mergeAttrs { a = 1; b = 1; } { b = 2; };
  defaultTo = [ (lib.defaultTo 1 null) (lib.defaultTo 1 2) (lib.defaultTo 1 false) ];
  mapNullable = [ (lib.mapNullable (x: x + 1) null) (lib.mapNullable (x: x + 1) 1) ];
  isFunction = [ (lib.isFunction (x: x)) (lib.isFunction { __functor = self: x: x; }) (lib.isFunction 1) (lib.isFunction { }) ];
  functionArgs = [
    (lib.functionArgs ({ a, b ? 1 }: a))
    (lib.functionArgs (x: x))
    (lib.functionArgs (lib.setFunctionArgs (x: x) { q = true; }))
    (lib.functionArgs { __functor = self: { z }: z; })
  ];
  setFunctionArgs = (lib.setFunctionArgs (x: x.a + 1) { a = false; }) { a = 1; };
  mirror = lib.functionArgs (lib.mirrorFunctionArgs ({ x, y ? 2 }: x) (args: args));
  mirrorCall = (lib.mirrorFunctionArgs ({ x }: x) (a: a.x * 2)) { x = 4; };
  toFunction = [ ((lib.toFunction 3) 9) ((lib.toFunction (x: x + 1)) 9) ];
  min = lib.min 3 4;
  max = lib.max 3 4;
  minStr = lib.min "b" "a";
  mod = [ (lib.mod 11 10) (lib.mod 1 10) (lib.mod (-11) 10) ];
  compare = [ (lib.compare 1 2) (lib.compare 2 1) (lib.compare "a" "a") ];
  splitByAndCompare = map (p: lib.splitByAndCompare (lib.hasPrefix "foo") lib.compare lib.compare p.a p.b) [
    { a = "fooa"; b = "fooz"; }
    { a = "foob"; b = "a"; }
    { a = "b"; b = "foob"; }
    { a = "a"; b = "b"; }
  ];
  seq = lib.seq 1 2;
  deepSeq = lib.deepSeq { a = [ 1 ]; } "ok";
  toHexString = map lib.toHexString [ 0 9 10 15 16 255 4095 250 ];
  fromHexString = map lib.fromHexString [ "FF" "0xff" "1a" "0" ];
  toBaseDigits = [ (lib.toBaseDigits 2 6) (lib.toBaseDigits 10 0) (lib.toBaseDigits 16 255) (lib.toBaseDigits 3 100) ];
  inNixShell = lib.inNixShell;
  oldest = [ (lib.oldestSupportedReleaseIsAtLeast 2411) (lib.oldestSupportedReleaseIsAtLeast 9999) ];
  throwIf = lib.throwIf false "nope" 1;
  throwIfNot = lib.throwIfNot true "nope" 2;
  warnIfNoWarn = lib.warnIf false "nope" 3;
  warnIfNotNoWarn = lib.warnIfNot true "nope" 4;
  checkListOfEnum = lib.checkListOfEnum "fruit" [ "apple" "pear" ] [ "pear" ] "fine";
  arithmetic = [ (lib.add 1 2) (lib.sub 5 3) (lib.mul 3 4) (lib.div 9 2) (lib.lessThan 1 2) ];
  importJSON = lib.importJSON ./data.json;
  importTOML = lib.importTOML ./data.toml;
  isInt = [ (lib.isInt 1) (lib.isInt 1.0) (lib.isFloat 1.0) (lib.isBool false) ];
  ceilFloor = [ (lib.ceil 1.2) (lib.floor 1.8) ];
  trivialSet = trivial.id "via-subset";
}
