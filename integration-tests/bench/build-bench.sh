#!/usr/bin/env bash
# Build benchmark (issue 4): `modsvc-agent build' of N generated modular services (default 1000), one module
# file each (argv from a host package, flags, a configData text file, a systemd refinement, every 10th with a
# socket), host packages as fake executables on a private PATH, written under a fresh --root.
#   cold: wall time of the whole command (JVM start, evaluation, store and generation writes), RUNS runs;
#   warm: evaluation only, the BuildBench main (`java -cp modsvc-agent.jar org.modsvc.agent.cli.BuildBench REPEAT
#         BUILD-ARGS...'; it was `build --repeat REPEAT' until issue 18): fresh evaluator state each run in one JVM,
#         nothing written, median of the last half.
# Not part of CI; needs a built jar (mvn -B -q package -DskipTests). Usage:
#   integration-tests/bench/build-bench.sh [--services N] [--runs N] [--repeat N]
# Environment: MODSVC_CMD (default <repo>/bin/modsvc-agent), BENCH_WORK (default ${TMPDIR:-/tmp}/modsvc-build-bench),
#   WARM_JAVA_OPTS (JVM options of the warm run; default the launcher's: C1 only, parallel GC, 2g heap, 1g young).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SERVICES=1000
RUNS=3
REPEAT=10
while [ $# -gt 0 ]; do
  case $1 in
    --services) SERVICES=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "build-bench: unknown argument $1" >&2; exit 1 ;;
  esac
done
[ -f "$REPO/agent/target/modsvc-agent.jar" ] || { echo "build-bench: build the jar first (mvn -B -q package -DskipTests)" >&2; exit 1; }
MODSVC_CMD=${MODSVC_CMD:-$REPO/bin/modsvc-agent}
WORK=${BENCH_WORK:-${TMPDIR:-/tmp}/modsvc-build-bench}
rm -rf "$WORK" && mkdir -p "$WORK/modules" "$WORK/bin"

for exe in benchd sleep; do
  printf '#!/bin/sh\nexec /bin/sleep 100000\n' > "$WORK/bin/$exe"
  chmod 755 "$WORK/bin/$exe"
done
for i in $(seq 1 "$SERVICES"); do
  socket=""
  if [ $((i % 10)) -eq 0 ]; then
    socket="systemd.socket = { listenStreams = [ \"/run/bench-$i.sock\" ]; wantedBy = [ \"sockets.target\" ]; };"
  fi
  cat > "$WORK/modules/bench-$i.nix" <<EOF
{ lib, pkgs, ... }: {
  system.services."bench-$i" = { config, ... }: {
    process.argv = [ "\${pkgs.benchd}/bin/benchd" "--id" "$i" "--conf" config.configData."bench.conf".path ];
    configData."bench.conf".text = lib.generators.toKeyValue { } { id = $i; name = "bench-$i"; workers = $((i % 8 + 1)); };
    systemd.service = {
      description = "benchmark service $i";
      after = [ "network.target" ];
      serviceConfig = { User = "nobody"; MemoryMax = "$((i % 64 + 64))M"; };
    };
    $socket
  };
}
EOF
done

ENVV=(env -i PATH="$WORK/bin:/usr/bin:/bin" HOME=/root ${JAVA_HOME:+JAVA_HOME=$JAVA_HOME} ${MODSVC_JAVA_OPTS:+MODSVC_JAVA_OPTS=$MODSVC_JAVA_OPTS})
echo "build-bench: $SERVICES services in $WORK/modules ($(nproc) cores)"
cold=()
for r in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/root"
  start=$(date +%s%N)
  "${ENVV[@]}" "$MODSVC_CMD" build --modules "$WORK/modules" --root "$WORK/root" > "$WORK/cold.out"
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  cold+=("$ms")
  echo "cold run $r: $ms ms ($(cat "$WORK/cold.out"))"
done
units=$(find "$WORK/root/etc/systemd/system" -maxdepth 1 -type f | wc -l)
links=$(find "$WORK/root/etc/system-services" -type l | wc -l)
echo "written: $units unit files, $links configData links"
[ "$units" -eq $((SERVICES + SERVICES / 10)) ] || { echo "build-bench: expected $((SERVICES + SERVICES / 10)) units" >&2; exit 1; }

rm -rf "$WORK/root"
JAVA=java
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA=$JAVA_HOME/bin/java; fi
# shellcheck disable=SC2086 # WARM_JAVA_OPTS is a list of words
"${ENVV[@]}" "$JAVA" ${WARM_JAVA_OPTS:--Xss16m -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmx2g -Xmn1g} \
  -cp "$REPO/agent/target/modsvc-agent.jar" org.modsvc.agent.cli.BuildBench "$REPEAT" \
  --modules "$WORK/modules" --root "$WORK/root" > "$WORK/warm.out" 2> "$WORK/warm.err" \
  || { cat "$WORK/warm.err" >&2; exit 1; }
grep '^repeat:' "$WORK/warm.err"
[ "$(cat "$WORK/warm.out")" = "$((SERVICES + SERVICES / 10)) units" ] \
  || { echo "build-bench: warm run evaluated $(cat "$WORK/warm.out"), expected $((SERVICES + SERVICES / 10)) units" >&2; exit 1; }
sorted=$(printf '%s\n' "${cold[@]}" | sort -n | tr '\n' ' ')
warm=$(sed -n 's/^repeat: median of last [0-9]* runs: //p' "$WORK/warm.err")
echo "RESULT services=$SERVICES cold_ms=[ ${sorted}] warm_eval_median=$warm"
