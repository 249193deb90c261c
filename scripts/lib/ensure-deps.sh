#!/usr/bin/env bash
# Installs node_modules exactly as locked when they are missing or differ from the lockfile.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
if node -e '
  const fs = require("fs");
  const wanted = JSON.stringify(require("./package-lock.json").packages);
  const file = "node_modules/.package-lock.json";
  process.exit(fs.existsSync(file) && JSON.stringify(JSON.parse(fs.readFileSync(file, "utf8")).packages) === wanted ? 0 : 1);
'; then
  exit 0
fi
echo "installing dependencies (npm ci)…"
npm ci --no-audit --no-fund
