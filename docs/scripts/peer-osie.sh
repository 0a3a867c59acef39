#!/usr/bin/env bash
# A third-party sample (stavis or avrsp) trained as the default `stanet` was (docs/real-footage.md, candidate A):
# OSIE's train split from its recorded gaze, MobileNetV2 imported and frozen, `val` for choices; then scored on
# OSIE's val and test splits under the pinned protocol. OSIE's stills are one-frame clips (every window frame is the
# image) and silent, so the audio-visual stage learns little here; it runs as the model's recipe has it.
# Usage: docs/scripts/peer-osie.sh stavis|avrsp WORK_DIR ENCODER_DIR [OSIE_DIR]
#   ENCODER_DIR: MobileNetV2 imported by `fixate import-encoder` (docs/encoders.md); OSIE_DIR: ../shared/data/osie
set -euo pipefail
model="${1:?usage: $0 stavis|avrsp WORK_DIR ENCODER_DIR [OSIE_DIR]}"
work="${2:?usage: $0 stavis|avrsp WORK_DIR ENCODER_DIR [OSIE_DIR]}"
encoder="${3:?usage: $0 stavis|avrsp WORK_DIR ENCODER_DIR [OSIE_DIR]}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
osie="${4:-$root/../shared/data/osie}"
fixate="$root/fixate"
mkdir -p "$work"
export FIXATE_JAVA_OPTS="${FIXATE_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1}"

# shellcheck source=timed.sh
source "$(dirname "${BASH_SOURCE[0]}")/timed.sh"

# Input 160 as the STA's, except AVRSP, whose scales need a multiple of 64 with MobileNetV2: 128. Six visual and two
# audio-visual epochs, to fit a session on 2 cores.
case "$model" in
  stavis) size=160 ;;
  avrsp) size=128 ;;
  *) echo "unknown model $model: stavis or avrsp" >&2; exit 2 ;;
esac
timed "osie $model" "$fixate" train-predictor --model "$model" --dataset "$osie" --seed 1 --out "$work/$model-osie" \
  --set visual-encoder=mobilenet-v2 --set "encoder-weights=$encoder" --set freeze-encoder=on \
  --set "input-size=$size" --set visual-epochs=6 --set audio-visual-epochs=2 --set frame-stride=1 --no-progress
for split in val test; do
  timed "osie eval $model $split" "$fixate" eval --dataset "$osie" --split "$split" --model stanet \
    --model "$model" --weights "$model=$work/$model-osie" --out "$work/eval-osie-$model-$split" --no-progress
done
