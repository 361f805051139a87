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

  # systemd unquotes the first word and then reads `@ - : + !' off its front as prefixes (`+' and `!' run the
  # command with full privileges, ignoring User=): a program named so would change how it runs, whatever the
  # quoting. A prefix on purpose is written around the escaped words (`systemd.mainExecStart = "+" + ...').
  escapeSystemdExecArgs =
    args:
    let
      program = if args == [ ] then "" else argToString (builtins.head args);
    in
    if builtins.match "[-@:+!].*" program != null then
      throw "modsvc: the program \"${program}\" starts with '${builtins.substring 0 1 program}', which systemd reads as an ExecStart= prefix ('+' and '!' run the command with full privileges, ignoring User=); name the program without it, or write the prefix yourself in systemd.mainExecStart"
    else
      lib.concatStringsSep " " (map escapeSystemdExecArg args);
}
