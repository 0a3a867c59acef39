#!/usr/bin/env bash
# The real-eye comparison of docs/stanet-plus.md, like for like: STANet+ whose STA is the bundled `real` STA
# (MobileNetV2 frozen, OSIE train split) and whose STA+Short and STA+Long learn the same OSIE train split from its
# recorded gaze, then both scored on OSIE's test split under the pinned protocol. OSIE's stills are one-frame clips,
# so every fragment repeats the image (edge replication).
# Usage: [READOUT=decoder] docs/scripts/stanet-plus-osie.sh WORK_DIR ENCODER_DIR [OSIE_DIR]
#   ENCODER_DIR: MobileNetV2 imported by `fixate import-encoder` (docs/encoders.md); OSIE_DIR: ../shared/data/osie
#   READOUT: the STA+ readout, eq15 (the paper's, default) or decoder (the SDK's deviation), whose run and scores go
#   to WORK_DIR/stanet-plus-osie-decoder and eval-osie-test-decoder
set -euo pipefail
work="${1:?usage: $0 WORK_DIR ENCODER_DIR [OSIE_DIR]}"
encoder="${2:?usage: $0 WORK_DIR ENCODER_DIR [OSIE_DIR]}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
osie="${3:-$root/../shared/data/osie}"
fixate="$root/fixate"
sta="$root/provider-stanet/src/main/resources/io/fixate/provider/stanet/weights/real"
readout="${READOUT:-eq15}"
suffix=""; [ "$readout" = eq15 ] || suffix="-$readout"
plus="$work/stanet-plus-osie$suffix"
mkdir -p "$work"
export FIXATE_JAVA_OPTS="${FIXATE_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1}"

# shellcheck source=timed.sh
source "$(dirname "${BASH_SOURCE[0]}")/timed.sh"

# The STA's recipe (docs/real-footage.md, candidate A) except the epochs, three per STA+ net to fit a session on 2
# cores, and lr 0.003: at the STA's 0.01 the STA+ nets learnt little here and diverged on the benchmark
# (docs/stanet-plus.md).
timed "osie stanet-plus" "$fixate" train-predictor --model stanet-plus --dataset "$osie" --seed 1 \
  --out "$plus" --set "sta-weights=$sta" --set "encoder-weights=$encoder" --set freeze-encoder=on \
  --set epochs=3 --set lr=0.003 --set frame-stride=1 --set "readout=$readout" --no-progress
timed "osie eval" "$fixate" eval --dataset "$osie" --split test --model stanet --model stanet-plus \
  --weights "stanet-plus=$plus" --model max=stanet-plus --weights "max=$plus" -o max:fusion=max \
  --model sta-short=stanet-plus --weights "sta-short=$plus" -o sta-short:nets=short \
  --model sta-long=stanet-plus --weights "sta-long=$plus" -o sta-long:nets=long \
  --out "$work/eval-osie-test$suffix" --no-progress
