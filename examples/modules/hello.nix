# A modular service, written as NixOS users write them. `modsvc-agent build` turns it into
# /etc/systemd/system/hello.service, its multi-user.target.wants link and
# /etc/system-services/hello/greeting.txt (a link into the store); `switch` starts it.
{ lib, pkgs, ... }:
{
  system.services.hello = {
    process.argv = [
      "${pkgs.runtimeShell}"
      "-c"
      "while true; do cat /etc/system-services/hello/greeting.txt; sleep 60; done"
    ];
    configData."greeting.txt".text = "Hello from a modular service";
    systemd.service.description = "modsvc example: prints a greeting every minute";
  };
}
