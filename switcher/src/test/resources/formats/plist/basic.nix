lib: {
  format = formats: formats.plist { };
  value = { Label = "org.example.<agent> & co"; Enabled = true; Count = 3; Ratio = 1.5; Args = [ "a" "b" ]; Nested = { x = 1; skip = null; }; };
}
