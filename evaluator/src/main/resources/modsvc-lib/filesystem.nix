# Filesystem queries (nixpkgs' lib.filesystem).
{ lib }:
let
  b = builtins;
  typeAt =
    p:
    if dirOf p == p then
      "directory"
    else
      let
        entries = b.readDir (dirOf p);
      in
      entries.${baseNameOf p} or "missing";
in
{
  inherit (b) baseNameOf dirOf isPath hashFile readDir;
  readFileType = b.readFileType or typeAt;
  pathType = b.readFileType or typeAt;
  pathIsDirectory = p: b.pathExists p && (b.readFileType or typeAt) p == "directory";
  pathIsRegularFile = p: b.pathExists p && (b.readFileType or typeAt) p == "regular";
  listFilesRecursive =
    dir:
    b.concatLists (
      lib.attrsets.mapAttrsToList (
        name: type: if type == "directory" then lib.filesystem.listFilesRecursive (dir + "/${name}") else [ (dir + "/${name}") ]
      ) (b.readDir dir)
    );
}
