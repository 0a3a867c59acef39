#!/usr/bin/env bash
# Reproduces the SCAM+ ablation of docs/scam-plus.md: trains the SCAM+ labeler on the synthetic benchmark (the SCAM
# nets, then the eight + nets), re-trains S+ Long alone with other reasoning settings (m, n, FRL, update), writes the
# pseudo-fixations of the test split for every row and scores them against the ground truth.
# Usage: docs/scripts/scam-plus-ablation.sh WORK_DIR [SYNTH_ARGS...]   (default: the default benchmark, seed 7)
set -euo pipefail
work="${1:?usage: $0 WORK_DIR [SYNTH_ARGS...]}"
shift
fixate="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/fixate"
mkdir -p "$work"
# One PyTorch thread, as the figures in docs/scam-plus.md were made: thread counts change float sums, hence the nets.
export FIXATE_JAVA_OPTS="${FIXATE_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1}"

# shellcheck source=timed.sh
source "$(dirname "${BASH_SOURCE[0]}")/timed.sh"

[ -f "$work/bench/Annotations.txt" ] || timed synth "$fixate" synth --out "$work/bench" --no-progress "$@"
timed train-labeler "$fixate" train-labeler --labeler scam-plus --dataset "$work/bench" --out "$work/labeler" \
  --seed 7 --no-progress

label() {  # label ROW WEIGHTS LABELER PROPERTIES...: skipped once done; an interrupted row starts again
  local row="$1" weights="$2" labeler="$3"
  shift 3
  local sets=(--set smoothing=off)
  for property in "$@"; do sets+=(--set "$property"); done
  [ -f "$work/maps/$row.done" ] && return
  timed "label $row" "$fixate" label --dataset "$work/bench" --labeler "$labeler" --weights "$weights" \
    --out "$work/maps/$row" --overwrite --no-progress "${sets[@]}"
  touch "$work/maps/$row.done"
}

# Every row is unsmoothed: the + maps are, and smoothing would blur the comparison of sources. The rows the issue asks
# for first (main comparison, each source with each granularity, then m and n below), so that an interrupted run has
# them.
label scam "$work/labeler" scam stage=fine fusion=sel
label scam-plus "$work/labeler" scam-plus
label scam-plus-avg "$work/labeler" scam-plus fusion=avg
label scam-plus-no-switch "$work/labeler" scam-plus switch=off
label scam-frl "$work/labeler" scam stage=fine fusion=sel refine=on
for pair in s,s-short s,s-long s,s-cross st,st-short st,st-long st,st-cross sa,sa-long sa,sa-cross; do
  label "source-$pair" "$work/labeler" scam-plus "nets=$pair"
done
label single-s-long "$work/labeler" scam-plus nets=s-long  # m = 3, n = 2: what the variants below change

# S+ Long alone with other reasoning settings, each on a copy of the SCAM nets (the + stages are a run of their own).
variant() {  # variant NAME SETTINGS...
  local name="$1" dir="$work/variants/$1"
  shift
  local sets=(--set plus-nets=s-long)
  for setting in "$@"; do sets+=(--set "$setting"); done
  if [ ! -f "$dir/plus/manifest.json" ]; then
    mkdir -p "$dir"
    find "$work/labeler" -maxdepth 1 -type f -exec cp {} "$dir/" \;
    timed "train $name" "$fixate" train-labeler --labeler scam-plus --dataset "$work/bench" --out "$dir" --seed 7 \
      --no-progress "${sets[@]}"
  fi
  label "s-long-$name" "$dir" scam-plus nets=s-long
}
for m in 1 2 4; do variant "m$m" "gcn-steps=$m"; done
for n in 1 3; do variant "n$n" "companions=$n"; done

# The rest of the table: each source with all its granularities, every net alone, and two more reasoning variants.
for group in s,s-short,s-long,s-cross st,st-short,st-long,st-cross sa,sa-long,sa-cross; do
  label "source-$group" "$work/labeler" scam-plus "nets=$group"
done
for net in s st sa s-short s-long s-cross st-short st-long st-cross sa-long sa-cross; do
  label "single-$net" "$work/labeler" scam-plus "nets=$net"
done
variant frl-off frl=off
variant gated-gru gcn-update=gated-gru
# Each source's coarse CAM on the whole frame: where its + nets start from, to tell what they learnt.
for source in s st sa; do
  label "coarse-cam-$source" "$work/labeler" cam "source=$source" stage=coarse
done

rows=()
for done in "$work"/maps/*.done; do rows+=(--predictions "${done%.done}"); done
timed eval "$fixate" eval --dataset "$work/bench" "${rows[@]}" --out "$work/eval" --no-progress
