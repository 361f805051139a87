#!/usr/bin/env bash
# Drift check benchmark (issue 20): the cost of Activation.checkDrift(), which a daemon calls every
# --drift-interval. `modsvc-agent build --units` writes N unit files and N wants links (2N owned files) under a fresh
# --root; then one JVM calls checkDrift RUNS times (the first WARMUP not counted) with nothing drifted, and again
# after deleting one config-less wants link and editing one unit file (the drifted paths are attributed to their
# units, which reads the generation's stored files). Not part of CI; needs a built jar
# (mvn -B -q package -DskipTests). Usage:
#   integration-tests/bench/drift-bench.sh [--units N] [--runs N] [--warmup N]
# Environment: BENCH_WORK (default ${TMPDIR:-/tmp}/modsvc-drift-bench).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
UNITS=1000
RUNS=50
WARMUP=10
while [ $# -gt 0 ]; do
  case $1 in
    --units) UNITS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "drift-bench: unknown argument $1" >&2; exit 1 ;;
  esac
done
JAR=$REPO/agent/target/modsvc-agent.jar
[ -f "$JAR" ] || { echo "drift-bench: build the jar first (mvn -B -q package -DskipTests)" >&2; exit 1; }
WORK=${BENCH_WORK:-${TMPDIR:-/tmp}/modsvc-drift-bench}
rm -rf "$WORK" && mkdir -p "$WORK/units/multi-user.target.wants" "$WORK/root"

for i in $(seq 1 "$UNITS"); do
  cat > "$WORK/units/bench-$i.service" <<UNIT
[Unit]
Description=drift bench service $i

[Service]
ExecStart=/bin/sleep 100000
Environment=INDEX=$i

[Install]
WantedBy=multi-user.target
UNIT
  ln -s "../bench-$i.service" "$WORK/units/multi-user.target.wants/bench-$i.service"
done
java -jar "$JAR" build --root "$WORK/root" --units "$WORK/units" > /dev/null

echo "== $UNITS units, $((UNITS * 2)) owned files, nothing drifted"
java -cp "$JAR" "$REPO/integration-tests/bench/DriftBench.java" "$WORK/root" "$RUNS" "$WARMUP"

rm "$WORK/root/etc/systemd/system/multi-user.target.wants/bench-1.service"
echo "# edited" >> "$WORK/root/etc/systemd/system/bench-2.service"
echo "== the same with 2 drifted"
java -cp "$JAR" "$REPO/integration-tests/bench/DriftBench.java" "$WORK/root" "$RUNS" "$WARMUP"
