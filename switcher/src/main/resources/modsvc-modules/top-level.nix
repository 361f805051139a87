# Entry module of system mode (class "nixos").
{
  _class = "nixos";
  imports = [
    ./system/systemd-units.nix
    ./host-packages-option.nix
    ./services/systemd/system.nix
  ];
}
