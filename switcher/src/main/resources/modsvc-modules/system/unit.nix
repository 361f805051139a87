# The NixOS unit schema (docs/upstream.md §2.5) for one unit of kind service, socket or timer, and the
# derived [Unit]/[Service] settings NixOS' systemd-lib computes from the convenience options.
{ kind, mode, pkgs, optionPrefix }:
{ lib, name, config, ... }:
let
  inherit (lib) mkOption types mkIf mkMerge;
  unitOption = import ./unit-option.nix { inherit lib; };
  section = mkOption {
    type = types.attrsOf unitOption;
    default = { };
  };
  names = mkOption {
    type = types.listOf types.str;
    default = [ ];
  };
  # Home Manager's normalisation: a user manager has no multi-user.target.
  retarget =
    if mode == "user" then map (t: if t == "multi-user.target" then "default.target" else t) else lib.id;
  joined = l: lib.concatStringsSep " " (retarget l);
  triggerFile =
    what: triggers:
    pkgs.writeText "${what}-${name}" (
      lib.concatStringsSep " " (map (t: if builtins.isPath t then "${t}" else toString t) (lib.flatten triggers))
    );
  # NixOS' makeJobScript: a `set -e' shell script in the store.
  jobScript = suffix: text: toString (pkgs.writeShellScript "${lib.replaceStrings [ "@" "\\" ] [ "_" "-" ] name}-${suffix}" "set -e\n${text}");
  isService = kind == "service";
  listLink = [ "requires" "wants" "upholds" "after" "before" "bindsTo" "partOf" "conflicts" "requisite" "onFailure" "onSuccess" ];
  keyOf = n: lib.toUpper (builtins.substring 0 1 n) + builtins.substring 1 (-1) n;
in
{
  options =
    {
      origin = mkOption {
        type = types.str;
        default = lib.showOption (optionPrefix ++ [ name ]);
        internal = true;
        description = "Where this unit was defined, for messages.";
      };
      enable = mkOption {
        type = types.bool;
        default = true;
        description = "When false the unit is masked (linked to /dev/null).";
      };
      description = mkOption {
        type = types.singleLineStr;
        default = "";
      };
      documentation = names;
      wantedBy = names;
      requiredBy = names;
      upheldBy = names;
      aliases = names;
      unitConfig = section;
      restartTriggers = mkOption {
        type = types.listOf types.unspecified;
        default = [ ];
      };
      reloadTriggers = mkOption {
        type = types.listOf types.unspecified;
        default = [ ];
      };
      overrideStrategy = mkOption {
        type = types.enum [ "asDropinIfExists" "asDropin" ];
        default = "asDropinIfExists";
      };
      startLimitBurst = mkOption {
        type = types.nullOr types.int;
        default = null;
      };
      startLimitIntervalSec = mkOption {
        type = types.nullOr types.int;
        default = null;
      };
    }
    // lib.genAttrs listLink (_: names)
    // lib.optionalAttrs isService {
      serviceConfig = section;
      environment = mkOption {
        type = types.attrsOf (types.nullOr (types.oneOf [ types.str types.path types.package ]));
        default = { };
      };
      path = mkOption {
        type = types.listOf (types.oneOf [ types.package types.str types.path ]);
        default = [ ];
        description = "Packages whose bin directories form PATH.";
      };
      script = mkOption { type = types.lines; default = ""; };
      scriptArgs = mkOption { type = types.str; default = ""; };
      preStart = mkOption { type = types.lines; default = ""; };
      postStart = mkOption { type = types.lines; default = ""; };
      reload = mkOption { type = types.lines; default = ""; };
      preStop = mkOption { type = types.lines; default = ""; };
      postStop = mkOption { type = types.lines; default = ""; };
      restartIfChanged = mkOption { type = types.bool; default = true; };
      reloadIfChanged = mkOption { type = types.bool; default = false; };
      stopIfChanged = mkOption { type = types.bool; default = true; };
      startAt = mkOption {
        type = types.either types.str (types.listOf types.str);
        default = [ ];
        apply = lib.toList;
      };
    }
    // lib.optionalAttrs (kind == "socket") {
      socketConfig = section;
      listenStreams = names;
      listenDatagrams = names;
    }
    // lib.optionalAttrs (kind == "timer") {
      timerConfig = section;
    };

  config = mkMerge (
    [
      {
        unitConfig = mkMerge (
          map (n: mkIf (config.${n} != [ ]) { ${keyOf n} = joined config.${n}; }) listLink
          ++ [
            (mkIf (config.description != "") { Description = config.description; })
            (mkIf (config.documentation != [ ]) { Documentation = lib.concatStringsSep " " config.documentation; })
            (mkIf (config.startLimitIntervalSec != null) { StartLimitIntervalSec = config.startLimitIntervalSec; })
            (mkIf (config.startLimitBurst != null) { StartLimitBurst = config.startLimitBurst; })
            (mkIf (config.restartTriggers != [ ]) { X-Restart-Triggers = toString (triggerFile "X-Restart-Triggers" config.restartTriggers); })
            (mkIf (config.reloadTriggers != [ ]) { X-Reload-Triggers = toString (triggerFile "X-Reload-Triggers" config.reloadTriggers); })
          ]
        );
      }
    ]
    ++ lib.optionals isService [
      {
        environment.PATH = mkIf (config.path != [ ]) (lib.makeBinPath config.path);
        serviceConfig = mkMerge [
          (mkIf (config.preStart != "") { ExecStartPre = [ (jobScript "pre-start" config.preStart) ]; })
          (mkIf (config.script != "") { ExecStart = jobScript "start" config.script + lib.optionalString (config.scriptArgs != "") " ${config.scriptArgs}"; })
          (mkIf (config.postStart != "") { ExecStartPost = [ (jobScript "post-start" config.postStart) ]; })
          (mkIf (config.reload != "") { ExecReload = jobScript "reload" config.reload; })
          (mkIf (config.preStop != "") { ExecStop = jobScript "pre-stop" config.preStop; })
          (mkIf (config.postStop != "") { ExecStopPost = [ (jobScript "post-stop" config.postStop) ]; })
        ];
      }
    ]
  );
}
