lib: {
  format = formats: formats.pythonVars { };
  value = { A = 1; B = [ [ 1 2 ] { x = "y"; } ]; LONG_SINGLE = [ "a string that is long enough to push this assignment past the black line length limit" ]; };
}
