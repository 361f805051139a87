lib: {
  format = formats: formats.xml { withHeader = false; };
  value = { a = { b = [ 1 2 ]; c = { "@x" = "y\tz"; }; }; };
}
