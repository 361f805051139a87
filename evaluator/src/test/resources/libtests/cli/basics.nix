let
  lib = import <modsvc-lib>;
  plain = n: { option = n; sep = null; explicitBool = false; };
  explicitEq = n: { option = "--${n}"; sep = "="; explicitBool = true; };
in
{
  toCommandLine = lib.cli.toCommandLine plain { "--bool-off" = false; "--bool-on" = true; "--count" = 3; "--name" = "example"; "--unset" = null; };
  toCommandLineExplicit = lib.cli.toCommandLine explicitEq { port = 8080; quiet = false; verbose = true; };
  toCommandLineList = lib.cli.toCommandLine plain { "--host" = [ "a" "b" ]; };
  toCommandLineFormatArg = lib.cli.toCommandLine (n: { option = "-${n}"; sep = ""; explicitBool = false; formatArg = v: "<${toString v}>"; }) { x = 1; };
  toCommandLineShell = lib.cli.toCommandLineShell plain { "--msg" = "it's here"; };
  toCommandLineGNU = lib.cli.toCommandLineGNU { } { v = true; verbose = true; n = 3; level = 2; off = false; none = null; many = [ "a" "b" ]; };
  toCommandLineGNUExplicit = lib.cli.toCommandLineGNU { explicitBool = true; } { v = true; quiet = false; };
  toCommandLineGNUisLong = lib.cli.toCommandLineGNU { isLong = _: true; } { v = 1; };
  toCommandLineShellGNU = lib.cli.toCommandLineShellGNU { } { data = "a b"; };
  toGNUCommandLine = lib.cli.toGNUCommandLine { } { data = builtins.toJSON { id = 0; }; X = "PUT"; retry = 3; retry-delay = null; url = [ "https://a" "https://b" ]; silent = false; verbose = true; };
  toGNUCommandLineSep = lib.cli.toGNUCommandLine { optionValueSeparator = "="; } { a = 1; long = "x"; };
  toGNUCommandLineShell = lib.cli.toGNUCommandLineShell { } { data = "a b"; v = true; };
}
