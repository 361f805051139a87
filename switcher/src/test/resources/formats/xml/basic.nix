lib: {
  format = formats: formats.xml { };
  value = {
    config = {
      "@version" = "2";
      "@enabled" = true;
      name = "x & y <z>";
      port = 8080;
      ratio = 1.5;
      flag = false;
      empty = null;
      nothing = { };
      none = [ ];
      server = [ { "@id" = "a"; host = "h1"; } { "@id" = "b\"q"; host = "h2"; } "plain" ];
      note = { "@lang" = "en"; "#text" = "ünï ✓ \"quoted\""; };
      nested = { deeper = { deepest = "v"; }; };
    };
  };
}
