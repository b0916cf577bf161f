#!/usr/bin/env bash
# Runs a command in a D-Bus session of its own with a real Secret Service in it: GNOME Keyring's
# daemon, on a new keyring in a temporary folder, unlocked as a desktop login would. The command
# then reaches the system keyring as on a user's desktop. The daemon ends with the session.
# Usage: scripts/with-keyring.sh COMMAND [ARG…]
set -euo pipefail
KEYRINGS="$(mktemp -d)"
trap 'rm -rf "$KEYRINGS"' EXIT
# shellcheck disable=SC2016 # expanded by the inner shell
dbus-run-session -- bash -c '
  printf percorso-test | XDG_DATA_HOME="$0" gnome-keyring-daemon --unlock --components=secrets >/dev/null
  "$@"
' "$KEYRINGS" "$@"
