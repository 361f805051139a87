{ ... }: { system.services."a/b".process.argv = [ "/bin/echo" ]; }
