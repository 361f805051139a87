# `escapeSystemdExecArgs' (docs/upstream.md §2.3): JSON-quote each argument, then double `%' and `$' so
# systemd neither expands specifiers nor environment variables; the argv round-trips exactly.
{ lib }:
rec {
  argToString =
    a:
    if builtins.isString a then
      a
    else if builtins.isPath a then
      "${a}"
    else if builtins.isInt a || builtins.isFloat a || lib.isDerivation a then
      toString a
    else
      throw "modsvc: escapeSystemdExecArgs: cannot turn a ${builtins.typeOf a} into a command-line argument";

  escapeSystemdExecArg =
    a: lib.replaceStrings [ "%" "$" ] [ "%%" "$$" ] (builtins.toJSON (argToString a));

  escapeSystemdExecArgs = args: lib.concatStringsSep " " (map escapeSystemdExecArg args);
}
