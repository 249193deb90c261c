#!/usr/bin/env bash
# Runs scripts/lib/kafka-smoke.mjs (kafkajs) against each given Apache Kafka version, each on a
# separate throw-away stack (own data dir, ports 19092/19093) so the main stack is not touched.
#
#   scripts/lib/kafka-matrix.sh 4.4.0 4.3.1 3.9.2
#
# Prints one line per version and leaves JSON results + logs in $MATRIX_DIR (default
# /tmp/dbulk-kafka-matrix). Used for docs/adr/0001-kafka-version.md.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
MATRIX_DIR="${MATRIX_DIR:-/tmp/dbulk-kafka-matrix}"
PORT="${MATRIX_KAFKA_PORT:-19092}"
CPORT="${MATRIX_KAFKA_CONTROLLER_PORT:-19093}"
(( $# )) || { sed -n '2,9p' "$0"; exit 2; }
mkdir -p "$MATRIX_DIR"
overall=0
for v in "$@"; do
  dir="$MATRIX_DIR/$v"
  rm -rf "$dir"; mkdir -p "$dir"
  stack=(env DBULK_DATA_DIR="$dir/data" KAFKA_VERSION="$v" DBULK_KAFKA_PORT="$PORT" DBULK_KAFKA_CONTROLLER_PORT="$CPORT"
         DATABASE_URL=postgres://matrix:unused@127.0.0.1:1/none DATABASE_URL_TEST=postgres://matrix:unused@127.0.0.1:1/none_test
         DBULK_SKIP_MIGRATIONS=1 KAFKA_BROKERS= "$ROOT/scripts/stack")
  t0=$SECONDS
  if "${stack[@]}" up >"$dir/up.log" 2>&1; then
    up_s=$(( SECONDS - t0 ))
    if KAFKA_BROKERS="127.0.0.1:$PORT" timeout 180 node "$ROOT/scripts/lib/kafka-smoke.mjs" --json >"$dir/smoke.json" 2>"$dir/smoke.err"; then
      echo "$v: PASS (up ${up_s}s) $(node -e 'const r=require(process.argv[1]);console.log(r.passed+" steps ok"+(r.results.some(x=>!x.ok)?"; informational failures: "+r.results.filter(x=>!x.ok).map(x=>x.step+": "+x.error).join("; "):""))' "$dir/smoke.json")"
    else
      overall=1
      echo "$v: FAIL (up ${up_s}s) $(node -e 'try{const r=require(process.argv[1]);console.log(r.results.filter(x=>!x.ok).map(x=>x.step+": "+x.error).join(" | "))}catch(e){console.log("no result: see smoke.err")}' "$dir/smoke.json")"
    fi
  else
    overall=1
    echo "$v: BROKER DID NOT START — $(grep -m1 'ERROR' "$dir/up.log" || tail -n1 "$dir/up.log")"
  fi
  "${stack[@]}" down >"$dir/down.log" 2>&1 || true
done
exit "$overall"
