{ ... }: { system.services.a = { process.argv = [ "/bin/echo" ]; systemd.service.wantedBy = [ "../../../../tmp/x.target" ]; }; }
