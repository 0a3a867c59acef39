#!/usr/bin/env bash
# The league table of docs/models.md: every predictor the SDK ships, on its bundled weights, scored on the
# benchmark's test split (audio on and off for the audio-visual models) and on OSIE's test split, then its speed at
# 640 x 360 (one PyTorch thread) and the third parties' streaming memory over 10 minutes. classic-baseline and centre
# bias are in every eval report as references.
# Usage: docs/scripts/league-table.sh WORK_DIR [OSIE_DIR]
#   WORK_DIR/bench is generated (the default benchmark, seed 1) unless it is there already; OSIE_DIR defaults to
#   ../shared/data/osie beside the checkout.
set -euo pipefail
work="${1:?usage: $0 WORK_DIR [OSIE_DIR]}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
osie="${2:-$root/../shared/data/osie}"
fixate="$root/fixate"
mkdir -p "$work"
export FIXATE_JAVA_OPTS="${FIXATE_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1}"

# shellcheck source=timed.sh
source "$(dirname "${BASH_SOURCE[0]}")/timed.sh"

[ -f "$work/bench/dataset.json" ] || timed "synth" "$fixate" synth --out "$work/bench"

shipped=(stanet stanet-plus stavis avrsp)
audio_visual=(stanet stavis avrsp)
rows=()
for model in "${shipped[@]}"; do
  rows+=(--model "$model")
done
silent=()
for model in "${audio_visual[@]}"; do
  silent+=(--model "$model-silent=$model" -o "$model-silent:audio=off")
done
timed "eval benchmark" "$fixate" eval --dataset "$work/bench" "${rows[@]}" "${silent[@]}" \
  --out "$work/eval-league-benchmark" --no-progress
timed "eval osie" "$fixate" eval --dataset "$osie" --split test "${rows[@]}" --out "$work/eval-league-osie" \
  --no-progress
for model in "${shipped[@]}" classic-baseline; do
  timed "bench-predict $model" "$fixate" bench-predict --synthetic --frames 250 --model "$model" \
    | tee "$work/bench-predict-$model.txt"
done
for model in stavis avrsp; do
  timed "bench-memory $model" "$fixate" bench-memory --model "$model" --minutes 10 \
    | tee "$work/bench-memory-$model.txt"
done
