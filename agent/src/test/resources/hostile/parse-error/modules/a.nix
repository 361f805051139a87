{ ... }: { system.services.a.process.argv = [ "/bin/echo" ; }
