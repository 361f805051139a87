{ ... }: { system.services.a.process.argv = [ "/bin/echo" (builtins.hashFile "sha256" ./zero) ]; }
