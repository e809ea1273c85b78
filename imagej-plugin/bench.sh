#!/usr/bin/env bash
# Time and peak memory (RSS) of Plugins > Denoise through the packaged plugin in headless ImageJ:
# a 512x512x100 16-bit stack and a 4096x4096 32-bit image, each in a fresh JVM, with ImageJ's
# Gaussian blur on the same pixels as the baseline. Usage: imagej-plugin/bench.sh [stack|large]...
set -euo pipefail
module="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$module")"
fiji="$module/target/fiji"
lib="$module/target/imagej-lib"   # ImageJ, ImgLib2 (Fiji ships it), ij1-patcher (Fiji's --headless)
if [ ! -f "$fiji/plugins/Denoise_.jar" ] || [ ! -d "$lib" ]; then
    (cd "$root" && mvn -B -q -pl imagej-plugin -am package -DskipTests)
fi
patcher="$(ls "$lib"/ij1-patcher-*.jar)"
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(stack large)
for which in "${cases[@]}"; do
    log="$module/target/bench-$which.txt"
    DENOISER_HOME="$module/target/denoiser-home" TF_CPP_MIN_LOG_LEVEL=2 /usr/bin/time -v \
        java -Xmx6g -Dai.djl.offline=true -Djava.awt.headless=true -Dplugins.dir="$fiji" \
        -javaagent:"$patcher"=init --add-opens java.base/java.lang=ALL-UNNAMED \
        -cp "$lib/*:$fiji/jars/*:$fiji/plugins/*" \
        ij.ImageJ -batch "$fiji/macros/denoise-benchmark.ijm" "$which" > "$log" 2>&1 || true
    grep '^bench ' "$log" || { echo "no result for $which, see $log"; continue; }
    grep -E 'Maximum resident set size|Elapsed \(wall clock\)' "$log" | sed 's/^\s*/    /'
done
