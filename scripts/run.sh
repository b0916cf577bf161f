#!/usr/bin/env bash
# Builds Percorso and opens it on the demo workspace (created on first start).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/setup.sh"

install_packages "${BUILD_PACKAGES[@]}"
require_tools
install_ui_packages
(cd "$ROOT/ui" && npm run build --silent)
cargo build -p percorso-app --manifest-path "$ROOT/Cargo.toml"
exec "$ROOT/target/debug/percorso-app" "$@"
