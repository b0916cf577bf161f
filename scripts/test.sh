#!/usr/bin/env bash
# Runs every test: formatting, lints (clippy, ESLint, Prettier), engine and command tests, the UI's type
# check and unit tests, and the end-to-end test of the real app under Xvfb. Installs what is missing first.
# Prints the counts at the end; leaves no process behind, pass or fail.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"

# Cargo's target folder lives in a cache outside the clone, so a second run on the same machine
# (another clone, or CI after a session) does not rebuild the world; a fresh machine starts it
# empty and builds everything. PERCORSO_TARGET_DIR overrides it (e.g. for two runs at once).
export CARGO_TARGET_DIR="${PERCORSO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/percorso/target}"
# Each clone is a new path, so incremental state would pile up in the shared folder, unused.
export CARGO_INCREMENTAL=0
mkdir -p "$CARGO_TARGET_DIR"

LOGS="$ROOT/artifacts/logs"
mkdir -p "$LOGS"
rm -f "$LOGS"/*.log

step() { echo; echo "==> $*"; }

cleanup() {
  # The e2e run lives in its own session; whatever is left of it goes.
  if [ -n "${E2E_PGID:-}" ]; then
    kill -KILL -- "-$E2E_PGID" 2>/dev/null || true
  fi
  # Every JVM of the Spark cluster, when this run started one. A start still under way is
  # stopped first (its own trap then stops what it began), so no JVM outlives an early failure.
  if [ -n "${SPARK_STARTED:-}" ]; then
    kill -TERM "${SPARK_START_PID:-}" 2>/dev/null || true
    wait "${SPARK_START_PID:-}" 2>/dev/null || true
    bash "$ROOT/scripts/spark.sh" stop || true
  fi
}
trap cleanup EXIT

step "installing what is missing"
install_packages "${BUILD_PACKAGES[@]}" "${E2E_PACKAGES[@]}" "${CHECK_PACKAGES[@]}"
require_tools
install_ui_packages
install_tauri_driver
install_pm4py
install_packages "${SPARK_PACKAGES[@]}"
install_spark

# The Spark cluster takes about half a minute to start: it starts now, in the background, and
# is ready by the time the Spark tests run.
SPARK_STARTED=1
bash "$ROOT/scripts/spark.sh" start > "$LOGS/spark-url" 2> "$LOGS/spark-start.log" &
SPARK_START_PID=$!

step "cargo fmt --check"
cargo fmt --all --check

step "UI: type check, lint, format check, unit tests, build"
(cd ui && npx tsc --noEmit)
(cd ui && npm run --silent lint)
(cd ui && npm run --silent format:check)
(cd ui && npx vitest run --reporter=default 2>&1 | tee "$LOGS/vitest.log")
(cd ui && npx vite build --logLevel warn)

step "cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings
# The e2e crate is `test = false` (it needs the built app and a window), so --all-targets skips it.
cargo clippy -p percorso-app --test e2e -- -D warnings

step "engine and command tests"
cargo test --workspace 2>&1 | tee "$LOGS/cargo-test.log"

step "agreement with pm4py"
# With the Spark feature, as the Spark tests below: one build of the engine serves both.
cargo test -p percorso --features spark --test pm4py_agreement 2>&1 | tee -a "$LOGS/cargo-test.log"

step "the Spark engine against a real cluster"
if ! wait "$SPARK_START_PID"; then
  cat "$LOGS/spark-start.log" >&2
  echo "the Spark cluster did not start; see above" >&2
  exit 1
fi
export PERCORSO_SPARK_URL
PERCORSO_SPARK_URL=$(cat "$LOGS/spark-url")
cargo test -p percorso --features spark --test spark_agreement -- --test-threads=1 2>&1 | tee -a "$LOGS/cargo-test.log"
cargo test -p percorso-cli --test spark_cli -- --test-threads=1 2>&1 | tee -a "$LOGS/cargo-test.log"

step "the Spark token in the system keyring (a real Secret Service)"
bash scripts/with-keyring.sh cargo test -p percorso --features spark --test spark_token 2>&1 | tee -a "$LOGS/cargo-test.log"

step "end-to-end test of the real app"
cargo build -p percorso-app
export PERCORSO_APP="$CARGO_TARGET_DIR/debug/percorso-app"
export ARTIFACTS="$ROOT/artifacts"
cargo test -p percorso-app --test e2e --no-run
setsid timeout --kill-after=10 600 \
  xvfb-run -a -s "-screen 0 1920x1080x24" bash scripts/with-keyring.sh \
  cargo test -p percorso-app --test e2e -- --nocapture --test-threads=1 > "$LOGS/e2e.log" 2>&1 &
E2E_PGID=$!
E2E_STATUS=0
wait "$E2E_PGID" || E2E_STATUS=$?
grep -E "^test |test result|panicked|screenshot:|assert|left:|right:" "$LOGS/e2e.log" || true
cleanup
E2E_PGID=
if [ "$E2E_STATUS" -ne 0 ]; then
  # What each failure said, and what the window showed then: the lines above hold neither.
  grep -A2 "panicked at" "$LOGS/e2e.log" | grep -v "^stack backtrace" || true
  grep -E "^(alerts shown|page shown|screenshot of the failure)" "$LOGS/e2e.log" || true
  echo "end-to-end test failed (exit $E2E_STATUS); full log: $LOGS/e2e.log" >&2
fi

step "counts"
sum_of() { grep -h "^test result:" "$LOGS/cargo-test.log" "$LOGS/e2e.log" | awk -v w="$1" '{ for (i = 2; i <= NF; i++) if ($i ~ "^" w) { n = $(i - 1); gsub(/[^0-9]/, "", n); s += n } } END { print s + 0 }'; }
rust_passed=$(sum_of passed)
rust_failed=$(sum_of failed)
ui_passed=$(sed -E 's/\x1b\[[0-9;]*m//g' "$LOGS/vitest.log" | awk '$1 == "Tests" { for (i = 2; i <= NF; i++) if ($i ~ /^passed/) n = $(i - 1) } END { print n + 0 }')
echo "Rust: $rust_passed passed, $rust_failed failed (engine, commands, end-to-end)"
echo "UI:   $ui_passed passed (vitest)"
echo "Screenshots: $(ls "$ROOT"/artifacts/*.png 2>/dev/null | tr '\n' ' ')"
echo "$((rust_passed + ui_passed)) passed, $rust_failed failed"
[ "$E2E_STATUS" -eq 0 ] && [ "$rust_failed" -eq 0 ]
