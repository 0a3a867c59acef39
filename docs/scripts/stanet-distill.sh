#!/usr/bin/env bash
# Reproduces the bundled STANet weights and the table of docs/stanet.md: the synthetic benchmark, the SCAM labeler
# trained from its tags, two more benchmarks generated with other seeds, STANet distilled from the labeler's fine
# CAM_S maps of all three, then the benchmark's test split scored for STANet, its teacher and the references.
# WORK_DIR may be the one of scam-ablation.sh: benchmark and labeler are reused.
# Usage: docs/scripts/stanet-distill.sh WORK_DIR   (about 45 minutes on 2 cores from nothing; see docs/stanet.md)
set -euo pipefail
work="${1:?usage: $0 WORK_DIR}"
fixate="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/fixate"
mkdir -p "$work"
# One PyTorch thread: the bundled weights were trained so, and thread counts change float sums, hence the weights.
export FIXATE_JAVA_OPTS="${FIXATE_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1}"

# shellcheck source=timed.sh
source "$(dirname "${BASH_SOURCE[0]}")/timed.sh"

teacher=(--labeler cam --labeler-set source=s --labeler-set stage=fine)
[ -f "$work/bench/Annotations.txt" ] || timed synth "$fixate" synth --out "$work/bench" --no-progress
[ -f "$work/labeler/manifest.json" ] ||
  timed train-labeler "$fixate" train-labeler --dataset "$work/bench" --out "$work/labeler" --seed 7 --no-progress
# More clips for the student only: the labeler is still the one trained on the benchmark's train split.
for seed in 2 3; do
  [ -f "$work/bench-seed$seed/Annotations.txt" ] ||
    timed "synth seed $seed" "$fixate" synth --out "$work/bench-seed$seed" --seed "$seed" --no-progress
done
timed train-predictor "$fixate" train-predictor --dataset "$work/bench" \
  --extra-data "$work/bench-seed2" --extra-data "$work/bench-seed3" "${teacher[@]}" \
  --labeler-weights "$work/labeler" --out "$work/stanet" --seed 7 --no-progress
[ -d "$work/maps/fine-cam-s" ] ||
  timed "label fine-cam-s" "$fixate" label --dataset "$work/bench" --labeler cam --weights "$work/labeler" \
    --set stage=fine --set source=s --out "$work/maps/fine-cam-s" --no-progress
timed eval "$fixate" eval --dataset "$work/bench" --model stanet --weights "stanet=$work/stanet" \
  --predictions "$work/maps/fine-cam-s" --out "$work/eval-stanet" --no-progress
