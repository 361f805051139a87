lib: {
  format = formats: formats.yaml_1_1 { };
  value = {
    plain = [ "0o17" "0x1F" "1_000" "017" "1:30" "2001-12-14" "2001-12-14 21:59:43.10 -5" "~" "=" "<<" "-" "?" ":x" "x:" "a,b" "[x]" "{x}" "#x" "a#b" "@x" "%x" "`x" "!x" "&x" "*x" "|" ">" "---" "..." "Yes" "NO" "y" "N" ".inf" "-.Inf" ".NaN" "1e3" "+1" "-" "- a" "a - b" "ünï" "a: b" "a :b" "tab\tin" " lead" "trail " "" "null" "Null" "true" ];
    folding = {
      single_quoted_long = "'quoted' words that are long enough to need folding past the eighty column width limit set";
      double_long = "a\"b words that are long enough to need folding past the eighty column width limit for sure";
      plain_long_no_spaces = "https://example.org/a/very/long/url/that/has/no/spaces/and/goes/well/past/eighty/columns";
      escapes = "bell ${builtins.fromJSON ''"\u0007"''} esc ${builtins.fromJSON ''"\u001b"''} nbsp ${builtins.fromJSON ''"\u00a0"''} ls ${builtins.fromJSON ''"\u2028"''} emoji 😀";
    };
    "key with spaces" = 1;
    "yes" = "key is a bool in 1.1";
    "123" = "key is an int";
    "" = "empty key";
    nested = [ [ [ 1 ] ] [ { a = [ { b = 1; } ]; } ] ];
    floats = [ 1.5 0.1 1.0e20 1.0e-7 ];
  };
}
