#!/usr/bin/env bash
# Reproduces the bundled STANet weights and the table of docs/stanet.md: the synthetic benchmark and two more
# generated with other seeds, the SCAM labeler trained from the tags of all three (14 epochs instead of the default
# 8), STANet distilled from the labeler's fine CAM_S maps of the same clips, then the benchmark's test split scored
# for STANet, its teacher and the references. WORK_DIR may be the one of scam-ablation.sh: the benchmark is reused
# (its labeler, trained on the benchmark alone, is not the teacher).
# Usage: docs/scripts/stanet-distill.sh WORK_DIR   (about 2.5 hours on 2 cores from nothing; docs/stanet.md)
set -euo pipefail
work="${1:?usage: $0 WORK_DIR}"
fixate="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/fixate"
mkdir -p "$work"
# The PyTorch thread count the bundled weights were trained with (one, for the labeler and the distillation), unless
# FIXATE_JAVA_OPTS says otherwise: thread counts change float sums, hence the weights.
export FIXATE_JAVA_OPTS="${FIXATE_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1}"

# shellcheck source=timed.sh
source "$(dirname "${BASH_SOURCE[0]}")/timed.sh"

teacher=(--labeler cam --labeler-set source=s --labeler-set stage=fine --labeler-set smoothing=off)
[ -f "$work/bench/Annotations.txt" ] || timed synth "$fixate" synth --out "$work/bench" --no-progress
for seed in 2 3; do
  [ -f "$work/bench-seed$seed/Annotations.txt" ] ||
    timed "synth seed $seed" "$fixate" synth --out "$work/bench-seed$seed" --seed "$seed" --no-progress
done
extra=(--extra-data "$work/bench-seed2" --extra-data "$work/bench-seed3")
timed "train-labeler (teacher)" "$fixate" train-labeler --dataset "$work/bench" "${extra[@]}" --set epochs=14 \
  --out "$work/teacher" --seed 7 --no-progress
timed train-predictor "$fixate" train-predictor --dataset "$work/bench" \
  "${extra[@]}" "${teacher[@]}" --labeler-weights "$work/teacher" --out "$work/stanet" --seed 11 --no-progress
[ -d "$work/maps/teacher-fine-cam-s" ] ||
  timed "label teacher-fine-cam-s" "$fixate" label --dataset "$work/bench" --labeler cam --weights "$work/teacher" \
    --set stage=fine --set source=s --set smoothing=off --out "$work/maps/teacher-fine-cam-s" --no-progress
timed eval "$fixate" eval --dataset "$work/bench" --model stanet --weights "stanet=$work/stanet" \
  --predictions "$work/maps/teacher-fine-cam-s" --out "$work/eval-stanet" --no-progress
