# The builder of pkgs.runCommand and the builders made from it, on a host without Nix: what nixpkgs'
# stdenv setup does for a `buildCommand`, reduced to what trivial builders use. Run by the host's bash as
# the unprivileged build user (org.modsvc.switcher.pkgs.HostBuild), with exactly the derivation's
# attributes as environment variables plus out, TMPDIR, HOME and NIX_BUILD_TOP.
set -eu -o pipefail

# The inputs' bin directories, then the host's own tools (coreutils, sed, grep …): nothing else.
PATH=
for modsvcInput in ${modsvcInputs-}; do
  if [ -d "$modsvcInput/bin" ]; then PATH="${PATH:+$PATH:}$modsvcInput/bin"; fi
done
PATH="${PATH:+$PATH:}/usr/local/bin:/usr/bin:/bin"
export PATH

# nixpkgs' runHook: the functions of the array <name>Hooks, then <name> itself (a function, or a string
# of shell code as derivation attributes such as postBuild are).
runHook() {
  local hookName="$1" hook
  shift
  local hooksArray="${hookName}Hooks[@]"
  for hook in ${!hooksArray+"${!hooksArray}"}; do "$hook" "$@"; done
  if declare -F "$hookName" >/dev/null; then
    "$hookName" "$@"
  elif [ -n "${!hookName-}" ]; then
    eval "${!hookName}"
  fi
  return 0
}

# passAsFile: the attribute's value in a file, its path in <name>Path (as Nix passes it).
for modsvcAttr in ${passAsFile-}; do
  printf '%s' "${!modsvcAttr-}" > "$NIX_BUILD_TOP/.attr-$modsvcAttr"
  export "${modsvcAttr}Path=$NIX_BUILD_TOP/.attr-$modsvcAttr"
done

# lndir as symlinkJoin uses it: directories of <from> are made in <to>, every other entry becomes a link
# to its counterpart in <from>; an entry <to> already has is kept (the first path given wins).
modsvcLinkTree() {
  local from="$1" to="$2" entry
  mkdir -p "$to"
  for entry in "$from"/* "$from"/.[!.]* "$from"/..?*; do
    [ -e "$entry" ] || [ -L "$entry" ] || continue
    local target="$to/${entry##*/}"
    if [ -d "$entry" ] && [ ! -L "$entry" ]; then
      if [ -L "$target" ] && [ -d "$target" ]; then
        # an earlier path linked this directory whole: split it into its entries to merge
        local linked
        linked="$(readlink "$target")"
        rm "$target"
        modsvcLinkTree "$linked" "$target"
      fi
      modsvcLinkTree "$entry" "$target"
    elif [ ! -e "$target" ] && [ ! -L "$target" ]; then
      ln -s "$entry" "$target"
    fi
  done
}

# nixpkgs' substitute and substituteInPlace (--replace-fail, --replace-warn, --replace-quiet, --replace,
# --subst-var, --subst-var-by), which wrapper scripts commonly use.
substitute() {
  local input="$1" output="$2"
  shift 2
  if [ ! -f "$input" ]; then
    echo "substitute(): ERROR: file '$input' does not exist" >&2
    return 1
  fi
  local content
  content="$(cat "$input"; printf x)"
  content="${content%x}"
  while [ "$#" -gt 0 ]; do
    local flag="$1" pattern replacement
    case "$flag" in
      --replace-fail|--replace-warn|--replace-quiet|--replace)
        pattern="$2"; replacement="$3"; shift 3
        if [ "${content//"$pattern"/}" = "$content" ] && [ -n "$pattern" ]; then
          case "$flag" in
            --replace-fail)
              echo "substitute(): ERROR: pattern '$pattern' doesn't match anything in file '$input'" >&2
              return 1 ;;
            --replace-quiet) ;;
            *) echo "substitute(): WARNING: pattern '$pattern' doesn't match anything in file '$input'" >&2 ;;
          esac
        fi
        content="${content//"$pattern"/"$replacement"}" ;;
      --subst-var)
        if ! declare -p "$2" >/dev/null 2>&1; then
          echo "substitute(): ERROR: variable \$$2 is unset" >&2
          return 1
        fi
        content="${content//"@$2@"/"${!2}"}"; shift 2 ;;
      --subst-var-by)
        content="${content//"@$2@"/"$3"}"; shift 3 ;;
      *)
        echo "substitute(): ERROR: invalid argument '$flag'" >&2
        return 1 ;;
    esac
  done
  printf '%s' "$content" > "$output"
}

substituteInPlace() {
  local files=()
  while [ "$#" -gt 0 ] && [ "${1#--}" = "$1" ]; do files+=("$1"); shift; done
  local f
  for f in "${files[@]}"; do substitute "$f" "$f" "$@"; done
}

# Each input's setup hook (nix-support/setup-hook), as stdenv sources them: pkgs.makeWrapper's defines
# makeWrapper and wrapProgram.
for modsvcInput in ${modsvcInputs-}; do
  if [ -f "$modsvcInput/nix-support/setup-hook" ]; then source "$modsvcInput/nix-support/setup-hook"; fi
done
unset modsvcInput modsvcAttr

cd "$NIX_BUILD_TOP"
eval "$buildCommand"
