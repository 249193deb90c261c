#!/usr/bin/env bash
# Builds helm v3.22.0 once from the Go module proxy (no binary downloads) into a cache outside
# the repository and prints its path. Reused by later runs and by every clone on this machine:
#   HELM=$(bash scripts/lib/ensure-helm.sh) && "$HELM" lint charts/dbulk
# With a warm module cache (~/go/pkg/mod) the build takes about a minute; cold, it downloads
# helm's modules through GOPROXY first.
# @see https://helm.sh/docs/intro/install/#from-go
set -euo pipefail

VERSION=v3.22.0
CACHE="${DBULK_HELM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dbulk/helm-$VERSION}"
HELM="$CACHE/helm"

if [[ -x "$HELM" ]]; then
  echo "$HELM"
  exit 0
fi
command -v go >/dev/null 2>&1 || { echo "ensure-helm: go is not installed (needed to build helm $VERSION)" >&2; exit 1; }

mkdir -p "$CACHE"
# One builder at a time: parallel test runs may call this together.
exec 9>"$CACHE.lock"
flock -w 600 9 || { echo "ensure-helm: timed out waiting for another build" >&2; exit 1; }
if [[ -x "$HELM" ]]; then
  echo "$HELM"
  exit 0
fi

started=$(date +%s)
echo "ensure-helm: building helm $VERSION with go install (one time)…" >&2
LOG=$(mktemp)
if ! GOBIN="$CACHE" GOFLAGS=-mod=mod go install "helm.sh/helm/v3/cmd/helm@$VERSION" >"$LOG" 2>&1; then
  cat "$LOG" >&2
  rm -f "$LOG"
  echo "ensure-helm: go install helm.sh/helm/v3/cmd/helm@$VERSION failed" >&2
  exit 1
fi
rm -f "$LOG"
echo "ensure-helm: built in $(($(date +%s) - started)) s" >&2
"$HELM" version --short >&2
echo "$HELM"
