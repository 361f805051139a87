{ ... }: { system.services."a\nExecStart=/bin/sh".process.argv = [ "/bin/echo" ]; }
