#!/usr/bin/env bash
# Where the switcher's own time goes in the daemon's switch (issue 20): SwitchStepsBench drives
# Activation.switchTo, the daemon's door, over N services (a unit file and a wants link each) under a
# fresh --root, one service's ExecStart changed per switch, with an in-memory manager (no systemd, so
# daemon-reload and the jobs cost nothing here) and prints each step of the daemon's "steps:" log line,
# min and median, wall and CPU time. Runs JAR (default the built agent jar) and, with BASE_JAR set, that
# older build too, alternately, ROUNDS times each, so the two see the same machine load. Not part of CI.
# Usage:
#   integration-tests/bench/switch-steps-bench.sh [--units N] [--runs N] [--warmup N] [--settle S] [--rounds N]
# Environment: JAR, BASE_JAR, BENCH_WORK (default ${TMPDIR:-/tmp}/modsvc-switch-steps; put it on the
# file system whose fsync cost you want to see; /dev/shm shows the CPU side alone).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
UNITS=100 RUNS=100 WARMUP=100 SETTLE=0 ROUNDS=2  # a shorter warm-up measures the JIT still compiling
while [ $# -gt 0 ]; do
  case $1 in
    --units) UNITS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --settle) SETTLE=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "switch-steps-bench: unknown argument $1" >&2; exit 1 ;;
  esac
done
JAR=${JAR:-$REPO/agent/target/modsvc-agent.jar}
[ -f "$JAR" ] || { echo "switch-steps-bench: build the jar first (mvn -B -q package -DskipTests)" >&2; exit 1; }
WORK=${BENCH_WORK:-${TMPDIR:-/tmp}/modsvc-switch-steps}
for round in $(seq 1 "$ROUNDS"); do
  for which in ${BASE_JAR:+base} new; do
    jar=$JAR; [ "$which" = base ] && jar=$BASE_JAR
    rm -rf "$WORK" && mkdir -p "$WORK"
    echo "== $which ($jar), round $round: $UNITS services, $RUNS switches after $WARMUP, settle ${SETTLE} s"
    java -cp "$jar" "$REPO/integration-tests/bench/SwitchStepsBench.java" "$WORK/root" "$UNITS" "$RUNS" "$WARMUP" "$SETTLE"
  done
done
rm -rf "$WORK"
