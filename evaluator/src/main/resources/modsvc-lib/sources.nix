# Source filtering (nixpkgs' lib.sources) on top of builtins.path.
{ lib }:
let
  b = builtins;
  # Drops version-control metadata, editor backups, result links and object files, like nixpkgs.
  defaultFilter =
    name: type:
    let
      base = baseNameOf (toString name);
    in
    !(
      (type == "directory" && b.elem base [ ".git" ".svn" "CVS" ".hg" ".jj" ])
      || lib.strings.hasSuffix "~" base
      || b.match "^\\.sw[a-z]$" base != null
      || b.match "^\\..*\\.sw[a-z]$" base != null
      || lib.strings.hasSuffix ".o" base
      || lib.strings.hasSuffix ".so" base
      || (type == "symlink" && lib.strings.hasPrefix "result" base)
      || (type == "unknown")
    );

  # A cleaned source remembers its origin and filter so further filters compose.
  withFilter =
    { src, filter ? _: _: true, name ? null }:
    let
      origin = src._isLibCleanSourceWith or false;
      root = if origin then src.origSrc else src;
      combined = if origin then (p: t: src.filter p t && filter p t) else filter;
      label = if name != null then name else if origin then src.name else "source";
    in
    {
      _isLibCleanSourceWith = true;
      origSrc = root;
      filter = combined;
      name = label;
      outPath = b.path {
        path = root;
        name = label;
        filter = combined;
      };
    };
in
{
  inherit (b) filterSource;
  cleanSourceFilter = defaultFilter;
  cleanSourceWith = withFilter;
  cleanSource = src: withFilter { inherit src; filter = defaultFilter; };
  sourceByRegex =
    src: regexes:
    let
      root = toString (src.origSrc or src);
    in
    withFilter {
      inherit src;
      filter =
        p: t:
        let
          rel = lib.strings.removePrefix (root + "/") (toString p);
        in
        b.any (re: b.match re rel != null) regexes;
    };
  sourceFilesBySuffices =
    src: exts:
    withFilter {
      inherit src;
      filter = p: t: t == "directory" || b.any (e: lib.strings.hasSuffix e (baseNameOf p)) exts;
    };
  pathHasContext = b.hasContext or (lib.strings.hasPrefix b.storeDir);
  canCleanSource = src: src ? _isLibCleanSourceWith || !(b.hasContext (toString src));
}
