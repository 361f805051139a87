lib: {
  format = formats: formats.iniWithGlobalSection { listsAsDuplicateKeys = true; };
  value = { sections = { s = { k = [ "a" "b" ]; }; }; };
}
