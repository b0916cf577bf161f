#!/usr/bin/env bash
# Analyze on a large workspace, in the app that scripts/run.sh builds, beside the release CLI's
# `percorso report` on the same file. Writes a demo workspace of EVENTS events (default 10M) once,
# opens it in the real window (under Xvfb when there is no display), clicks Analyze and prints how
# long the numbers take to appear; then prints the median of three `percorso report --format json`
# runs (each reopens the workspace, as the app does).
# Usage: scripts/bench-analyze.sh [EVENTS]   (installs what is missing first, like scripts/test.sh)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
EVENTS="${1:-10000000}"
install_packages "${BUILD_PACKAGES[@]}" "${E2E_PACKAGES[@]}"
require_tools
install_ui_packages
install_tauri_driver
(cd ui && npx vite build --logLevel warn)
cargo build -p percorso-app
cargo build --release --bin percorso
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
BENCH="$TARGET/bench"
mkdir -p "$BENCH"
WORKSPACE="$BENCH/analyze-$EVENTS.percorso"
export PERCORSO_APP="$TARGET/debug/percorso-app"
export ARTIFACTS="$ROOT/artifacts"
export PERCORSO_E2E_EVENTS="$EVENTS" PERCORSO_E2E_LARGE_WORKSPACE="$WORKSPACE"
in_window timeout --kill-after=10 900 cargo test -p percorso-app --test e2e \
  analyze::a_large_workspace -- --nocapture --test-threads=1 2>&1 |
  grep -E "large workspace|analyze timing|test result|panicked"
times=()
for _ in 1 2 3; do
  start=$(date +%s.%N)
  "$TARGET/release/percorso" report --workspace "$WORKSPACE" --format json >/dev/null
  end=$(date +%s.%N)
  times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
printf 'release CLI: percorso report --format json on %s: median %.2f s of %s\n' \
  "$WORKSPACE" "$median" "${times[*]}"
