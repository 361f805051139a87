{ lib, ... }: { system.services.a.process.argv = [ "/bin/echo" (toString (builtins.length (lib.replicate 100000000 "x"))) ]; }
