#!/usr/bin/env bash
# Peak memory of 'denoiser denoise' on large 16-bit TIFF planes, as model-zoo/MODELS.md reports it
# ("Speed and memory"). For each SIDE: a generated SIDE x SIDE 16-bit gray TIFF is denoised with
# denoise/gaussian-gray-fast and the launcher's defaults, and /usr/bin/time -v gives the peak RSS.
# The baseline, measured in the same run, is a 1024 x 1024 file: what the JVM and TensorFlow take
# whatever the image. Printed per size: peak RSS, wall time, and (peak - baseline) / decoded image
# size: about 1 when the run holds the image once and a tile's worth beside it.
# Usage: scripts/measure-large-file.sh [SIDE...]   (default 8192 16384; needs about 4 GB of RAM and
# 3 x SIDE^2 x 2 bytes of space in ${TMPDIR:-/tmp})
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then sides=("$@"); else sides=(8192 16384); fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./denoiser models >/dev/null   # builds on first use
classpath="$(cat kafka-demo/target/denoiser.classpath)"

measure() { # SIDE -> "peak_kb seconds"
  java -Xmx4g -cp "$classpath" scripts/LargeTiff.java "$1" "$work/in-$1.tif"
  mkdir -p "$work/out-$1"
  /usr/bin/time -f '%M %e' -o "$work/time-$1" ./denoiser denoise --model denoise/gaussian-gray-fast \
    "$work/in-$1.tif" -o "$work/out-$1" >/dev/null
  rm -f "$work/in-$1.tif" "$work/out-$1"/*
  cat "$work/time-$1"
}

read -r base_kb base_s < <(measure 1024)
printf '%-12s %10s %9s %s\n' "image" "peak RSS" "wall" "(peak - baseline) / decoded size"
printf '%-12s %7d MB %8.1fs %s\n' "1024x1024" $((base_kb / 1024)) "$base_s" "(baseline)"
for side in "${sides[@]}"; do
  read -r kb s < <(measure "$side")
  decoded_mb=$((side * side * 2 / 1024 / 1024))
  ratio=$(awk -v p="$kb" -v b="$base_kb" -v d="$decoded_mb" 'BEGIN { printf "%.2f", (p - b) / 1024 / d }')
  printf '%-12s %7d MB %8.1fs %s (image %d MB)\n' "${side}x${side}" $((kb / 1024)) "$s" "$ratio" "$decoded_mb"
done
