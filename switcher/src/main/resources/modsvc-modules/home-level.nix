# Entry module of user mode (class "homeManager").
{
  _class = "homeManager";
  imports = [
    ./system/systemd-units.nix
    ./services/systemd/user.nix
  ];
}
