{
  m1 = builtins.match "([a-z]+)-([0-9]+)" "abc-123";
  m2 = builtins.match "[a-z]+" "ABC";
  m3 = builtins.match "(a)|(b)" "b";
  s1 = builtins.split "," "a,b,,c";
  s2 = builtins.split "(x)(y)?" "axbxyc";
  classes = builtins.match "[[:digit:]]+[[:space:]]*" "42  ";
}
