{ ... }: { system.services.a.process.argv = [ "/bin/echo" (builtins.readFile "/dev/zero") ]; }
