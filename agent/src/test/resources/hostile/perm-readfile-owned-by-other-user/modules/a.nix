{ ... }: { system.services.a.process.argv = [ "/bin/echo" (builtins.readFile ./sub/arg.txt) ]; }
