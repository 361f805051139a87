# Definitions made through the systemd.service alias keep the file that wrote them: a conflict between two
# user modules names both files, not our services/systemd/service.nix twice.
{
  modules = [
    {
      _file = "/m/a.nix";
      system.services.web = {
        process.argv = [ "/bin/web" ];
        systemd.service.serviceConfig.User = "alice";
      };
    }
    {
      _file = "/m/b.nix";
      system.services.web.systemd.service.serviceConfig.User = "bob";
    }
  ];
  select = out: show: show.unit "web.service";
}
