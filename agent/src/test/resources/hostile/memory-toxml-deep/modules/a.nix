{ ... }: let deep = n: if n == 0 then [ ] else [ (deep (n - 1)) (deep (n - 1)) ]; in { system.services.a.process.argv = [ "/bin/echo" (builtins.toXML (deep 40)) ]; }
