# Entry module of system mode (class "nixos").
{
  _class = "nixos";
  imports = [
    ./system/systemd-units.nix
    ./services/systemd/system.nix
  ];
}
