#!/usr/bin/env bash
# The CAM methods comparison of docs/BENCHMARKS.md ("Class activation maps: methods"), in one command:
#   bench/methods.sh [OUT [trainFields testFields fieldSize imageSize epochs seed threads]]
# Trains CAM, Puzzle-CAM, SC-CAM, SC-CAM + Puzzle and FCAN on one synthetic atlas and prints the
# cell-level mAP table (also written to OUT/methods.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/target/bench-methods}"
shift || true
(cd "$root" && ./mvnw -B -q -o -pl cli -am package -DskipTests)
export DJL_OFFLINE=true DJL_CACHE_DIR="$HOME/.cache/hpacell/djl" ENGINE_CACHE_DIR="$HOME/.cache/hpacell/djl"
exec java -cp "$root/cli/target/hpacell-cli.jar:$root/cli/target/lib/*" \
    org.hpacell.cam.bench.MethodsBenchmark "$out" "$@"
