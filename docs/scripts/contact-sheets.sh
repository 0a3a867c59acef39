#!/usr/bin/env bash
# Contact sheets of docs/real-footage.md: for each clip, three moments (a fifth, half and four fifths of the way
# through), the benchmark-trained stanet's heatmap on the top row and the default's below.
# Usage: docs/scripts/contact-sheets.sh OUT_DIR CLIP...   (needs ffmpeg and ffprobe on the PATH)
set -euo pipefail
out="$1"
shift
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
for clip in "$@"; do
  name="$(basename "${clip%.*}")"
  "$root/fixate" predict "$clip" -o bundled=benchmark --heatmap "$work/$name.old.mp4" --no-progress > /dev/null
  "$root/fixate" predict "$clip" --heatmap "$work/$name.new.mp4" --no-progress > /dev/null
  seconds="$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$work/$name.new.mp4")"
  for model in old new; do
    for part in 1 2 3; do
      at="$(awk -v d="$seconds" -v p="$part" 'BEGIN { printf "%.3f", d * (p == 1 ? 0.2 : p == 2 ? 0.5 : 0.8) }')"
      ffmpeg -v error -y -ss "$at" -i "$work/$name.$model.mp4" -frames:v 1 -vf scale=320:-2 \
        "$work/$name.$model.$part.png"
    done
  done
  ffmpeg -v error -y -i "$work/$name.old.1.png" -i "$work/$name.old.2.png" -i "$work/$name.old.3.png" \
    -i "$work/$name.new.1.png" -i "$work/$name.new.2.png" -i "$work/$name.new.3.png" \
    -filter_complex "[0][1][2]hstack=3[old];[3][4][5]hstack=3[new];[old][new]vstack" -q:v 4 "$out/$name.jpg"
  echo "$out/$name.jpg"
done
