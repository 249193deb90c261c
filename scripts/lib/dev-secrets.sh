#!/usr/bin/env bash
# Local development secrets, made once per checkout in .data/dev-secrets.env (never committed).
# Production takes these from the environment (see docs/local-stack.md and the chart).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mkdir -p .data
file=.data/dev-secrets.env
if [[ ! -f "$file" ]]; then
  umask 077
  {
    echo "# made by scripts/lib/dev-secrets.sh on $(date -u +%FT%TZ); local development only"
    echo "ENCRYPTION_KEY=$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))')"
    echo "META_APP_SECRET=dev-app-secret-$(node -e 'process.stdout.write(require("crypto").randomBytes(12).toString("hex"))')"
    echo "META_WEBHOOK_VERIFY_TOKEN=dev-verify-$(node -e 'process.stdout.write(require("crypto").randomBytes(8).toString("hex"))')"
  } > "$file"
fi
echo "$file"
