lib: {
  format = formats: formats.iniWithGlobalSection { };
  value = {
    globalSection = { error_log = "syslog"; daemonize = false; "emergency_restart_threshold" = 10; };
    sections = {
      www = { listen = "/run/phpfpm/www.sock"; pm = "dynamic"; "pm.max_children" = 32; "php_admin_value[error_log]" = "stderr"; };
      other = { "listen.owner" = "nginx"; "php_flag[display_errors]" = true; };
    };
  };
}
