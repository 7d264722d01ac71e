#!/usr/bin/env bash
# Recompresses the .deb that `tauri build` wrote (gzip, not configurable in Tauri 2: tauri#9846)
# with xz, Debian's own default since dpkg 1.15.6, adding xz's x86 filter (BCJ) in front of
# LZMA2 for the files: it rewrites the executable's relative branch addresses so that LZMA2
# finds more repeats, and takes ~5 % more off than xz alone. Any xz decoder reads it: dpkg and
# apt unpack it through liblzma, which records and undoes the filter by itself.
# The same files, modes and control data; checked by listing both.
# Usage: scripts/deb-xz.sh path/to/carnet.deb (rewritten in place).
set -euo pipefail
deb=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb --raw-extract "$deb" "$work/root"
# An uncompressed package from the same tree (dpkg-deb's own tar layout and ownership), then
# its two archives compressed here.
dpkg-deb --root-owner-group -Znone --build "$work/root" "$work/plain.deb" >/dev/null
(cd "$work" && ar x plain.deb)
xz --x86 --lzma2=preset=9e --threads=1 "$work/data.tar"
xz -9e --threads=1 "$work/control.tar"
(cd "$work" && ar rcD out.deb debian-binary control.tar.xz data.tar.xz)
listing() {
  dpkg-deb --contents "$1" | awk '{sub(/^\.\//, "", $6); sub(/\/$/, "", $6); if ($6 != "") print $1, $3, $6}' | sort
}
diff <(listing "$deb") <(listing "$work/out.deb")
diff <(dpkg-deb --field "$deb") <(dpkg-deb --field "$work/out.deb")
before=$(stat -c %s "$deb")
mv "$work/out.deb" "$deb"
echo "$(basename "$deb"): gzip $before → xz $(stat -c %s "$deb") bytes"
