#!/usr/bin/env bash
# Reproduces the SCAM ablation table of docs/scam.md: trains the labeler on the synthetic benchmark, writes the
# pseudo-fixations of the test split for every row, and scores them against the ground truth.
# Usage: docs/scripts/scam-ablation.sh WORK_DIR   (about 18 minutes on 2 cores; see docs/scam.md)
set -euo pipefail
work="${1:?usage: $0 WORK_DIR}"
fixate="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/fixate"
mkdir -p "$work"
# The table was made with two PyTorch threads (then the engine's default on 2 cores; the fixate script now gives it one
# thread less than the cores), unless FIXATE_JAVA_OPTS says otherwise: thread counts change float sums, hence the nets.
export FIXATE_JAVA_OPTS="${FIXATE_JAVA_OPTS:--Dai.djl.pytorch.num_threads=2}"

# shellcheck source=timed.sh
source "$(dirname "${BASH_SOURCE[0]}")/timed.sh"

[ -f "$work/bench/Annotations.txt" ] || timed synth "$fixate" synth --out "$work/bench" --no-progress
timed train-labeler "$fixate" train-labeler --dataset "$work/bench" --out "$work/labeler" --seed 7 --no-progress

label() {  # label ROW LABELER PROPERTIES...
  local row="$1" labeler="$2"
  shift 2
  local sets=()
  for property in "$@"; do sets+=(--set "$property"); done
  timed "label $row" "$fixate" label --dataset "$work/bench" --labeler "$labeler" --weights "$work/labeler" \
    --out "$work/maps/$row" --no-progress "${sets[@]}"
}

for stage in coarse fine; do
  for source in s st sa; do
    label "$stage-cam-$source" cam "stage=$stage" "source=$source"
  done
  label "$stage-scam-avg" scam "stage=$stage" fusion=avg
  label "$stage-scam-sel" scam "stage=$stage" fusion=sel
done
label fine-scam-sel-no-switch scam stage=fine fusion=sel switch=off

rows=()
for maps in "$work"/maps/*; do rows+=(--predictions "$maps"); done
timed eval "$fixate" eval --dataset "$work/bench" "${rows[@]}" --out "$work/eval" --no-progress
