{ ... }: { system.services.a.process.argv = [ "/bin/echo" (import /dev/urandom) ]; }
