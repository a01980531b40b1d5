#!/usr/bin/env bash
# Idempotent set-up for a fresh machine: everything `make run` and `make test` need.
# Each step checks first and does nothing when its pinned version is already there.
#   scripts/setup.sh          tools to build and run the console
#   scripts/setup.sh --test   plus Debian's Chromium for the end-to-end tests
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10   # 0.3.11 needs a newer rustc than the stable one here
WASM_BINDGEN_VERSION=0.2.130  # must equal the wasm-bindgen crate pinned in Cargo.toml
want_browser=false
[ "${1:-}" = "--test" ] && want_browser=true

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo leptos --version 2>/dev/null | grep -q " ${CARGO_LEPTOS_VERSION}\$"; then
  say "installing cargo-leptos ${CARGO_LEPTOS_VERSION} (about 25 minutes on 2 cores, once)"
  # no_downloads: a missing tool fails at once instead of trying a download.
  cargo install cargo-leptos --locked --version "${CARGO_LEPTOS_VERSION}" --features no_downloads
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " ${WASM_BINDGEN_VERSION}\$"; then
  say "installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (about 5 minutes, once)"
  # Not --locked: a locked dependency version of it is missing from the registry.
  cargo install wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}" --force
fi

# npm packages: Playwright (no browser download) and binaryen's wasm-opt for release builds.
if [ ! -x end2end/node_modules/.bin/playwright ] || [ ! -x end2end/node_modules/.bin/wasm-opt ] \
   || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  say "installing npm packages in end2end/"
  (cd end2end && npm ci --no-audit --no-fund)
fi

# Debian's binaryen (108) breaks hydration; only npm's binaryen 132 may be used.
if [ -x /usr/bin/wasm-opt ]; then
  say "warning: /usr/bin/wasm-opt (Debian's binaryen) is present; the Makefile puts npm's first on PATH"
fi

if $want_browser && [ ! -x /usr/bin/chromium ]; then
  say "installing Debian's Chromium"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
fi
say "ready"
