lib: {
  format = formats: formats.configobj { };
  value = {
    name = "plain value";
    port = 8080;
    ratio = 0.5;
    enabled = true;
    off = false;
    nothing = null;
    empty = "";
    quoted = "say \"hi\"";
    apostrophe = "it's";
    both = "both \" and '";
    multiline = "line1\nline2";
    lead = " leading";
    comma = "a,b";
    hash = "x #y";
    unicode = "ünï ✓";
    list = [ "a" 1 true "b c" ];
    one = [ "only" ];
    none = [ ];
    "key with spaces" = "v";
    section = {
      inner = "x";
      sub = { deep = "y"; subsub = { deeper = 1; }; };
      after = [ "z" ];
    };
    empty_section = { };
  };
}
