lib: {
  format = formats: formats.json { };
  value = { f = [ 0.1 1.5 (-2.25) 1000.5 ]; s = "slash / quote \" backslash \\ nl\n cr\r tab\t"; "ünï" = [ [ ] [ { } ] ]; };
}
