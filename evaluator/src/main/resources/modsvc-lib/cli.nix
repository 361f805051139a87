# Rendering attribute sets of options into command lines (nixpkgs' lib.cli).
# `toCommandLine` is the general form used by modular services' `process.flags`.
{ lib }:
let
  b = builtins;
  scalar = lib.generators.mkValueStringDefault { };

  gnuStyle =
    {
      mkOptionName ? k: if b.stringLength k == 1 then "-${k}" else "--${k}",
      mkBool ? k: v: lib.lists.optional v (mkOptionName k),
      mkList ? k: v: b.concatMap (mkOption k) v,
      mkOption ? k: v:
        if v == null then
          [ ]
        else if optionValueSeparator == null then
          [ (mkOptionName k) (scalar v) ]
        else
          [ "${mkOptionName k}${optionValueSeparator}${scalar v}" ],
      optionValueSeparator ? null,
    }:
    options:
    b.concatLists (
      lib.attrsets.mapAttrsToList (
        k: v: if b.isBool v then mkBool k v else if b.isList v then mkList k v else mkOption k v
      ) options
    );

  render =
    optionFormat: attrs:
    let
      one =
        { option, sep, explicitBool, formatArg ? scalar }:
        v:
        if v == null || (!explicitBool && v == false) then
          [ ]
        else if !explicitBool && v == true then
          [ option ]
        else
          let
            arg = formatArg v;
          in
          if sep != null then [ "${option}${sep}${arg}" ] else [ option arg ];
      pair =
        k: v:
        if k == "" then
          throw "lib.cli.toCommandLine only accepts non-empty option names."
        else if b.isList v then
          b.concatMap (one (optionFormat k)) v
        else
          one (optionFormat k) v;
    in
    b.concatLists (lib.attrsets.mapAttrsToList pair attrs);

  gnuFormat =
    {
      isLong ? name: b.stringLength name > 1,
      explicitBool ? false,
      formatArg ? scalar,
    }:
    name: {
      option = if isLong name then "--${name}" else "-${name}";
      sep = if isLong name then "=" else "";
      inherit explicitBool formatArg;
    };
in
{
  toGNUCommandLine = lib.warnIf (lib.oldestSupportedReleaseIsAtLeast 2511)
    "lib.cli.toGNUCommandLine is deprecated, please use lib.cli.toCommandLine or lib.cli.toCommandLineShellGNU instead."
    gnuStyle;
  toGNUCommandLineShell = lib.warnIf (lib.oldestSupportedReleaseIsAtLeast 2511)
    "lib.cli.toGNUCommandLineShell is deprecated, please use lib.cli.toCommandLineShell or lib.cli.toCommandLineShellGNU instead."
    (options: attrs: lib.strings.escapeShellArgs (gnuStyle options attrs));
  toCommandLine = render;
  toCommandLineShell = optionFormat: attrs: lib.strings.escapeShellArgs (render optionFormat attrs);
  toCommandLineGNU = settings: render (gnuFormat settings);
  toCommandLineShellGNU = settings: attrs: lib.strings.escapeShellArgs (render (gnuFormat settings) attrs);
}
