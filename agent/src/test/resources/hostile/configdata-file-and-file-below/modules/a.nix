{ ... }: { system.services.a = { process.argv = [ "/bin/sleep" "1000" ]; configData."x".text = "one"; configData."x/y".text = "two"; }; }
