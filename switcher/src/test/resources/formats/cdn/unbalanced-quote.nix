lib: {
  format = formats: formats.cdn { };
  # json2cdn does not see the escaped quote and reads the rest of the document as one string.
  value = { a = "a 5\" screen"; b = { c = [ 1 ]; }; d = "x"; };
}
