{ ... }: { system.services.a.process.argv = [ "/bin/echo" (toString (builtins.length (builtins.genList (x: x) 100000000))) ]; }
