lib: {
  format = formats: formats.pythonVars { };
  value = {
    _imports = [ "os" "sys" ];
    DEBUG = false;
    SECRET_KEY_FILE = "/run/secrets/key";
    ALLOWED_HOSTS = [ "example.org" "www.example.org" "localhost" "127.0.0.1" "[::1]" "app.internal.example.org" ];
    DATABASES = { default = { ENGINE = "django.db.backends.postgresql"; NAME = "app"; HOST = "/run/postgresql"; OPTIONS = { connect_timeout = 5; }; }; };
    RATIO = 0.25;
    EMPTY = { };
    NONE = null;
    QUOTES = [ "it's" "say \"hi\"" "both ' and \"\"" "tab\there\nnewline" "ünï ✓" ];
    ENV = { _type = "raw"; value = "os.environ.get(\"APP_ENV\", \"prod\")"; };
  };
}
