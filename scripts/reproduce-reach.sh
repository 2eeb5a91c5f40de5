#!/usr/bin/env bash
# Reproduces the reach results (docs/results/reach) and the default policy (models/reach_policy.onnx):
# collect -> BC learning curve -> DAgger -> closed-loop evaluation, all with fixed seeds, in lockstep.
# Usage: scripts/reproduce-reach.sh [OUT]   (default runs/reach; set COMMIT=1 to copy the products into the repo)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/runs/reach}"
app="$root/apprentice"
cd "$root"
rm -rf "$out" && mkdir -p "$out"
TRAIN_SEED=0 ; DEMO_SEED=0 ; HELDOUT_SEED=500 ; EVAL_SEED=1000 ; EVAL_EPISODES=${EVAL_EPISODES:-50} ; PERTURBED=${PERTURBED:-20}
CURVE="${CURVE:-25 50 100 200 400 700 1000}"
DAGGER_DEMOS=${DAGGER_DEMOS:-400} ; ROUNDS=${ROUNDS:-5} ; PER_ROUND=${PER_ROUND:-40}
timed() { local name="$1"; shift; local t0=$SECONDS; "$@"; echo "$name $((SECONDS - t0)) s" >> "$out/timings.txt"; }
labels() { "$app" dataset info "$@" 2>/dev/null | grep -o '[0-9]* samples;' | grep -o '[0-9]*'; }

# 1. Demonstrations (largest set; smaller sets are its first N episodes, same seeds) and held-out bags.
for n in $CURVE; do timed "collect_$n" "$app" collect --episodes "$n" --seed $DEMO_SEED --out "$out/demos_$n" > /dev/null; done
timed collect_heldout "$app" collect --episodes 20 --seed $HELDOUT_SEED --out "$out/heldout" > /dev/null

# 2. BC learning curve: success vs demonstration labels.
echo "demos,labels,success" > "$out/bc_curve.csv"
for n in $CURVE; do
  timed "train_$n" "$app" train "$out/demos_$n" --out "$out/bc_$n.onnx" --anchor "$out/bc_$n.apda" --seed $TRAIN_SEED > /dev/null
  timed "eval_curve_$n" "$app" eval --model "$out/bc_$n.onnx" --episodes "$EVAL_EPISODES" --perturbed 0 --seed $EVAL_SEED --out "$out/curve_$n" > /dev/null
  s=$(python3 -c "import json;d=json.load(open('$out/curve_$n/results.json'));print([m for m in d['summaries'] if m['Method']=='bc'][0]['SuccessRate'])")
  echo "$n,$(labels "$out/demos_$n"),$s" >> "$out/bc_curve.csv"
done

# 3. DAgger from the small demonstration set.
timed dagger "$app" dagger --demos "$out/demos_$DAGGER_DEMOS" --rounds "$ROUNDS" --episodes-per-round "$PER_ROUND" --seed $TRAIN_SEED --out "$out/dagger" > "$out/dagger.txt"

# DAgger learning curve: each round's policy alone (blending off) on the evaluation episodes.
echo "round,labels,success" > "$out/dagger_curve.csv"
tail -n +2 "$out/dagger/rounds.csv" | while IFS=, read -r round _ _ _ _ total _ model; do
  timed "eval_dagger_$round" "$app" eval --model "$model" --episodes "$EVAL_EPISODES" --perturbed 0 --seed $EVAL_SEED --out "$out/dagger_eval_$round" > /dev/null
  s=$(python3 -c "import json;d=json.load(open('$out/dagger_eval_$round/results.json'));print([m for m in d['summaries'] if m['Method']=='bc'][0]['SuccessRate'])")
  echo "$round,$total,$s" >> "$out/dagger_curve.csv"
done

# 4. Closed-loop comparison on the same seeded episodes (nominal and perturbed), open loop on held-out bags.
bc="$out/bc_${BC_DEMOS:-1000}.onnx"
dagger="$out/dagger/round_$ROUNDS/model.onnx"
dagger_labels=$(tail -1 "$out/dagger/rounds.csv" | cut -d, -f6)
timed eval "$app" eval --model "$bc" --dagger-model "$dagger" --expert --episodes "$EVAL_EPISODES" --perturbed "$PERTURBED" \
  --seed $EVAL_SEED --held-out "$out/heldout" --labels "bc=$(labels "$out/demos_${BC_DEMOS:-1000}")" "bc+planner=$(labels "$out/demos_${BC_DEMOS:-1000}")" "dagger=$dagger_labels" \
  --curve "BC=$out/bc_curve.csv" "DAgger=$out/dagger_curve.csv" --out "$out/report" | tee "$out/eval.txt"
cat "$out/timings.txt"
if [ "${COMMIT:-0}" = 1 ]; then
  mkdir -p "$root/docs/results/reach" "$root/models"
  cp "$out/report/"* "$out/bc_curve.csv" "$out/dagger/rounds.csv" "$out/dagger_curve.csv" "$out/timings.txt" "$root/docs/results/reach/"
  cp "$dagger" "$root/models/reach_policy.onnx"
fi
