lib: {
  format = formats: formats.cdn { };
  value = { a = "say \"hi\", ok"; b = [ "x" ]; c = "line1\nline2"; d = { e = 1; }; };
}
