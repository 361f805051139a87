lib: {
  format = formats: formats.yaml { };
  value = [ { name = "a"; tags = [ "x" "y" ]; } "on" 1.5 ];
}
