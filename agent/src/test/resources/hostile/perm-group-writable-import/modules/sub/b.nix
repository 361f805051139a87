{ ... }: { system.services.a.process.argv = [ "/bin/sleep" "1000" ]; }
