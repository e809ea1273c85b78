#!/usr/bin/env bash
# Issue 13's speed bar: every shipped model's throughput against classical/bm3d, timed in the same
# run at 2 threads (gray models on gray images; colour models on RGB images, against BM3D per colour).
# Prints one line per model and size: BM3D Mpx/s, model Mpx/s, ratio. Run it on a quiet machine
# (pause training): the ratio is fair only when both sides get the same cores.
# Usage: scripts/bench-vs-bm3d.sh [SIZES [MODEL...]]   (default 512,1024 and every shipped model)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="${1:-512,1024}"
shift || true
./denoiser models | awk '/^denoise\// {id = $1} {for (i = 1; i < NF; i++) if ($(i + 1) == "channel(s),") print id, $i}' |
while read -r model channels; do
  [ "$model" = denoise/mnist-seed ] && continue   # a demo model, never a default
  if [ $# -gt 0 ] && [[ " $* " != *" $model "* ]]; then continue; fi
  rgb=(); [ "$channels" = 3 ] && rgb=(--rgb)
  ./denoiser bench --model "$model" --baseline classical/bm3d --sizes "$sizes" --stack 0 --thread-counts 2 "${rgb[@]}" |
    awk -v m="$model" '{c = $1; o = 0; if ($2 == "RGB") {c = c " RGB"; o = 1}}
      $(2 + o) == "classical/bm3d" {bm3d[c] = $(6 + o)}
      $(2 + o) == m {printf "%-30s %-14s BM3D %6.3f  model %6.3f Mpx/s  %6.2fx\n", m, c, bm3d[c], $(6 + o), $(6 + o) / bm3d[c]}'
done
