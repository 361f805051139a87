# The portable base alone (no systemd integration): a module's systemd block guarded by
# `options ? systemd' is skipped without error.
{
  direct = lib: pkgs:
    let
      portable = import ../../../main/resources/modsvc-modules/services/portable/lib.nix { inherit lib; };
      svc = lib.evalModules {
        class = "service";
        modules = (portable.configure { serviceManagerPkgs = pkgs; }).serviceSubmodule.getSubModules ++ [
          ({ options, ... }: {
            config = lib.mkMerge [
              { process.argv = [ "/bin/p" ]; }
              (lib.optionalAttrs (options ? systemd) { systemd.service.serviceConfig.X = "y"; })
            ];
          })
          { _module.args.name = "p"; }
        ];
      };
    in
    { argv = svc.config.process.argv; hasSystemd = svc.options ? systemd; };
}
