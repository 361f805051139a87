{ ... }: { system.services.a.systemd.service.wantedBy = [ "multi-user.target" ]; }
