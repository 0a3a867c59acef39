#!/usr/bin/env bash
# The papers' claims about STAViS and AVRSP, checked on the synthetic benchmark (docs/models.md): both models trained
# fully supervised from the benchmark's ground truth (--learn-ground-truth, as their papers train them), one variant
# per claim, all with the same seed, data and epochs, then scored together on the test split.
#   STAViS: audio helps                 -> stavis, scored with its sound and with silence (audio=off)
#   AVRSP: RAVF beats naive fusion      -> avrsp (fusion=ravf) against fusion=concat and fusion=bilinear
#   AVRSP: audio, MS and MRG each help  -> avrsp scored with silence; avrsp trained with ms=off, with mrg=off
# A smaller preset than the papers': compact encoders, SIZE x SIZE frames, EPOCHS visual and EPOCHS audio-visual epochs
# on every STRIDE-th window, to fit a session on 2 cores (an AVRSP epoch of 880 windows at 64 px took 130-180 s).
# Usage: [SIZE=64] [EPOCHS=2] [STRIDE=8] docs/scripts/peer-ablations.sh WORK_DIR
#   WORK_DIR/bench is generated (the default benchmark, seed 1) unless it is there already.
set -euo pipefail
work="${1:?usage: $0 WORK_DIR}"
size="${SIZE:-64}"
epochs="${EPOCHS:-2}"
stride="${STRIDE:-8}"
fixate="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/fixate"
mkdir -p "$work"
export FIXATE_JAVA_OPTS="${FIXATE_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1}"

# shellcheck source=timed.sh
source "$(dirname "${BASH_SOURCE[0]}")/timed.sh"

[ -f "$work/bench/dataset.json" ] || timed "synth" "$fixate" synth --out "$work/bench"

# train NAME MODEL [--set KEY=VALUE]...: one variant into $work/ablations/NAME
train() {
  local name="$1" model="$2"
  shift 2
  timed "train $name" "$fixate" train-predictor --model "$model" --dataset "$work/bench" --learn-ground-truth \
    --seed 1 --out "$work/ablations/$name" --set "input-size=$size" --set "visual-epochs=$epochs" \
    --set "audio-visual-epochs=$epochs" --set "frame-stride=$stride" --no-progress "$@"
}
train stavis stavis
train avrsp avrsp
train avrsp-concat avrsp --set fusion=concat
train avrsp-bilinear avrsp --set fusion=bilinear
train avrsp-no-ms avrsp --set ms=off
train avrsp-no-mrg avrsp --set mrg=off

rows=()
for name in stavis avrsp avrsp-concat avrsp-bilinear avrsp-no-ms avrsp-no-mrg; do
  rows+=(--model "$name=${name%%-*}" --weights "$name=$work/ablations/$name")
done
for name in stavis avrsp; do
  rows+=(--model "$name-silent=$name" --weights "$name-silent=$work/ablations/$name" -o "$name-silent:audio=off")
done
timed "eval ablations" "$fixate" eval --dataset "$work/bench" "${rows[@]}" --out "$work/eval-ablations" --no-progress
