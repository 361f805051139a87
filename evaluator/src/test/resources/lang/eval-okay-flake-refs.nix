# parseFlakeRef and flakeRefToString: pure text conversions, both directions.
let
  refs = [
    "github:NixOS/nixpkgs/23.05?dir=lib"
    "gitlab:foo/bar/0123456789abcdef0123456789abcdef01234567"
    "nixpkgs"
    "nixpkgs/nixos-23.05"
    "flake:nixpkgs"
    "git+https://example.org/repo.git?ref=main&shallow=1&extra=x"
    "path:/some/dir?lastModified=12"
    "/abs/path?dir=sub"
    "https://example.org/src.tar.gz?narHash=sha256-AAAA"
  ];
in
map (r: { parsed = builtins.parseFlakeRef r; back = builtins.flakeRefToString (builtins.parseFlakeRef r); }) refs
