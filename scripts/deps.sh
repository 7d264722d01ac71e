#!/usr/bin/env bash
# Installs what Carnet needs to build, run and test, and only what is missing, so running it
# again costs a second. Debian/Ubuntu: system packages with apt-get, Rust with rustup when
# cargo is absent, tauri-driver with cargo, the UI's packages with npm.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libssl-dev libxdo-dev libayatana-appindicator3-dev librsvg2-dev
  libdbus-1-dev
  xvfb webkit2gtk-driver xauth imagemagick xdotool xclip
  poppler-utils qpdf unzip openssl
  gnome-keyring dbus-x11 libsecret-tools
  fonts-noto-core
)
TAURI_DRIVER_VERSION=2.1.0
CARGO_DENY_VERSION=0.20.2
NODE_MIN=20.19

sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  sudo_ apt-get update -qq
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

node_version=$(node -p 'process.versions.node')
if ! node -e "const [a,b]=process.versions.node.split('.').map(Number), [x,y]='$NODE_MIN'.split('.').map(Number); process.exit(a>x||(a===x&&b>=y)?0:1)"; then
  echo "deps: Node.js $node_version is too old for the UI's build tools (Vite 8 needs $NODE_MIN or newer)." >&2
  echo "      Install a newer Node.js (https://nodejs.org or your distribution's backports) and run this again." >&2
  exit 1
fi

if ! command -v cargo >/dev/null; then
  echo "deps: installing Rust with rustup"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component clippy,rustfmt
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi

for component in clippy rustfmt; do
  cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1 || rustup component add "$component"
done

if ! cargo install --list | grep -qx "cargo-deny v$CARGO_DENY_VERSION:"; then
  echo "deps: installing cargo-deny $CARGO_DENY_VERSION"
  cargo install --locked cargo-deny --version "$CARGO_DENY_VERSION"
fi

if ! cargo install --list | grep -qx "tauri-driver v$TAURI_DRIVER_VERSION:"; then
  echo "deps: installing tauri-driver $TAURI_DRIVER_VERSION"
  cargo install --locked tauri-driver --version "$TAURI_DRIVER_VERSION"
fi

if [ ! -f ui/node_modules/.package-lock.json ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  (cd ui && npm ci --no-audit --no-fund)
fi
