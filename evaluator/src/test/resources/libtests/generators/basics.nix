let
  lib = import <modsvc-lib>;
  g = lib.generators;
  drv = { type = "derivation"; name = "pkg"; outPath = "/nix/store/00000000000000000000000000000000-pkg"; };
in
{
  mkValueStringDefault = map (g.mkValueStringDefault { }) [ 1 "s" true false null drv 1.5 ];
  mkKeyValueDefault = [ (g.mkKeyValueDefault { } "=" "k=ey" 3) (g.mkKeyValueDefault { mkValueString = v: "<${toString v}>"; } ":" "k" 1) ];
  toKeyValue = g.toKeyValue { } { key = "value"; other = 10; flag = true; };
  toKeyValueDup = g.toKeyValue { listsAsDuplicateKeys = true; indent = "  "; } { a = [ 1 2 ]; b = 3; };
  toKeyValueSep = g.toKeyValue { mkKeyValue = g.mkKeyValueDefault { } " = "; } { x = "y"; };
  toINI = g.toINI { } { "section [1]" = { a = 1; b = "x"; }; main = { enabled = true; }; };
  toINIDup = g.toINI { listsAsDuplicateKeys = true; } { s = { k = [ "a" "b" ]; }; };
  toINIEmpty = g.toINI { } { };
  toINIWithGlobalSection = g.toINIWithGlobalSection { } { globalSection = { top = 1; }; sections = { s = { k = "v"; }; }; };
  toINIWithGlobalSectionNoGlobal = g.toINIWithGlobalSection { } { globalSection = { }; sections = { s = { k = "v"; }; }; };
  toGitINI = g.toGitINI {
    user = { name = "Me"; email = "me@x"; };
    "url \"git@github.com:\"" = { insteadOf = "https://github.com/"; };
    core = { autocrlf = false; editor = "vim \"quoted\"\n"; };
    branch.main.remote = "origin";
    remote.origin = { url = "u"; fetch = [ "a" "b" ]; };
  };
  toJSON = g.toJSON { } { a = [ 1 "b" null ]; };
  toYAML = g.toYAML { } { a = 1; };
  toPretty = g.toPretty { } {
    int = 1; float = 1.5; str = "a\"b\${c}\\"; multi = "line1\nline2\n"; multi2 = "x\ny"; bool = true; null = null;
    list = [ 1 [ 2 ] [ ] { } ]; fn = x: x; fnArgs = { a, b ? 1 }: a; drv = drv; nested = { "a b" = 1; "if" = 2; };
    path = /tmp; pretty = { __pretty = v: "PRETTY(${toString v})"; val = 3; };
  };
  toPrettyOneLine = g.toPretty { multiline = false; } { a = [ 1 2 ]; b = "x\ny"; c = { }; };
  toPrettyAllow = g.toPretty { allowPrettyValues = true; } { p = { __pretty = v: "P${toString v}"; val = 3; }; };
  toPrettyIndent = g.toPretty { indent = "    "; } [ 1 { a = 2; } ];
  toPrettyMultiQuote = g.toPretty { } "a''b\n\${x}";
  withRecursion = g.toPretty { } (g.withRecursion { depthLimit = 2; throwOnDepthLimit = false; } { a = { b = { c = { d = 1; }; }; }; l = [ [ [ 1 ] ] ]; });
  toPlist = g.toPlist { escape = true; } { a = 1; b = [ true "x<y" 1.5 ]; c = { d = null; _module = 1; e = "f"; }; };
  toDhall = g.toDhall { } { a = 1; b = [ true false ]; c = "s"; d = -3; };
  toLua = g.toLua { } { a = [ 1 "two" null ]; b = { c = true; }; e = g.mkLuaInline "require('x')"; f = { }; g = [ ]; };
  toLuaOneLine = g.toLua { multiline = false; } [ 1 { x = 2; } ];
  toLuaBindings = g.toLua { asBindings = true; } { a = 1; "b.c" = { d = "e"; }; };
  mkLuaInline = lib.mkLuaInline "x";
}
