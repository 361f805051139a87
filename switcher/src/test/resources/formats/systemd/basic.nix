lib: {
  format = formats: formats.systemd { };
  value = {
    Unit = { Description = "a unit"; After = [ "network.target" "time-sync.target" ]; };
    Service = { ExecStart = "/bin/true"; Restart = null; TimeoutSec = 5; };
  };
}
