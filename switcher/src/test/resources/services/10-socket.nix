{
  modules = [ {
    system.services.foo = {
      process.argv = [ "/bin/foo" ];
      systemd.socket = { listenStreams = [ "/run/foo.sock" ]; wantedBy = [ "sockets.target" ]; };
    };
  } ];
  select = out: show: { names = show.names; socket = show.unit "foo.socket"; service = show.unit "foo.service"; socketLinks = show.links "foo.socket" out.units."foo.socket"; };
}
