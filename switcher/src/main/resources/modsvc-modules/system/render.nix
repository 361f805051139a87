# Turns an evaluated unit into file lines `{ section; key; value; }' (docs/upstream.md §2.5, §5.3).
# System mode follows NixOS' systemd-lib layout: [Unit] (sorted), the type section
# (Environment lines sorted and JSON-quoted, the X-*IfChanged keys, then sorted settings),
# [Install] WantedBy joined by spaces. User mode keeps the same content but uses Home Manager's
# layout: sections and keys sorted, null and [] values dropped, empty sections dropped, and
# install targets as repeated lines.
{ lib, mode }:
let
  valueString =
    v:
    if v == true then
      "true"
    else if v == false then
      "false"
    else
      toString v;

  # One attrset section in key order; list values become repeated lines.
  sectionLines =
    section: attrs:
    lib.concatMap (
      key:
      let
        v = attrs.${key};
      in
      if v == null then
        [ ]
      else
        map (e: {
          inherit section key;
          value = valueString e;
        }) (lib.toList v)
    ) (builtins.attrNames attrs);

  line = section: key: value: { inherit section key value; };

  retarget =
    if mode == "user" then map (t: if t == "multi-user.target" then "default.target" else t) else lib.id;

  typeSection = kind: { service = "Service"; socket = "Socket"; timer = "Timer"; }.${kind};

  typeLines =
    kind: u:
    if kind == "service" then
      let
        env = lib.filterAttrs (_: v: v != null) u.environment;
      in
      map (k: line "Service" "Environment" (builtins.toJSON "${k}=${toString env.${k}}")) (builtins.attrNames env)
      ++ (
        if u.reloadIfChanged then
          [ (line "Service" "X-ReloadIfChanged" "true") ]
        else if !u.restartIfChanged then
          [ (line "Service" "X-RestartIfChanged" "false") ]
        else
          [ ]
      )
      ++ lib.optional (!u.stopIfChanged) (line "Service" "X-StopIfChanged" "false")
      ++ sectionLines "Service" u.serviceConfig
    else if kind == "socket" then
      map (line "Socket" "ListenStream") u.listenStreams
      ++ map (line "Socket" "ListenDatagram") u.listenDatagrams
      ++ sectionLines "Socket" u.socketConfig
    else
      sectionLines "Timer" u.timerConfig;

  systemLines =
    kind: u:
    let
      wantedBy = retarget u.wantedBy;
    in
    {
      sections = [ "Unit" (typeSection kind) ] ++ lib.optional (wantedBy != [ ]) "Install";
      lines =
        sectionLines "Unit" u.unitConfig
        ++ typeLines kind u
        ++ lib.optional (wantedBy != [ ]) (line "Install" "WantedBy" (lib.concatStringsSep " " wantedBy));
    };

  userLines =
    kind: u:
    let
      install =
        map (line "Install" "RequiredBy") (retarget u.requiredBy)
        ++ map (line "Install" "WantedBy") (retarget u.wantedBy);
      all = install ++ sectionLines "Unit" u.unitConfig ++ typeLines kind u;
      bySection = lib.groupBy (l: l.section) all;
      # Stable within a key: repeated values keep their order.
      sortKeys =
        ls:
        lib.concatMap (k: builtins.filter (l: l.key == k) ls) (lib.unique (lib.sort (a: b: a < b) (map (l: l.key) ls)));
      sections = builtins.attrNames bySection;
    in
    {
      inherit sections;
      lines = lib.concatMap (s: sortKeys bySection.${s}) sections;
    };
in
{
  render = kind: u: if mode == "user" then userLines kind u else systemLines kind u;
  inherit retarget;
}
