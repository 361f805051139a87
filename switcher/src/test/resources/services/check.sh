#!/bin/sh
# Runs every golden case through `modsvc-agent eval --strict' and compares with NN-x.exp
# (exact stdout) or NN-x.err (text that must occur in the error output). Usage:
#   check.sh [--update] [CASE.nix...]     (--update rewrites .exp files from the current output)
# The cases run on our bundled lib (<modsvc-lib> inside the agent); MODSVC_LIB=DIR runs them on another lib,
# e.g. nixpkgs' ($MODSVC_CONFORMANCE/nixpkgs-lib/lib, README "Tests") to compare. ServiceCorpusTest runs the same cases in-process.
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../../.." && pwd)
agent=${MODSVC_AGENT:-$repo/bin/modsvc-agent}
lib=${MODSVC_LIB:-}
update=0
if [ "$1" = "--update" ]; then update=1; shift; fi
cases=${*:-$(ls "$here"/[0-9]*.nix)}
pass=0; fail=0; failed=""
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for c in $cases; do
  c=$(cd "$(dirname "$c")" && pwd)/$(basename "$c")
  base=${c%.nix}; name=$(basename "$base")
  "$agent" eval --strict ${lib:+-I modsvc-lib="$lib"} --expr "import $here/run.nix { case = $c; }" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  ok=0
  if [ -f "$base.err" ]; then
    want=$(cat "$base.err")
    if [ $rc -ne 0 ] && grep -qF -- "$want" "$tmp/err"; then ok=1; fi
  elif [ -f "$base.exp" ] || [ $update -eq 1 ]; then
    if [ $update -eq 1 ] && [ $rc -eq 0 ]; then cp "$tmp/out" "$base.exp"; fi
    if [ $rc -eq 0 ] && cmp -s "$tmp/out" "$base.exp"; then ok=1; fi
  fi
  if [ $ok -eq 1 ]; then
    pass=$((pass + 1)); echo "PASS $name"
  else
    fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name"
    if [ -f "$base.exp" ]; then diff "$base.exp" "$tmp/out" | head -5; fi
    tail -3 "$tmp/err"
  fi
done
echo "passed $pass, failed $fail${failed:+:$failed}"
[ $fail -eq 0 ]
