{ ... }: { system.services.a = { process.argv = [ "/bin/sleep" "1000" ]; configData."x".source = @MODULES@/data/fifo; }; }
