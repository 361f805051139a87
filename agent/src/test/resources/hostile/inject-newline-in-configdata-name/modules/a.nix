{ ... }: { system.services.a = { process.argv = [ "/bin/echo" ]; configData."a\nb".text = "x"; }; }
