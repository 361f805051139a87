{
  modules = [ ({ lib, ... }: {
    system.services.d.process = {
      argv = [ "/bin/flagged" ];
      flags = { "--bool-off" = false; "--bool-on" = true; "--config" = ./fixtures/cert.pem; "--count" = 3; "--name" = "example"; "--unset" = null; };
    };
    system.services.e.process = {
      argv = [ "/bin/flagged" ];
      flagFormat = n: { option = "--${n}"; sep = "="; explicitBool = true; };
      flags = { port = 8080; quiet = false; verbose = true; };
    };
    system.services.r.process = {
      argv = [ "/bin/flagged" ];
      flags = [ { "--host" = "a"; } { "--host" = "b"; } ];
    };
    system.services.o.process = {
      argv = lib.mkMerge [ (lib.mkBefore [ "/bin/gt" ]) (lib.mkOrder 800 [ "server" ]) (lib.mkAfter [ "TRAILING" ]) ];
      flags = lib.mkMerge [ { "--listen" = "a"; } { "--disable-landlock" = lib.mkOrder 600 true; } ];
    };
  }) ];

  select = out: show: map (u: map (l: l.value) (builtins.filter (l: l.key == "ExecStart") out.units.${u}.lines)) [ "d.service" "e.service" "r.service" "o.service" ];
}
