lib: {
  format = formats: formats.ini { listsAsDuplicateKeys = true; };
  value = { s = { k = [ 1 "two" true ]; single = "x"; }; t = { empty = [ ]; }; };
}
