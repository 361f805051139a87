{ ... }: { system.services."../../../etc/cron.d/evil".process.argv = [ "/bin/echo" ]; }
