# Name validation shared by the service layers. Names end up in unit file names and in
# configData directories, so anything that could escape a directory or that systemd rejects
# is refused here, with the option path in the message.
{ lib }:
let
  hasBadChars = s: lib.hasInfix "\n" s || lib.hasInfix "\r" s;
  components = s: lib.splitString "/" s;
in
rec {
  # A service name or unit suffix: one path component that systemd accepts in a unit name.
  checkUnitPart =
    what: where: s:
    if !builtins.isString s then
      throw "modsvc: ${what} at ${where} must be a string"
    else if s == "" then
      throw "modsvc: ${what} at ${where} must not be empty"
    else if s == "." || s == ".." then
      throw "modsvc: ${what} `${s}' at ${where} is not allowed (it would escape its directory)"
    else if hasBadChars s || builtins.match "[A-Za-z0-9:_.@\\\\-]+" s == null then
      throw "modsvc: ${what} `${lib.escape [ "\n" ] s}' at ${where} contains characters systemd rejects in unit names (allowed: A-Z a-z 0-9 : _ . @ \\ -)"
    else if builtins.stringLength s > 200 then
      throw "modsvc: ${what} at ${where} is too long for a unit name"
    else
      s;

  # A configData name: a relative path, `/' allowed, no `..' component, no empty component.
  checkConfigDataName =
    where: s:
    if s == "" then
      throw "modsvc: configData name at ${where} must not be empty"
    else if lib.hasPrefix "/" s then
      throw "modsvc: configData name `${s}' at ${where} must be relative (no leading /)"
    else if hasBadChars s then
      throw "modsvc: configData name at ${where} must not contain a newline"
    else if lib.elem ".." (components s) then
      throw "modsvc: configData name `${s}' at ${where} must not contain `..' components"
    else if lib.elem "" (components s) then
      throw "modsvc: configData name `${s}' at ${where} must not contain empty components (`//' or a trailing /)"
    else
      s;

  # Upstream `dash': join a prefix and a suffix with `-', either may be empty.
  dash =
    before: after:
    if after == "" then
      before
    else if before == "" then
      after
    else
      "${before}-${after}";
}
