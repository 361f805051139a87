lib: {
  format = formats: formats.keyValue { };
  value = { a = 1; "b=c" = "x y"; d = true; e = null; f = -0.5; g = "naïve \"q\""; };
}
