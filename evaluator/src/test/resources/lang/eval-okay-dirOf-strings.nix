# dirOf on strings cuts at the last slash only: repeated and trailing slashes are kept.
{
  root = dirOf "/";
  rootSlash = dirOf "//";
  rootSlashSlash = dirOf "///";
  multipleSeps = dirOf "a///b";
  trailing = dirOf "a/b/";
  noSep = dirOf "file";
  path = dirOf /a/b;
  pathRoot = dirOf /.;
}
