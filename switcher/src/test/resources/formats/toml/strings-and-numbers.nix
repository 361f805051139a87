lib: {
  format = formats: formats.toml { };
  value = {
    ctrl = builtins.fromJSON ''"bell\u0007 del\u007f cr\r"'';
    triple = "it's '''triple''' and \"\"\"double\"\"\"";
    quotes2 = "a ''two'' b";
    backslash_and_quote = "C:\\it's";
    tabbed = "a\tb";
    multi_with_quotes = "line \"one\"\nline 'two'";
    "key \"quoted\"" = 1;
    "key 'single'" = 2;
    "" = "empty key";
    "ünï" = "unicode key";
    "dotted.key" = true;
    floats = [ 1.5 0.1 (-2.25) 1.0e20 1.0e-7 ];
    ints = [ 0 (-1) 9007199254740993 ];
    nested_arrays = [ [ 1 2 ] [ "a" ] [ ] ];
    tables_in_array = [ { a = 1; } { b = { c = 2; }; } ];
    deep = { a = { b = { c = { d = 1; }; }; }; e = [ { f = { g = 1; }; } ]; };
  };
}
