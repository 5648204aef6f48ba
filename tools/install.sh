#!/bin/sh
# Installs what a fresh machine lacks for building and testing article-widget,
# and skips whatever is already present at the pinned version.
#   tools/install.sh            wasm target, Trunk, wasm-bindgen-cli, npm tools
#   tools/install.sh browsers   also Debian's Chromium, ChromeDriver, Firefox ESR,
#                               WebKitGTK's WebDriver + MiniBrowser and Xvfb
#   tools/install.sh load       also Debian's wrk and nginx (make load)
# Pins and why: see README.md ("Toolchain").
set -eu
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must be exactly the wasm-bindgen that Cargo.lock resolved.
WASM_BINDGEN_VERSION=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;}' Cargo.lock)
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "install: no wasm-bindgen in Cargo.lock" >&2; exit 1; }
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'install: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  # 0.22 needs a newer rustc than this toolchain; a cold install takes minutes.
  say "installing trunk $TRUNK_VERSION"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  # Without --locked: its lock file pins crates the registry may not carry.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# wasm-opt (binaryen 132: Debian's is too old for this wasm-bindgen), Playwright
# Test and axe-core, pinned by package-lock.json. Playwright downloads no browser.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/playwright ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools"
  npm ci --no-audit --no-fund
fi

# Trunk runs offline (it must never download), and so does its cargo build.
cargo fetch --quiet

if [ "${1:-}" = browsers ]; then
  # Chromium and ChromeDriver; Firefox ESR (driven over WebDriver BiDi by
  # puppeteer-core); WebKitGTK's WebKitWebDriver and MiniBrowser, under Xvfb.
  # One apt run for whatever of them is missing, none for what is there.
  missing=""
  command -v chromium >/dev/null || missing="$missing chromium"
  command -v chromedriver >/dev/null || missing="$missing chromium-driver"
  command -v firefox-esr >/dev/null || missing="$missing firefox-esr"
  command -v WebKitWebDriver >/dev/null || missing="$missing webkit2gtk-driver"
  command -v Xvfb >/dev/null || missing="$missing xvfb"
  if [ -n "$missing" ]; then
    say "installing Debian's$missing"
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -q
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q $missing
  fi
fi

if [ "${1:-}" = load ]; then
  if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
    say "installing Debian's wrk and nginx"
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q wrk nginx
  fi
fi

# make vitals: Lighthouse and chrome-launcher, in bench/ (pinned by
# bench/package-lock.json), so that make test never installs them.
if [ "${1:-}" = vitals ]; then
  if [ ! -x bench/node_modules/.bin/lighthouse ] \
    || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
    say "installing Lighthouse for make vitals"
    npm ci --prefix bench --no-audit --no-fund
  fi
fi
