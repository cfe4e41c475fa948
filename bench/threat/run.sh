#!/usr/bin/env bash
# run.sh: the threat-model analysis of a corpus on one core, median of 5.
#
# Usage: bench/threat/run.sh [BENCH_BINARY] [CORPUS_DIR]
#   BENCH_BINARY  default: build/release/bench/threat/threat_bench
#   CORPUS_DIR    default: $FW_SHARED_DIR/corpus/n8n, else ../shared/corpus/n8n
# FW_BENCH_RUNS changes the number of runs. Exits 0 with "skipped" when the
# corpus is absent. Target (issue 6): the n8n corpus in under 5 s on one core.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BINARY="${1:-$ROOT/build/release/bench/threat/threat_bench}"
SHARED="${FW_SHARED_DIR:-$ROOT/../shared}"
CORPUS="${2:-$SHARED/corpus/n8n}"
if [[ ! -d "$CORPUS" ]]; then
  echo "skipped: corpus not found: $CORPUS"
  exit 0
fi
if [[ ! -x "$BINARY" ]]; then
  echo "run.sh: $BINARY not found; build it with: cmake --preset release && cmake --build --preset release --target threat_bench" >&2
  exit 2
fi
exec taskset -c 0 "$BINARY" "$CORPUS" "${FW_BENCH_RUNS:-5}"
