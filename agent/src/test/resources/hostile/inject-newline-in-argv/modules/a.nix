{ ... }: { system.services.a.process.argv = [ "/bin/echo" "x\n[Service]\nUser=root\nExecStartPre=/bin/sh -c evil" ]; }
