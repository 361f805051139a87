# submodule / submoduleWith: the `name` argument, shorthand definitions,
# function definitions, specialArgs, freeform types, class, and the
# sub-options seen by documentation (with the option's prefix).
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
  user = t.submodule ({ name, config, ... }: {
    options.name = lib.mkOption { type = t.str; default = name; };
    options.home = lib.mkOption { type = t.str; default = "/home/${config.name}"; };
    options.groups = lib.mkOption { type = t.listOf t.str; default = [ ]; };
  });
  eval = lib.evalModules {
    modules = [
      { options.users = lib.mkOption { type = t.attrsOf user; }; }
      {
        options.nested = lib.mkOption {
          type = t.submodule { options.inner = lib.mkOption { type = t.listOf user; default = [ ]; }; };
          default = { };
        };
      }
    ];
  };
in
{
  names = option (t.attrsOf user) (defs [
    { alice.groups = [ "wheel" ]; }
    { alice.groups = [ "audio" ]; bob.name = "robert"; }
  ]);
  functionDefinition = option user (defs [ ({ config, ... }: { groups = [ config.name ]; }) ]);
  shorthandOff =
    option (t.submoduleWith { modules = [ { options.a = lib.mkOption { default = 0; }; } ]; })
      (defs [ { config.a = 1; } ]);
  specialArgs =
    option (t.submoduleWith {
      modules = [ ({ greeting, ... }: { options.msg = lib.mkOption { default = "${greeting}!"; }; }) ];
      specialArgs.greeting = "hi";
    }) (defs [ { } ]);
  freeform = option (t.submodule {
    freeformType = t.attrsOf t.int;
    options.fixed = lib.mkOption { type = t.str; default = "f"; };
  }) (defs [ { extra = 1; } { more = 2; } ]);
  classMatches =
    option (t.submoduleWith { modules = [ { _class = "svc"; } ]; class = "svc"; }) (defs [ { } ]);
  emptyValue = (t.submodule { options.a = lib.mkOption { default = "d"; }; }).emptyValue.value;
  getSubModulesCount = builtins.length (t.submodule [ { } { } ]).getSubModules;
  subOptionLocs = map (n: (user.getSubOptions [ "users" "<name>" ]).${n}.loc) [ "name" "home" ];
  subOptionsThroughAttrs = lib.attrNames ((t.attrsOf user).getSubOptions [ "users" ]);
  docsName = (user.getSubOptions [ "x" ]).name.default;
  nestedDefault = eval.config.nested;
  listEntryName = option (t.listOf user) (defs [ [ { } ] ]);
}
