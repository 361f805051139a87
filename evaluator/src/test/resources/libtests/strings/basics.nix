let
  lib = import <modsvc-lib>;
  drv = { type = "derivation"; outPath = "/nix/store/00000000000000000000000000000000-foo"; name = "foo-1.2"; bin = "/nix/store/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-foo-bin"; };
in
{
  concatStrings = lib.concatStrings [ "a" "b" ];
  concatMapStrings = lib.concatMapStrings (x: x + "!") [ "a" "b" ];
  concatImapStrings = lib.concatImapStrings (i: x: "${toString i}${x}") [ "a" "b" ];
  concatStringsSep = lib.concatStringsSep "," [ "a" "b" ];
  concatMapStringsSep = lib.concatMapStringsSep "-" (x: x + x) [ "a" "b" ];
  concatImapStringsSep = lib.concatImapStringsSep "-" (i: x: "${toString i}${x}") [ "a" "b" ];
  concatMapAttrsStringSep = lib.concatMapAttrsStringSep "," (n: v: "${n}=${v}") { b = "2"; a = "1"; };
  concatLines = [ (lib.concatLines [ "a" "b" ]) (lib.concatLines [ ]) ];
  intersperse = [ (lib.intersperse "/" [ "a" "b" "c" ]) (lib.intersperse "/" [ "a" ]) (lib.intersperse "/" [ ]) ];
  join = lib.join ", " [ "x" "y" ];
  replaceString = lib.replaceString "a" "o" "banana";
  replicate = lib.strings.replicate 3 "ab";
  makeSearchPath = lib.makeSearchPath "bin" [ "/a" null "/b" ];
  makeBinPath = lib.makeBinPath [ drv "/x" ];
  makeSearchPathOutput = lib.makeSearchPathOutput "dev" "include" [ drv ];
  optionalString = [ (lib.optionalString true "x") (lib.optionalString false "x") ];
  hasPrefix = [ (lib.hasPrefix "fo" "foo") (lib.hasPrefix "oo" "foo") (lib.hasPrefix "" "") ];
  hasSuffix = [ (lib.hasSuffix "oo" "foo") (lib.hasSuffix "fo" "foo") (lib.hasSuffix "longer" "x") ];
  hasInfix = [ (lib.hasInfix "a.c" "xa.cy") (lib.hasInfix "a.c" "abc") (lib.hasInfix "" "") (lib.hasInfix "x" "") ];
  stringToCharacters = lib.stringToCharacters "abc";
  stringAsChars = lib.stringAsChars (c: if c == "a" then "A" else c) "banana";
  escape = lib.escape [ "(" ")" ] "(foo)";
  escapeShellArg = map lib.escapeShellArg [ "esc'ape" "simple" "with space" "" 42 "a,b._+:@%/-c" ];
  escapeShellArgs = lib.escapeShellArgs [ "one" "two three" "four'five" ];
  escapeNixString = lib.strings.escapeNixString "a\"b$c\n";
  escapeNixIdentifier = map lib.strings.escapeNixIdentifier [ "foo" "foo-bar'" "0abc" "if" "a b" "_x" ];
  escapeRegex = lib.escapeRegex "[^a-z]*.+";
  escapeXML = lib.escapeXML ''"test" 'test' < & >'';
  escapeURL = lib.escapeURL "foo/bar baz?x=1&y=ä~";
  escapeC = lib.strings.escapeC [ " " "\n" ] "a b\nc";
  toLower = lib.toLower "HeLLo";
  toUpper = lib.toUpper "HeLLo";
  toSentenceCase = lib.toSentenceCase "hELLO wORLD";
  toCamelCase = map lib.toCamelCase [ "hello-world" "hello_world" "helloWorld" "HelloWorld" "" "a b  c" ];
  splitString = [ (lib.splitString "." "a.b.c") (lib.splitString "/" "/usr/local/bin") (lib.splitString "," "") (lib.splitString "ab" "xabyabz") ];
  splitStringBy = lib.strings.splitStringBy (prev: curr: curr == ".") false "a.b.c";
  splitStringByKeep = lib.strings.splitStringBy (prev: curr: builtins.match "[A-Z]" curr != null) true "fooBarBaz";
  removePrefix = [ (lib.removePrefix "foo." "foo.bar.baz") (lib.removePrefix "xxx" "foo.bar.baz") ];
  removeSuffix = [ (lib.removeSuffix "front" "homefront") (lib.removeSuffix "xxx" "homefront") ];
  versionOlder = [ (lib.versionOlder "1.1" "1.2") (lib.versionOlder "1.1" "1.1") (lib.versionOlder "1.10" "1.9") ];
  versionAtLeast = [ (lib.versionAtLeast "1.1" "1.0") (lib.versionAtLeast "1.1" "1.1") (lib.versionAtLeast "1.1" "1.2") ];
  getName = [ (lib.getName "youtube-dl-2016.01.01") (lib.getName drv) (lib.getName { pname = "p"; name = "p-1"; }) ];
  getVersion = [ (lib.getVersion "youtube-dl-2016.01.01") (lib.getVersion drv) (lib.getVersion { version = "9"; }) ];
  nameFromURL = lib.nameFromURL "https://nixos.org/releases/nix/nix-1.7/nix-1.7-x86_64-linux.tar.bz2" "-";
  toInt = map lib.toInt [ "1337" "-4" " 123 " "0" "-0" ];
  toIntBase10 = map lib.toIntBase10 [ "1337" "-4" " 123 " "0123" "00" "-42" ];
  isStringLike = [ (lib.isStringLike "a") (lib.isStringLike ./basics.nix) (lib.isStringLike { outPath = "x"; }) (lib.isStringLike { __toString = self: "x"; }) (lib.isStringLike 1) ];
  isStorePath = [ (lib.isStorePath "/nix/store/d945ibfx9x185xf04b890y4f9g3cbb63-python-2.7.11") (lib.isStorePath "/nix/store/d945ibfx9x185xf04b890y4f9g3cbb63-python-2.7.11/bin/python") (lib.isStorePath "/etc") (lib.isStorePath drv) (lib.isStorePath 1) ];
  isConvertibleWithToString = [ (lib.strings.isConvertibleWithToString 1) (lib.strings.isConvertibleWithToString [ 1 "a" null ]) (lib.strings.isConvertibleWithToString { }) (lib.strings.isConvertibleWithToString [ { } ]) ];
  trim = map lib.trim [ "  a b  " "\n\tx\r\n" "   " "" ];
  trimWith = [ (lib.trimWith { start = true; } "  a  ") (lib.trimWith { end = true; } "  a  ") (lib.trimWith { } "  a  ") ];
  fixedWidthString = [ (lib.strings.fixedWidthString 5 "0" "42") (lib.strings.fixedWidthString 2 "0" "42") ];
  fixedWidthNumber = lib.strings.fixedWidthNumber 5 15;
  floatToString = lib.strings.floatToString 0.5;
  sanitizeDerivationName = map lib.strings.sanitizeDerivationName [ "..foo" "foo bar" "fo&o" "" "ok-name_1.2" "....." ];
  levenshtein = [ (lib.strings.levenshtein "foo" "foo") (lib.strings.levenshtein "book" "hook") (lib.strings.levenshtein "kitten" "sitting") (lib.strings.levenshtein "" "abc") ];
  levenshteinAtMost = [
    (lib.strings.levenshteinAtMost 0 "foo" "foo")
    (lib.strings.levenshteinAtMost 1 "foo" "boa")
    (lib.strings.levenshteinAtMost 2 "foo" "boa")
    (lib.strings.levenshteinAtMost 2 "This is a sentence" "this is a sentense.")
    (lib.strings.levenshteinAtMost 3 "This is a sentence" "this is a sentense.")
    (lib.strings.levenshteinAtMost 1 "abc" "abcd")
    (lib.strings.levenshteinAtMost 2 "abc" "a")
    (lib.strings.levenshteinAtMost 4 "kitten" "sitting")
  ];
  commonPrefixLength = lib.strings.commonPrefixLength "foobar" "fooqux";
  commonSuffixLength = lib.strings.commonSuffixLength "barfoo" "quxfoo";
  lowerChars = lib.lowerChars;
  upperChars = lib.upperChars;
  normalizePath = lib.strings.normalizePath "//a//b///c/";
  cmake = [ (lib.cmakeBool "ENABLE_FOO" true) (lib.cmakeFeature "MODULES" "foo;bar") (lib.cmakeOptionType "filepath" "CMAKE_X" "/a") ];
  meson = [ (lib.mesonOption "engine" "opengl") (lib.mesonBool "ipv6" false) (lib.mesonEnable "docs" true) ];
  features = [ (lib.enableFeature true "shared") (lib.enableFeature false "shared") (lib.enableFeatureAs true "x" "y") (lib.enableFeatureAs false "x" "y") (lib.withFeature true "ssl") (lib.withFeature false "ssl") (lib.withFeatureAs true "ssl" "/o") (lib.withFeatureAs false "ssl" "/o") ];
  isValidPosixName = map lib.isValidPosixName [ "foo" "_x1" "1x" "a-b" ];
  toShellVar = [ (lib.toShellVar "A" "it's") (lib.toShellVar "B" [ "a" "b c" ]) (lib.toShellVar "C" { k = "v w"; }) (lib.toShellVar "D" drv) ];
  toShellVars = lib.toShellVars { X = "1"; Y = [ "2" ]; };
  addContextFrom = lib.addContextFrom "a" "b";
  charToInt = map lib.strings.charToInt [ "A" " " "~" "\n" ];
  typeOf = lib.typeOf 1;
  fileContents = lib.fileContents ./text.txt;
  match = lib.match "a(.)c" "abc";
  split = lib.split "," "a,b";
}
