lib: {
  format = formats: formats.javaProperties { comment = "Generated for tests\n  second line  "; };
  value = {
    "server.port" = "8080";
    "key with spaces=eq" = "value";
    "hash#bang!" = " leading space";
    multi = "line1\n line2";
    unicode = "ünï ✓";
    "back\\slash" = "tab\there";
  };
}
