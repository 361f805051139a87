lib: {
  format = formats: formats.elixirConf { };
  value = formats:
    let e = (formats.elixirConf { }).lib; in
    {
      ":pleroma" = {
        ":instance" = { name = "Example"; email = "admin@example.org"; limit = 5000; registrations_open = false; description = "A \"quoted\" #hashtag \\ instance"; };
        "Pleroma.Web.Endpoint" = {
          url = { host = "example.org"; scheme = "https"; port = 443; };
          http = { ip = e.mkTuple [ 0 0 0 0 ]; port = 4000; };
          secret_key_base = e.mkGetEnv { envVariable = "SECRET_KEY_BASE"; };
        };
        ":media_proxy" = { enabled = true; whitelist = [ "https://cdn.example.org" "https://images.example.net" "https://static.example.com" ]; };
        ":short" = 1;
        ":ratio" = 0.5;
        ":atom" = e.mkAtom ":info";
        ":map" = e.mkMap { alpha = "a value that is long enough"; beta = [ "to push this" "map past the width" ]; gamma = null; };
        ":nested" = { level1 = { level2 = { level3 = "a string long enough to make every level of this keyword list break"; }; }; };
        ":long_scalar" = "a very long string value that cannot break and must move its arguments to separate lines";
        ":charlist" = e.mkCharlist "abc";
        ":empty" = { };
        ":empty_list" = [ ];
      };
      ":logger" = { ":console" = { level = e.mkAtom ":warning"; }; };
    };
}
