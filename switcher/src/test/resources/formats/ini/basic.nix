lib: {
  format = formats: formats.ini { };
  value = {
    global = { error_log = "syslog"; daemonize = false; "log.level" = "notice"; pid = null; ratio = 0.75; };
    "www pool" = { listen = "/run/php-fpm/www.sock"; "pm.max_children" = 5; note = "it's \"quoted\" = yes; ünï"; };
    "section[1]" = { a = -3; };
  };
}
