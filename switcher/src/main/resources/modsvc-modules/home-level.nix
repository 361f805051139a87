# Entry module of user mode (class "homeManager").
{
  _class = "homeManager";
  imports = [
    ./system/systemd-units.nix
    ./host-packages-option.nix
    ./services/systemd/user.nix
  ];
}
