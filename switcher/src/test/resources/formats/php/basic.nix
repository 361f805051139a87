lib: {
  format = formats: formats.php { };
  value = { db = { host = "localhost"; port = 5432; ssl = false; pass = null; }; names = [ "it's" "back\\slash" "ünï" ]; ratio = 0.25; };
}
