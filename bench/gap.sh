#!/usr/bin/env bash
# Gap recovered by every method of the pipeline, on synthetic atlases, in one command (docs/BENCHMARKS.md,
# "Cell-level accuracy: gap recovered"):
#   bench/gap.sh OUT [CONFIG.json ...]
# For each seed in SEEDS and each config (none = the pipeline's defaults), generates a TRAIN/TEST-field atlas
# of SIZE px at DIFFICULTY (training seed S, test seed S+1), runs `hpacell pipeline` on it and appends the
# evaluation (cell mAP@0.6 and gap recovered per method), the wall time and the peak RSS to OUT/gap.md.
# Environment: TRAIN (300), TEST (60), SIZE (256), SEEDS ("21"), DIFFICULTY (hpa).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: bench/gap.sh OUT [CONFIG.json ...]}"
shift
configs=("$@")
[ ${#configs[@]} -eq 0 ] && configs=(default)
train="${TRAIN:-300}"; test="${TEST:-60}"; size="${SIZE:-256}"; seeds="${SEEDS:-21}"; difficulty="${DIFFICULTY:-hpa}"
mkdir -p "$out"
md="$out/gap.md"
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
{
  echo "## $(date -u +%Y-%m-%d) - ${train}/${test} fields of ${size} px, difficulty ${difficulty}, ${cpu}, $(nproc) cores"
  echo
  echo "| seed | config | method | cell mAP@0.6 | gap recovered | wall s | peak RSS MB |"
  echo "|---|---|---|---:|---:|---:|---:|"
} >> "$md"
for seed in $seeds; do
  data="$out/atlas-$difficulty-$size-$seed"
  [ -f "$data/train/train.csv" ] || "$root/hpacell" synth -q --out "$data/train" --images "$train" --size "$size" \
      --seed "$seed" --difficulty "$difficulty"
  [ -f "$data/test/truth.csv" ] || "$root/hpacell" synth -q --out "$data/test" --images "$test" --size "$size" \
      --seed "$((seed + 1))" --difficulty "$difficulty"
  for config in "${configs[@]}"; do
    name="$(basename "$config" .json)"
    run="$out/run-$difficulty-$size-$seed-$name"
    args=(pipeline -q --train "$data/train" --test "$data/test" --out "$run")
    [ "$config" != default ] && args+=(--config "$config")
    /usr/bin/time -f '%e %M' -o "$run.time" "$root/hpacell" "${args[@]}" > "$run.log" 2>&1 || true
    read -r wall rss < "$run.time" || { wall=?; rss=0; }
    eval_json="$run/evaluation.json"
    if [ ! -f "$eval_json" ]; then
      echo "| $seed | $name | (failed: see $run.log) | | | $wall | $((rss / 1024)) |" >> "$md"
      continue
    fi
    # evaluation.json has one "method": value pair a line in its cellMap and gapRecovered blocks
    sed -n '/"cellMap"/,/}/p' "$eval_json" | grep ':' | grep -v cellMap | while IFS= read -r line; do
      method="$(echo "$line" | sed 's/^ *"\(.*\)": .*/\1/')"
      map="$(echo "$line" | sed 's/.*: *\([0-9.]*\).*/\1/')"
      gap="$(sed -n '/"gapRecovered"/,/}/p' "$eval_json" | grep -F "\"$method\":" | sed 's/.*: *\(-\{0,1\}[0-9.]*\).*/\1/')"
      gap_pct="$( [ -n "$gap" ] && awk -v g="$gap" 'BEGIN { printf "%.0f%%", 100 * g }' || echo -)"
      printf '| %s | %s | %s | %.4f | %s | %s | %d |\n' "$seed" "$name" "$method" "$map" "$gap_pct" "$wall" \
          "$((rss / 1024))" >> "$md"
    done
  done
done
echo >> "$md"
cat "$md"
