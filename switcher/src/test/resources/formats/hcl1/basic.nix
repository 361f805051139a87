lib: {
  format = formats: formats.hcl1 { };
  value = { listener = { tcp = { address = "0.0.0.0:8200"; tls_disable = true; }; }; storage = [ { file = { path = "/var/lib/x"; }; } ]; ui = true; };
}
