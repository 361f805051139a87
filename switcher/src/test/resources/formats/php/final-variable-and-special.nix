lib: {
  format = formats: formats.php { finalVariable = "CONFIG"; };
  value = {
    mixed = { _phpType = "mixed_array"; value = { list = [ 1 2 ]; set = { k = "v"; }; }; };
    raw = { _phpType = "raw"; value = "getenv('HOME')"; };
    nested = [ [ ] { } ];
  };
}
