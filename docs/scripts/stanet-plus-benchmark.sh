#!/usr/bin/env bash
# The students of docs/stanet-plus.md on the synthetic benchmark, like for like: STA distilled from SCAM maps (the
# `stanet` of the paper's protocol) and STANet+, whose STA+Short and STA+Long start from that STA and learn from SCAM+
# maps, then both scored on the test split. Needs the SCAM+ labeler of docs/scripts/scam-plus-ablation.sh in the same
# WORK_DIR (its bench/ and labeler/).
# Usage: [READOUT=decoder] docs/scripts/stanet-plus-benchmark.sh WORK_DIR
#   READOUT: the STA+ readout, eq15 (the paper's, default) or decoder (the SDK's deviation); STANet+ goes to
#   WORK_DIR/students/stanet-plus, or stanet-plus-decoder for the latter, and its scores to eval-students(-decoder)
set -euo pipefail
work="${1:?usage: $0 WORK_DIR}"
fixate="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/fixate"
readout="${READOUT:-eq15}"
suffix=""; [ "$readout" = eq15 ] || suffix="-$readout"
[ -f "$work/labeler/manifest.json" ] || { echo "no SCAM labeler in $work/labeler" >&2; exit 2; }
export FIXATE_JAVA_OPTS="${FIXATE_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1}"

# shellcheck source=timed.sh
source "$(dirname "${BASH_SOURCE[0]}")/timed.sh"

# Unsmoothed teachers, as the bundled benchmark STANet learnt best from (docs/stanet.md).
timed "distill sta" "$fixate" train-predictor --model stanet --dataset "$work/bench" --labeler scam \
  --labeler-weights "$work/labeler" --labeler-set smoothing=off --out "$work/students/sta" --seed 7 --no-progress
[ -f "$work/labeler/plus/manifest.json" ] || { echo "no SCAM+ nets in $work/labeler/plus yet" >&2; exit 2; }
# Four epochs per STA+ net on every fourth frame (the STA's run: 16 epochs on every second frame): each STA+ step
# costs about three STA steps, and this fits a session on 2 cores. lr 0.003: at the STA's 0.01 STA+Short's loss
# turned NaN in its second epoch (docs/stanet-plus.md).
plus="$work/students/stanet-plus$suffix"
timed "distill stanet-plus$suffix" "$fixate" train-predictor --model stanet-plus --dataset "$work/bench" \
  --labeler scam-plus --labeler-weights "$work/labeler" --set "sta-weights=$work/students/sta" \
  --set epochs=4 --set frame-stride=4 --set lr=0.003 --set "readout=$readout" --out "$plus" --seed 7 --no-progress
timed "eval students" "$fixate" eval --dataset "$work/bench" --model stanet --weights "stanet=$work/students/sta" \
  --model stanet-plus --weights "stanet-plus=$plus" \
  --model max=stanet-plus --weights "max=$plus" -o max:fusion=max \
  --model sta-short=stanet-plus --weights "sta-short=$plus" -o sta-short:nets=short \
  --model sta-long=stanet-plus --weights "sta-long=$plus" -o sta-long:nets=long \
  --out "$work/eval-students$suffix" --no-progress
# Speed of the two students side by side (640 x 360, one PyTorch thread), then STANet+'s memory over 10 minutes.
timed "bench-predict stanet" "$fixate" bench-predict --synthetic --frames 250 --model stanet \
  --weights "$work/students/sta" | tee "$work/bench-predict-stanet.txt"
timed "bench-predict stanet-plus" "$fixate" bench-predict --synthetic --frames 250 --model stanet-plus \
  --weights "$plus" | tee "$work/bench-predict-stanet-plus$suffix.txt"
timed "bench-memory stanet-plus" "$fixate" bench-memory --model stanet-plus --weights "$plus" --minutes 10 \
  | tee "$work/bench-memory-stanet-plus$suffix.txt"
