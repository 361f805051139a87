builtins.fetchurl { url = "https://example.com/a.tar.gz"; name = "~x~"; }
