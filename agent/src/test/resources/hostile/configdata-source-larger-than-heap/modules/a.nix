{ ... }: { system.services.a = { process.argv = [ "/bin/sleep" "1000" ]; configData."big".source = ./data/big; }; }
