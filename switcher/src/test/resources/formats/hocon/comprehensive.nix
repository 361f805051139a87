lib: {
  format = formats: formats.hocon { };
  value = formats: {
    simple = "1.0";
    nested.deeper.value = 100;
    floaty = 29.95;
    array2d = [ [ 1 2 "a" ] [ 2 1 "b" ] ];
    nasty = "\"@\n\\\t^*bf\n0\";'''$ ünï ✓";
    "misc attrs" = { x = 1; y = (formats.hocon { }).lib.mkAppend { a = 1; }; nothing = null; yes = true; };
    "quoted \" key" = {
      a = 1;
      "a b" = (formats.hocon { }).lib.mkSubstitution "a";
      "a b c" = (formats.hocon { }).lib.mkSubstitution { value = "a b"; required = true; };
    };
    includes = {
      _includes = [
        ((formats.hocon { }).lib.mkInclude "/etc/app/base.conf")
        ((formats.hocon { }).lib.mkInclude { value = "https://example.com"; type = "url"; })
        ((formats.hocon { }).lib.mkInclude { value = "/etc/app/extra.conf"; type = "file"; required = true; })
        ((formats.hocon { }).lib.mkInclude { value = "app.conf"; type = "classpath"; })
      ];
      after = "x";
    };
    empty = { };
    emptyList = [ ];
    legacy = { __hocon_envvar = "HOME"; };
    unquoted = { __hocon_unquoted_string = "10 seconds"; };
  };
}
