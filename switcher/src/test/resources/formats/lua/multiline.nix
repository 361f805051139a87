lib: {
  format = formats: formats.lua { };
  value = formats: {
    name = "x";
    count = 3;
    ratio = 0.5;
    enabled = true;
    nothing = null;
    quotes = [ "it's" "say \"hi\"" "it's \"both\"" "\"''\"" "back\\slash\nnewline" ];
    nested = { inner = { list = [ 1 2 ]; empty = { }; }; emptyList = [ ]; };
    "key \"quoted\"" = "v";
    unicode = "ünï ✓";
    code = (formats.lua { }).lib.mkRaw "vim.fn.stdpath(\"data\")";
  };
}
