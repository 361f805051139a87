lib: {
  format = formats: formats.toml { };
  value = {
    name = "x";
    ratio = 0.5;
    count = 42;
    enabled = false;
    "listen addr" = "[::]:80";
    quote = "say \"hi\"";
    both = "it's \"both\"";
    multi = "line1\nline2";
    path = "C:\\dir";
    unicode = "ünï ✓";
    list = [ 1 2 3 ];
    mixed = [ "a" { b = 1; } ];
    empty = [ ];
    server = { host = "localhost"; ports = [ 80 443 ]; tls = { cert = "/etc/c.pem"; }; };
    only_tables = { inner = { k = "v"; }; };
    empty_table = { };
    peer = [ { host = "a"; } { host = "b"; opts = { x = 1; }; } ];
  };
}
