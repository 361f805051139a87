# The seed example: home.services.mpd gives Home Manager's exact file layout.
{
  mode = "user";
  modules = [ ({ pkgs, ... }: { home.services.mpd.process.argv = [ "${pkgs.mpd}/bin/mpd" "--no-daemon" ]; }) ];
  select = out: show: { names = show.names; unit = show.unit "mpd.service"; links = show.links "mpd.service" out.units."mpd.service"; };
}
