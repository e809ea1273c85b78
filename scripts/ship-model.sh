#!/usr/bin/env bash
# Installs a trained preset into the zoo shipped in the jar, from its committed checkpoint
# (model-zoo/training/PRESET/checkpoint), with its bfloat16 variant, then runs the test that every
# shipped model clearly improves a noisy photograph. Refuses an unfinished run unless --interim.
# Usage: scripts/ship-model.sh PRESET [VERSION] [--interim]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="$1"; version="${2:-1.0}"; interim="${3:-}"
work="model-zoo/training/$preset"
state="$work/checkpoint/state.json"
[ -f "$state" ] || { echo "no checkpoint in $work" >&2; exit 2; }
step=$(grep -o '"step": [0-9]*' "$state" | head -1 | grep -o '[0-9]*')
total=$(grep -o '"totalSteps": [0-9]*' "$state" | grep -o '[0-9]*')
if [ "$step" != "$total" ] && [ "$interim" != "--interim" ]; then
  echo "$preset is at step $step of $total; finish it (train --resume) or pass --interim" >&2; exit 2
fi
case "$preset" in # each preset's training data, as in Presets.java
  gaussian-color|camera-color|photo-color) data="../shared/datasets/CBSD432" ;;
  poisson-gauss-nl*) data="../shared/datasets" ;;
  *) data="${DENOISER_TRAIN400:-../shared/datasets/Train400}" ;;
esac
./denoiser train --preset "$preset" --work "$work" --export-now --bfloat16 --version-label "$version" \
  --data "$data" --into model-zoo/src/main/resources/org/denoiser/zoo/models
mvn -B -q -pl model-zoo -am verify -Dtest=ShippedModelQualityTest -Dsurefire.failIfNoSpecifiedTests=false
bf16=""; [ -d "model-zoo/src/main/resources/org/denoiser/zoo/models/$preset-bf16" ] && bf16=" and denoise/$preset-bf16"
echo "shipped denoise/$preset$bf16 (step $step of $total)"
