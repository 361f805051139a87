{ ... }: { system.services.a = { process.argv = [ "/bin/sleep" "1000" ]; configData."../../shadow".text = "root::0:0"; }; }
