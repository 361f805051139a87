{ ... }: {
  imports = [ ./sub/b.nix ];
}
