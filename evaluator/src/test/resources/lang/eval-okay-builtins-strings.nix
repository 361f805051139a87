{
  sub = builtins.substring 1 3 "abcdef";
  subPastEnd = builtins.substring 4 10 "abcdef";
  len = builtins.stringLength "hello";
  replaced = builtins.replaceStrings [ "a" "bb" ] [ "A" "" ] "abba cab";
  joined = builtins.concatStringsSep ", " [ "x" "y" "z" ];
  version = builtins.splitVersion "1.2.3pre4";
  cmp = [ (builtins.compareVersions "1.2" "1.10") (builtins.compareVersions "2.0" "2.0") (builtins.compareVersions "1.0" "1.0pre") ];
  drvName = builtins.parseDrvName "hello-world-2.10.1";
  base = builtins.baseNameOf "/a/b/c.nix";
  dir = builtins.dirOf "/a/b/c.nix";
}
