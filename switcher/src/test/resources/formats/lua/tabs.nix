lib: {
  format = formats: formats.lua { indentUsingTabs = true; };
  value = [ { a = [ 1 { b = 2; } ]; } "s" ];
}
