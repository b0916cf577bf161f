#!/usr/bin/env bash
# The map editor's frame times: builds the app, opens a journey of 300 touchpoints and 600
# transitions in the real window (under Xvfb when there is no display), tidies it, then pans and
# zooms it, with the whole map in view and at 90 % zoom, and prints the time between frames.
# Usage: scripts/bench-canvas.sh   (installs what is missing first, like scripts/test.sh)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
install_packages "${BUILD_PACKAGES[@]}" "${E2E_PACKAGES[@]}"
require_tools
install_ui_packages
install_tauri_driver
(cd ui && npx vite build --logLevel warn)
cargo build -p percorso-app
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
export PERCORSO_APP="$TARGET/debug/percorso-app"
export ARTIFACTS="$ROOT/artifacts"
in_window timeout --kill-after=10 300 cargo test -p percorso-app --test e2e \
  editor::a_map_of_300_touchpoints -- --nocapture --test-threads=1 2>&1 |
  grep -E "frame times|test result|panicked"
