#!/usr/bin/env bash
# Starts the built app under a private Xvfb display on a fresh data folder and saves a
# screenshot of its window: `scripts/screenshot.sh <app binary> <output.png> [fr|en]`.
set -euo pipefail
app=$1 out=$2 lang=${3:-fr}
work=$(mktemp -d)
trap 'kill $app_pid $xvfb_pid 2>/dev/null || true; rm -rf "$work"' EXIT

display=:$((100 + RANDOM % 400))
Xvfb "$display" -screen 0 1100x760x24 -nolisten tcp >/dev/null 2>&1 & xvfb_pid=$!
sleep 1
mkdir -p "$work/data"
[ "$lang" = fr ] || printf '{"locale":"%s"}' "$lang" > "$work/data/settings.json"
DISPLAY=$display CARNET_DATA_DIR="$work/data" "$app" >"$work/app.log" 2>&1 & app_pid=$!
DISPLAY=$display xdotool search --sync --onlyvisible --name '^Carnet$' >/dev/null
sleep 3 # let the webview paint
mkdir -p "$(dirname "$out")"
DISPLAY=$display import -window root "$out"
echo "screenshot: $out"
