lib: {
  format = formats: formats.cdn { };
  value = {
    hostname = "0.0.0.0";
    port = 8080;
    database = "sqlite reposilite.db";
    sslEnabled = false;
    ratio = 0.5;
    nothing = null;
    keyPath = "\${WORKING_DIRECTORY}/cert.jks";
    "key with spaces" = "value: with colon";
    repositories = [ "releases" "snapshots" ];
    nested = { deeper = { value = "x"; }; list = [ 1 2 ]; };
    objects = [ { name = "a"; } { name = "b"; size = 2; } ];
    emptyList = [ ];
    emptyMap = { };
    after = "last";
    unicode = "ünï ✓";
    apostrophe = "it's";
  };
}
