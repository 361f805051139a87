let
  total = a + b;
  a = 1;
  b = a * 10;
in
total
