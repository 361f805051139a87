lib: {
  format = formats: formats.lua { asBindings = true; multiline = false; columnWidth = 60; indentWidth = 4; };
  value = {
    short = { a = 1; b = [ "x" "y" ]; };
    long = { first = "aaaaaaaaaaaaaaaaaaaa"; second = "bbbbbbbbbbbbbbbbbbbbbbbb"; third = { x = [ 1 2 3 ]; y = "cccccccccccccccccccccccccccccccccc"; }; };
    "dotted.name" = "v";
    list = [ "one" "two" ];
  };
}
