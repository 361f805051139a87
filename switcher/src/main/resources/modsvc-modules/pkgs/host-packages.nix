# Facts about nixpkgs packages whose Debian package or program names differ from the nixpkgs
# attribute name (docs/decisions.md §3): a package not listed here is the Debian package of its own name,
# with a main program of its own name. Per attribute:
#   debian       the Debian packages that may provide it, all installed ones contributing their
#                files (the first owning a path wins); [ ] when Debian does not package it
#   mainProgram  nixpkgs' `meta.mainProgram` (null when nixpkgs sets none)
#   probe        the program that must exist when there is no main program
#   programs     `bin/<name>` links whose file names differ: the candidates, first found wins (a
#                name in the packages' programs or on PATH, or an absolute path)
# A host overrides any of these with `modsvc.hostPackages.<attribute>`.
let
  # Debian's versioned packages, newest first: bookworm has 8.2 / 15, trixie 8.4 / 17.
  php = [ "8.4" "8.3" "8.2" "8.1" ];
  postgresql = [ "17" "16" "15" "14" "13" ];
in
{
  # Service modules of nixpkgs (pkgs/by-name/*/*/service*.nix).
  ktls-utils.mainProgram = "tlshd"; # Debian ktls-utils: /usr/sbin/tlshd
  easytier = { debian = [ ]; mainProgram = "easytier-core"; };
  holo-daemon = { debian = [ ]; mainProgram = "holod"; };
  autopush-rs = {
    debian = [ ];
    mainProgram = null;
    probe = "autoconnect";
    programs = { autoconnect = [ "autoconnect" ]; autoendpoint = [ "autoendpoint" ]; };
  };
  snid.debian = [ ];
  php = {
    debian = builtins.concatMap (v: [ "php${v}-fpm" "php${v}-cli" ]) php;
    programs = {
      # Debian's versioned names (/usr/sbin/php-fpm8.2), then the plain one on PATH.
      php = map (v: "php${v}") php ++ [ "php" ];
      php-fpm = map (v: "php-fpm${v}") php ++ [ "php-fpm" ];
    };
  };

  # Common daemons.
  nginx.debian = [ "nginx" "nginx-core" "nginx-full" "nginx-light" "nginx-extras" ];
  postgresql = {
    # The server's programs live in /usr/lib/postgresql/<v>/bin and become bin/postgres, bin/initdb …
    debian = map (v: "postgresql-${v}") postgresql ++ map (v: "postgresql-client-${v}") postgresql;
    mainProgram = "psql";
  };
  redis = { debian = [ "redis-server" "redis-tools" ]; mainProgram = "redis-cli"; };
  python3.debian = [ "python3" "python3-minimal" ];
  nodejs.mainProgram = "node";
  openssh = { debian = [ "openssh-client" "openssh-server" ]; mainProgram = "ssh"; };

  # Base tools modules put on a unit's PATH.
  # nixpkgs' coreutils also has kill and uptime (the portable service's ExecReload runs its kill);
  # Debian ships them in procps.
  coreutils = {
    mainProgram = null;
    probe = "ls";
    programs = { kill = [ "kill" ]; uptime = [ "uptime" ]; };
  };
  systemd.mainProgram = "systemctl";
  gnugrep = { debian = [ "grep" ]; mainProgram = "grep"; };
  gnused = { debian = [ "sed" ]; mainProgram = "sed"; };
  gnutar = { debian = [ "tar" ]; mainProgram = "tar"; };
  gawk.mainProgram = "gawk";
  findutils.mainProgram = "find";
  iproute2.mainProgram = "ip";
}
