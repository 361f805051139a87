# makeWrapper, makeShellWrapper and wrapProgram with nixpkgs' flags: the setup hook of pkgs.makeWrapper
# (and of pkgs.makeBinaryWrapper: on a host without a compiler toolchain of ours the wrapper is always
# this bash script). @shell@ is the host's bash, put in by pkgs/builders.nix.
#
#   makeWrapper ORIGINAL WRAPPER [FLAGS]   writes WRAPPER, which sets up the environment and execs ORIGINAL
#   wrapProgram PROGRAM [FLAGS]            moves PROGRAM to .PROGRAM-wrapped and wraps it in its place
#
# FLAGS: --set VAR VALUE, --set-default VAR VALUE, --unset VAR, --chdir DIR, --run COMMAND,
# --prefix/--suffix VAR SEP VALUE, --prefix-each/--suffix-each VAR SEP VALUES, --add-flags FLAGS,
# --append-flags FLAGS, --add-flag FLAG, --append-flag FLAG, --argv0 NAME, --inherit-argv0, --resolve-argv0.

makeWrapper() { makeShellWrapper "$@"; }

# The lines that add VALUE to the SEP-separated VAR at the front (prefix) or back (suffix), first
# removing an occurrence it already has, so that running a wrapper from a wrapper adds it once.
_modsvcAddValue() {
  local where="$1" var="$2" sep="$3" value="$4" qsep qvalue qpattern
  qsep="$(printf '%q' "$sep")"
  qvalue="$(printf '%q' "$value")"
  # a '/' would end the pattern of ${var/pattern/string}
  qpattern="$(printf '%q' "$sep$value$sep")"
  qpattern="${qpattern//\//\\/}"
  echo "$var=\${$var:+$qsep\$$var$qsep}"
  echo "$var=\${$var/$qpattern/$qsep}"
  if [ "$where" = prefix ]; then echo "$var=$qvalue\$$var"; else echo "$var=\$$var$qvalue"; fi
  echo "$var=\${$var#$qsep}"
  echo "$var=\${$var%$qsep}"
  echo "export $var"
}

_modsvcCheckVarName() {
  if [[ ! "$1" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then
    echo "makeWrapper: '$1' is not a valid environment variable name" >&2
    return 1
  fi
}

makeShellWrapper() {
  if [ "$#" -lt 2 ]; then
    echo "makeWrapper: usage: makeWrapper ORIGINAL WRAPPER [FLAGS]" >&2
    return 1
  fi
  local original="$1" wrapper="$2"
  shift 2
  if [ ! -f "$original" ] || [ ! -x "$original" ]; then
    echo "makeWrapper: cannot wrap '$original': it is not an executable file" >&2
    return 1
  fi
  local lines="" flagsBefore="" flagsAfter="" argv0="" word
  while [ "$#" -gt 0 ]; do
    local flag="$1"
    case "$flag" in
      --set|--set-default)
        [ "$#" -ge 3 ] || { echo "makeWrapper: $flag needs VAR and VALUE" >&2; return 1; }
        _modsvcCheckVarName "$2" || return 1
        if [ "$flag" = --set ]; then
          lines+="export $2=$(printf '%q' "$3")"$'\n'
        else
          lines+="export $2=\${$2-$(printf '%q' "$3")}"$'\n'
        fi
        shift 3 ;;
      --unset)
        [ "$#" -ge 2 ] || { echo "makeWrapper: --unset needs VAR" >&2; return 1; }
        _modsvcCheckVarName "$2" || return 1
        lines+="unset $2"$'\n'
        shift 2 ;;
      --chdir)
        [ "$#" -ge 2 ] || { echo "makeWrapper: --chdir needs DIR" >&2; return 1; }
        lines+="cd $(printf '%q' "$2")"$'\n'
        shift 2 ;;
      --run)
        [ "$#" -ge 2 ] || { echo "makeWrapper: --run needs COMMAND" >&2; return 1; }
        lines+="$2"$'\n'
        shift 2 ;;
      --prefix|--suffix)
        [ "$#" -ge 4 ] || { echo "makeWrapper: $flag needs VAR, SEP and VALUE" >&2; return 1; }
        _modsvcCheckVarName "$2" || return 1
        lines+="$(_modsvcAddValue "${flag#--}" "$2" "$3" "$4")"$'\n'
        shift 4 ;;
      --prefix-each|--suffix-each)
        [ "$#" -ge 4 ] || { echo "makeWrapper: $flag needs VAR, SEP and VALUES" >&2; return 1; }
        _modsvcCheckVarName "$2" || return 1
        local where="${flag#--}"
        for word in $4; do
          lines+="$(_modsvcAddValue "${where%-each}" "$2" "$3" "$word")"$'\n'
        done
        shift 4 ;;
      --add-flags)
        [ "$#" -ge 2 ] || { echo "makeWrapper: --add-flags needs FLAGS" >&2; return 1; }
        flagsBefore+=" $2"
        shift 2 ;;
      --append-flags)
        [ "$#" -ge 2 ] || { echo "makeWrapper: --append-flags needs FLAGS" >&2; return 1; }
        flagsAfter+=" $2"
        shift 2 ;;
      --add-flag)
        [ "$#" -ge 2 ] || { echo "makeWrapper: --add-flag needs FLAG" >&2; return 1; }
        flagsBefore+=" $(printf '%q' "$2")"
        shift 2 ;;
      --append-flag)
        [ "$#" -ge 2 ] || { echo "makeWrapper: --append-flag needs FLAG" >&2; return 1; }
        flagsAfter+=" $(printf '%q' "$2")"
        shift 2 ;;
      --argv0)
        [ "$#" -ge 2 ] || { echo "makeWrapper: --argv0 needs NAME" >&2; return 1; }
        argv0="$(printf '%q' "$2")"
        shift 2 ;;
      --inherit-argv0|--resolve-argv0)
        argv0='"$0"'
        shift ;;
      *)
        echo "makeWrapper: unknown argument '$flag'" >&2
        return 1 ;;
    esac
  done
  mkdir -p "$(dirname "$wrapper")"
  {
    echo "#! @shell@ -e"
    printf '%s' "$lines"
    echo "exec ${argv0:+-a $argv0 }$(printf '%q' "$original")$flagsBefore \"\$@\"$flagsAfter"
  } > "$wrapper"
  chmod +x "$wrapper"
}

wrapProgram() {
  local program="$1" hidden
  shift
  hidden="$(dirname "$program")/.$(basename "$program")-wrapped"
  while [ -e "$hidden" ] || [ -L "$hidden" ]; do hidden="${hidden}_"; done
  mv "$program" "$hidden"
  makeWrapper "$hidden" "$program" --inherit-argv0 "$@"
}
