lib: {
  format = formats: formats.json { };
  value = {
    a = [ 1 "x" true null 0.5 (-7) ];
    b = { };
    c = [ ];
    "key with \"quotes\"" = "line1\nline2\ttab \\ back";
    unicode = "ünïcødé ✓ 😀";
    control = builtins.fromJSON ''"bell\u0007 del\u007f"'';
    deep = { x = { y = { z = [ { } [ ] ]; }; }; };
  };
}
