{ ... }: { system.services.a = { process.argv = [ "/bin/sleep" "1000" ]; systemd.service.wantedBy = [ "multi-user.target" ]; }; }
