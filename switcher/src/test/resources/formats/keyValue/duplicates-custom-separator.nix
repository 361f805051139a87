lib: {
  format = formats: formats.keyValue { listsAsDuplicateKeys = true; mkKeyValue = lib.generators.mkKeyValueDefault { } ": "; };
  value = { server = [ "a" "b" ]; port = 8080; };
}
