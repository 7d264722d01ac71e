#!/usr/bin/env bash
# Installs the freshly built .deb, checks its file association (.carnet), starts the installed /usr/bin/carnet under Xvfb on a
# throwaway data folder, checks its window shows (screenshot into target/deb-test/), quits it
# with its own shortcut (Ctrl+Q through the menu), removes the package and checks it is gone.
# Needs root (apt-get). Usage: scripts/deb-install-test.sh [path/to/carnet.deb]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
deb=${1:-$(ls -t "${CARGO_TARGET_DIR:-$root/target}"/release/bundle/deb/*.deb | head -1)}
out="${CARGO_TARGET_DIR:-$root/target}/deb-test"
rm -rf "$out" && mkdir -p "$out/data"

echo "installing $(basename "$deb") ($(du -h "$deb" | cut -f1))"
apt-get install -y -q "$(realpath "$deb")" >/dev/null
trap 'apt-get remove -y -q carnet >/dev/null 2>&1 || true' EXIT
test -x /usr/bin/carnet
# The file association: the desktop entry takes a file and names the archive's type, which
# the shared MIME database maps from *.carnet.
desktop=/usr/share/applications/Carnet.desktop
grep -qx 'Exec=carnet %f' "$desktop"
grep -qx 'MimeType=application/x-carnet-archive' "$desktop"
grep -q 'pattern="\*.carnet"' /usr/share/mime/packages/carnet.xml
if command -v update-mime-database >/dev/null; then
  update-mime-database /usr/share/mime
  grep -q '^application/x-carnet-archive:\*\.carnet$' /usr/share/mime/globs
fi

cat > "$out/run.sh" <<'INNER'
#!/usr/bin/env bash
set -u
CARNET_DATA_DIR="$1/data" /usr/bin/carnet >"$1/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do xdotool search --name '^Carnet$' >/dev/null 2>&1 && break; sleep 0.5; done
wid=$(xdotool search --name '^Carnet$' | head -1 || true)
[ -n "$wid" ] || { echo "no Carnet window"; kill "$pid"; exit 1; }
sleep 3
import -window root "$1/installed.png"
xdotool key ctrl+q
for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$pid" 2>/dev/null; then echo "still running after Ctrl+Q"; kill "$pid"; exit 1; fi
echo "window shown, quit by Ctrl+Q"
INNER
chmod +x "$out/run.sh"
xvfb-run -a -s "-screen 0 1280x800x24" "$out/run.sh" "$out"

apt-get remove -y -q carnet >/dev/null
trap - EXIT
if [ -e /usr/bin/carnet ]; then echo "/usr/bin/carnet is still there"; exit 1; fi
echo "deb-test passed: installed, shown ($out/installed.png), quit, removed"
