#!/usr/bin/env bash
# The tables of docs/compression.md: libvpx-vp9 at one constant bit rate without and with regions of interest.
#   1. A 640 x 360 benchmark (4 categories x 8 clips of 4 s at 25 fps, seed 1), test split, scored by its ground
#      truth: regions from stanet's default (real) weights, from its benchmark weights, from classic-baseline, and
#      from the ground truth itself (the oracle: what perfect maps would give).
#   2. Real clips, regions from stanet, scored by the maps of other models (avrsp, classic-baseline).
# Usage: docs/scripts/bench-roi.sh WORK_DIR [MEDIA_DIR]   (MEDIA_DIR defaults to ../shared/media/real)
set -euo pipefail
work="${1:?usage: $0 WORK_DIR [MEDIA_DIR]}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
media="${2:-$root/../shared/media/real}"
fixate="$root/fixate"
mkdir -p "$work/results"
export FIXATE_JAVA_OPTS="${FIXATE_JAVA_OPTS:--Dai.djl.pytorch.num_threads=1}"

# shellcheck source=timed.sh
source "$(dirname "${BASH_SOURCE[0]}")/timed.sh"

[ -f "$work/bench/dataset.json" ] || timed "synth" "$fixate" synth --out "$work/bench" --size 640x360 --fps 25 \
  --seconds 4 --categories 4 --clips-per-category 8 --no-progress

# bench NAME ARGS...: one bench-roi run, its table in $work/results/NAME.md
bench() {
  local name="$1"; shift
  timed "bench-roi $name" bench_to "$work/results/$name.md" "$@"
}
bench_to() {
  local table="$1"; shift
  "$fixate" bench-roi "$@" --work "$work/encodes" > "$table"
}
bench stanet-real "$work/bench" --bitrate 300k
bench stanet-benchmark "$work/bench" --bitrate 300k -o bundled=benchmark
bench classic-baseline "$work/bench" --bitrate 300k --model classic-baseline
bench oracle "$work/bench" --bitrate 300k --oracle

clips=(sample_demo_1.mp4 examples_boat.mp4 mdn_frog.mp4 examples_dog_barking.mp4 media_chaplin.mp4)
paths=()
for clip in "${clips[@]}"; do
  paths+=("$media/$clip")
done
bench real-avrsp "${paths[@]}" --bitrate 500k --density-model avrsp
bench real-classic "${paths[@]}" --bitrate 500k --density-model classic-baseline
