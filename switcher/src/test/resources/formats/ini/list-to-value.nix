lib: {
  format = formats: formats.ini { listToValue = lib.concatMapStringsSep ", " toString; mkKeyValue = lib.generators.mkKeyValueDefault { } " = "; };
  value = { servers = { hosts = [ "a.example" "b.example" ]; port = 53; }; };
}
