lib: {
  format = formats: formats.nixConf { package = null; version = "2.24"; extraOptions = "!include extra.conf"; };
  value = { substituters = [ "https://a.example" "https://b.example" "https://a.example" ]; "extra-substituters" = [ "https://c.example" ]; sandbox = true; cores = 0; "max-jobs" = null; };
}
