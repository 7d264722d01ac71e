#!/usr/bin/env bash
# The dossier benchmark's baseline (issues 5 and 16): the reference dossier (50 incidents × 20
# events, 100 distinct screenshots of 1280×800 — half JPEG, half PNG, the PNGs RGBA, so half
# of the screenshots RGBA —, 10 long texts) rendered by carnet-dossier (in process, release
# build, median of RUNS) and the same content as HTML printed to PDF by headless Chromium
# (whole process, median of RUNS; Chromium's own start-up, printing an empty page, is
# measured too and shown apart). carnet-dossier also renders the same dossier with RGB PNGs
# (no screenshot RGBA). Prints the medians, both ratios to Chromium and the PDF's size over
# the images' bytes, against issue 16's goals: ≥ ×10, ≤ 1.15. Needs Debian's chromium
# (`apt-get install chromium`); RUNS=5 by default.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
OUT="$TARGET_DIR/bench-baseline"
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [[ -z "$CHROMIUM" ]]; then
  echo "chromium is not installed (Debian: apt-get install chromium)" >&2
  exit 1
fi

rm -rf "$OUT" && mkdir -p "$OUT"
carnet=$(cargo run -q --release -p carnet-dossier --example baseline -- "$OUT" "$RUNS")
echo "$carnet"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# The flags that work on these machines (see the machine notes): no sandbox as root, no GPU,
# no background connections to a closed network.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir="$profile" --no-pdf-header-footer)

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

time_print() { # url, pdf → seconds
  local start end
  start=$(date +%s.%N)
  "$CHROMIUM" "${flags[@]}" --print-to-pdf="$2" "$1" >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

echo '<!doctype html><title>empty</title>' > "$OUT/empty.html"
time_print "file://$OUT/empty.html" "$OUT/empty.pdf" >/dev/null # warm the disk cache
startup=$(for _ in $(seq "$RUNS"); do time_print "file://$OUT/empty.html" "$OUT/empty.pdf"; done | median)
chromium_s=$(for _ in $(seq "$RUNS"); do time_print "file://$OUT/dossier.html" "$OUT/chromium.pdf"; done | median)

pages=$(pdfinfo "$OUT/chromium.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}' || echo "?")
size=$(stat -c %s "$OUT/chromium.pdf")
field() { # case, key → value
  echo "$carnet" | awk -v c="$1" -v k="$2" '$2 == c {for (i = 3; i <= NF; i++) if (index($i, k "=") == 1) print substr($i, length(k) + 2)}'
}
carnet_s=$(field half_rgba median_s)
carnet_rgb_s=$(field rgb_only median_s)
printf 'chromium print-to-pdf median_s=%.3f runs=%s pages=%s pdf_bytes=%s (start-up alone, an empty page: %.3f s)\n' \
  "$chromium_s" "$RUNS" "$pages" "$size" "$startup"
printf 'ratio chromium / carnet: ×%.1f half RGBA (the reference dossier), ×%.1f RGB-only; without Chromium'"'"'s start-up: ×%.1f and ×%.1f (goal ≥ ×10)\n' \
  "$(echo "$chromium_s / $carnet_s" | bc -l)" "$(echo "$chromium_s / $carnet_rgb_s" | bc -l)" \
  "$(echo "($chromium_s - $startup) / $carnet_s" | bc -l)" "$(echo "($chromium_s - $startup) / $carnet_rgb_s" | bc -l)"
printf 'carnet PDF / images'"'"' bytes: %s half RGBA, %s RGB-only (goal ≤ 1.15)\n' \
  "$(field half_rgba pdf_over_images)" "$(field rgb_only pdf_over_images)"
