#!/usr/bin/env bash
# Switch benchmark (issue 5), run inside the systemd sandbox against the real system manager:
#   1. first switch of N services (default 100), all new and started;
#   2. a switch where one service of the N changed (ExecStart), the rest untouched;
#   3. a switch with nothing changed;
# each timed end to end (JVM start included) and with the D-Bus method calls the agent's client made (its --json
# 'dbusCalls'; expected: Subscribe + ListUnits + one Reload + one job per affected unit). Finally removes the N
# services again. Needs root and a built jar (mvn -B -q package -DskipTests). Usage:
#   integration-tests/bench/switch-bench.sh [N]
# Boots its own sandbox instance (MODSVC_SANDBOX_NAME, default 'bench') unless MODSVC_SANDBOX_ENV names a running one.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${1:-100}
[ "$(id -u)" -eq 0 ] || { echo "switch-bench: must run as root (the sandbox needs it)" >&2; exit 1; }
[ -f "$here/../agent/target/modsvc-agent.jar" ] || { echo "switch-bench: build the jar first" >&2; exit 1; }
if [ -z "${MODSVC_SANDBOX_ENV:-}" ]; then
  export MODSVC_SANDBOX_NAME=${MODSVC_SANDBOX_NAME:-bench}
  trap '"$here/sandbox/down" >/dev/null 2>&1 || true' EXIT
  MODSVC_SANDBOX_ENV=$("$here/sandbox/up")
fi
# shellcheck disable=SC1090
source "$MODSVC_SANDBOX_ENV"
java=$(readlink -f "$(command -v java)")
in_sandbox() { env MODSVC_SANDBOX_NAME="$MODSVC_SANDBOX_NAME" MODSVC_SANDBOX_STATE="$MODSVC_SANDBOX_STATE" \
  "$MODSVC_SANDBOX_EXEC" "$@"; }
run() { env MODSVC_SANDBOX_NAME="$MODSVC_SANDBOX_NAME" MODSVC_SANDBOX_STATE="$MODSVC_SANDBOX_STATE" \
  "$MODSVC_SANDBOX_EXEC" "$java" -jar /opt/modsvc/agent/target/modsvc-agent.jar "$@"; }
dir=/var/lib/modsvc-bench/units
host=$MODSVC_SANDBOX_ROOT$dir
rm -rf "$host" && mkdir -p "$host"
write() { # I ARG
  printf '[Unit]\nDescription=bench %s\n[Service]\nExecStart=/bin/sleep %s\n[Install]\nWantedBy=multi-user.target\n' \
    "$1" "$2" > "$host/bench-$1.service"
}
for i in $(seq 1 "$N"); do write "$i" 100000; done

measure() { # LABEL
  local start end out
  start=$(date +%s%N)
  out=$(run switch --units "$dir" --json)
  end=$(date +%s%N)
  local calls jobs
  calls=$(grep -A12 '"dbusCalls"' <<<"$out" | sed -n '/{/,/}/p' | tr -d ' \n' | sed 's/"dbusCalls"://; s/,$//')
  jobs=$(grep -c '"phase":' <<<"$out" || true)
  printf '%-34s %6d ms   jobs %4d   D-Bus calls %s\n' "$1" $(( (end - start) / 1000000 )) "$jobs" "$calls"
}
echo "switch benchmark: $N services, systemd in the sandbox, agent JVM started per switch"
measure "first switch ($N new services)"
active=$(in_sandbox systemctl list-units 'bench-*.service' --state=active --no-legend | wc -l)
echo "  active bench services: $active / $N"
write 1 100001
measure "one service changed among $N"
measure "nothing changed"
rm -rf "$host" && mkdir -p "$host"
measure "all $N removed"
