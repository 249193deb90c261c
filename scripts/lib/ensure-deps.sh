#!/usr/bin/env bash
# Installs node_modules exactly as locked when they are missing or differ from the lockfile.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
if [[ -f node_modules/.package-lock.json ]] && cmp -s \
  <(node -e 'process.stdout.write(JSON.stringify(require("./package-lock.json").packages))') \
  <(node -e 'process.stdout.write(JSON.stringify(require("./node_modules/.package-lock.json").packages))' 2>/dev/null); then
  exit 0
fi
echo "installing dependencies (npm ci)…"
npm ci --no-audit --no-fund
