#!/usr/bin/env bash
# Percorso against DuckDB, side by side on one machine and one log (issue: 10M events imported and
# reported at least 4× faster than DuckDB). Generates a seeded log of about EVENTS events with
# `percorso generate` (once; kept in the cache), installs DuckDB from PyPI in a cached virtual
# environment, then runs DuckDB's load + per-touchpoint/per-transition query and Percorso's import +
# report alternately, RUNS times each (scripts/bench_vs_duckdb.py), and prints every run, the
# medians, the peak memory and the ratio.
# Usage: scripts/bench-vs-duckdb.sh [EVENTS] [RUNS]   (defaults: 10000000 and 3)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
EVENTS="${1:-10000000}"
RUNS="${2:-3}"
install_packages "${BUILD_PACKAGES[@]}" python3 python3-venv
require_tools
install_duckdb
cargo build --release --bin percorso
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
PERCORSO="$TARGET/release/percorso"
DATA="${XDG_CACHE_HOME:-$HOME/.cache}/percorso/bench-vs-duckdb"
mkdir -p "$DATA"

# The demo generator writes about 7 events per customer; timestamps with mixed UTC offsets, as a
# log merged from systems in several countries (and the issue's log) has them.
LOG="$DATA/log-$EVENTS-mixed.csv"
if [ ! -s "$LOG" ]; then
  "$PERCORSO" generate --customers $((EVENTS / 7)) --seed 2026 --offsets mixed --out "$LOG.part"
  mv "$LOG.part" "$LOG"
fi
# The demo's journeys and no events: each Percorso run imports into a copy of it.
JOURNEY="$DATA/journey.percorso"
if [ ! -s "$JOURNEY" ]; then
  "$PERCORSO" demo --workspace "$JOURNEY" --customers 0 --force >/dev/null
fi

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)," \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "log: $LOG, $(($(wc -l < "$LOG") - 1)) events, $(du -h "$LOG" | cut -f1)"
echo "DuckDB $("$PERCORSO_DUCKDB" -c 'import duckdb; print(duckdb.__version__)'), Percorso $("$PERCORSO" --version)"
"$PERCORSO_DUCKDB" "$ROOT/scripts/bench_vs_duckdb.py" \
  "$PERCORSO_DUCKDB" "$PERCORSO" "$JOURNEY" "$LOG" "$DATA" "$RUNS"
