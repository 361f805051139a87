# <nix/fetchurl.nix>: the fixed-output derivation Nix's built-in fetcher builds (nixpkgs' bootstrap
# imports it). Nix ships it inside the nix binary; modsvc evaluates it like Nix does (same attributes,
# so the same drvPath) but never builds or downloads anything.
{
  system ? "", # ignored: the builder is part of Nix itself
  url,
  hash ? "", # SRI
  md5 ? "",
  sha1 ? "",
  sha256 ? "",
  sha512 ? "",
  outputHash ?
    if hash != "" then
      hash
    else if sha512 != "" then
      sha512
    else if sha1 != "" then
      sha1
    else if md5 != "" then
      md5
    else
      sha256,
  outputHashAlgo ?
    if hash != "" then
      ""
    else if sha512 != "" then
      "sha512"
    else if sha1 != "" then
      "sha1"
    else if md5 != "" then
      "md5"
    else
      "sha256",
  executable ? false,
  unpack ? false,
  name ? baseNameOf (toString url),
}:
derivation {
  builder = "builtin:fetchurl";
  system = "builtin";
  inherit
    name
    url
    executable
    unpack
    outputHash
    outputHashAlgo
    ;
  outputHashMode = if unpack || executable then "recursive" else "flat";
  urls = [ url ];
  # Proxy settings come from the caller's environment; the fixed hash keeps the result pure.
  impureEnvVars = [
    "http_proxy"
    "https_proxy"
    "ftp_proxy"
    "all_proxy"
    "no_proxy"
  ];
  preferLocalBuild = true;
}
