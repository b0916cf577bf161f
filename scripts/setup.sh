#!/usr/bin/env bash
# Installs what building and testing Percorso needs on Debian/Ubuntu, skipping what is there.
# Sourced by scripts/run.sh and scripts/test.sh; uses sudo when not run as root.
set -euo pipefail

# protobuf-compiler: the Spark Connect client's build compiles its protocol files.
BUILD_PACKAGES=(build-essential pkg-config libssl-dev curl libwebkit2gtk-4.1-dev libgtk-3-dev
  librsvg2-dev libayatana-appindicator3-dev libxdo-dev protobuf-compiler libdbus-1-dev)
E2E_PACKAGES=(webkit2gtk-driver xvfb xauth dbus poppler-utils fonts-dejavu-core)
# The agreement test runs pm4py, the process-mining library, in a virtual environment.
# The token test keeps a token in a real Secret Service: GNOME Keyring's daemon (with-keyring.sh).
CHECK_PACKAGES=(python3 python3-venv gnome-keyring)
PM4PY_VERSION=2.7.23.11
# scripts/bench-vs-duckdb.sh compares with DuckDB, from PyPI in a virtual environment.
DUCKDB_VERSION=2.0.1
# The Spark tests run a local Spark cluster (scripts/spark.sh) from the pyspark wheel, on Java 17.
SPARK_PACKAGES=(openjdk-17-jre-headless)
PYSPARK_VERSION=4.3.0

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    return 1
  fi
}

install_packages() {
  local missing=()
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing ${missing[*]}"
  if ! { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}"; }; then
    echo "setup: could not install these Debian/Ubuntu packages: ${missing[*]}" >&2
    echo "setup: install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
}

require_tools() {
  if ! command -v cargo >/dev/null 2>&1; then
    echo "setup: Rust is missing: install it from rustup (https://rustup.rs), then run this again." >&2
    exit 1
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 20 ]; then
    echo "setup: Node.js $(node --version) is too old: the UI build needs Node.js 20 or later." >&2
    exit 1
  fi
}

install_ui_packages() {
  (cd "$ROOT/ui" && npm ci --no-audit --no-fund --loglevel=error)
}

# The Python of a virtual environment in the cache that holds PACKAGE==VERSION from PyPI (whose
# module is MODULE), made the first time; the path goes to standard output, the rest to stderr.
python_with() {
  local package="$1" version="$2" module="$3"
  local venv="${XDG_CACHE_HOME:-$HOME/.cache}/percorso/$package-$version"
  if ! "$venv/bin/python" -c "import $module" >/dev/null 2>&1; then
    echo "setup: installing $package $version" >&2
    rm -rf "$venv"
    python3 -m venv "$venv" >&2 || return 1
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$package==$version" >&2 || return 1
  fi
  echo "$venv/bin/python"
}

# pm4py (a fresh machine installs it in about a minute); exports PERCORSO_PM4PY, the python that
# the agreement test runs.
install_pm4py() {
  PERCORSO_PM4PY=$(python_with pm4py "$PM4PY_VERSION" pm4py)
  export PERCORSO_PM4PY
}

# DuckDB, for scripts/bench-vs-duckdb.sh only; exports PERCORSO_DUCKDB, its Python.
install_duckdb() {
  PERCORSO_DUCKDB=$(python_with duckdb "$DUCKDB_VERSION" duckdb)
  export PERCORSO_DUCKDB
}

# pyspark (a fresh machine installs it in about two minutes and 500 MB: the wheel carries Spark's
# jars); exports SPARK_HOME, the pyspark package folder.
install_spark() {
  local python
  python=$(python_with pyspark "$PYSPARK_VERSION" pyspark)
  SPARK_HOME=$("$python" -c "import os, pyspark; print(os.path.dirname(pyspark.__file__))")
  export SPARK_HOME
}

install_tauri_driver() {
  command -v tauri-driver >/dev/null 2>&1 && return 0
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --locked --version 2.1.0
}

# Runs a command that opens the app's window: on the display when there is one, else under Xvfb.
in_window() {
  if [ -n "${DISPLAY:-}" ]; then
    dbus-run-session -- "$@"
  else
    xvfb-run -a -s "-screen 0 1920x1080x24" dbus-run-session -- "$@"
  fi
}
