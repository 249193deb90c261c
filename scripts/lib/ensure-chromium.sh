#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (playwright-core
# drives it; it downloads no browser of its own). Idempotent and quiet: prints one line only
# when it has to install, and the apt log only when the install fails.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
if [[ -x "$CHROMIUM" ]]; then
  exit 0
fi

SUDO=""
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "ensure-chromium: $CHROMIUM is missing and this user cannot install it (no root, no sudo)" >&2
    exit 1
  fi
fi

# One installer at a time (parallel test runs may call this together).
LOCK=/tmp/dbulk-ensure-chromium.lock
exec 9>"$LOCK"
flock -w 900 9 || { echo "ensure-chromium: timed out waiting for another install" >&2; exit 1; }
[[ -x "$CHROMIUM" ]] && exit 0

echo "ensure-chromium: installing chromium with apt-get (one time)…" >&2
LOG=$(mktemp)
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium; } >"$LOG" 2>&1; then
  cat "$LOG" >&2
  rm -f "$LOG"
  echo "ensure-chromium: apt-get install chromium failed" >&2
  exit 1
fi
rm -f "$LOG"
[[ -x "$CHROMIUM" ]] || { echo "ensure-chromium: installed, but $CHROMIUM is still missing" >&2; exit 1; }
