#!/usr/bin/env bash
# run_smoke.sh: a short libFuzzer run on the checked-in seeds. Builds nothing
# and is not part of CI; use it after `cmake --build --preset fuzz`.
#
# Usage: tests/fuzz/run_smoke.sh FUZZ_BINARY [SECONDS]
#   FUZZ_BINARY  e.g. build/fuzz/tests/fuzz/fuzz_n8n_import or .../fuzz_json
#   SECONDS      how long to fuzz (default 60)
#
# Seeds: examples/ (read recursively) and tests/fuzz/seeds/, both read-only;
# dictionary: tests/fuzz/n8n.dict. New inputs go to a temporary folder that is
# deleted afterwards, so nothing is written into the repository. On a crash the
# folder is kept and its path printed (it holds the crash-* reproducer).
# Exits 0 when the binary is missing ("skipped"), else with libFuzzer's status.
set -euo pipefail

if (($# < 1 || $# > 2)); then
  echo "usage: tests/fuzz/run_smoke.sh FUZZ_BINARY [SECONDS]" >&2
  exit 2
fi
BINARY="$1"
SECONDS_TO_RUN="${2:-60}"
if ! [[ "$SECONDS_TO_RUN" =~ ^[1-9][0-9]*$ ]]; then
  echo "run_smoke.sh: SECONDS must be a positive integer, got: $SECONDS_TO_RUN" >&2
  exit 2
fi
if [[ ! -x "$BINARY" ]]; then
  echo "skipped: fuzz binary not found: $BINARY (build it with: cmake --preset fuzz && cmake --build --preset fuzz)"
  exit 0
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SEEDS=()
for dir in "$ROOT/examples" "$ROOT/tests/fuzz/seeds"; do
  [[ -d "$dir" ]] && SEEDS+=("$dir")
done
DICT=()
[[ -f "$ROOT/tests/fuzz/n8n.dict" ]] && DICT=("-dict=$ROOT/tests/fuzz/n8n.dict")

WORK="$(mktemp -d "${TMPDIR:-/tmp}/flowwarden-fuzz-smoke.XXXXXX")"
mkdir -p "$WORK/corpus"

# Abort (not just print) on undefined behaviour, so libFuzzer sees it.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

status=0
"$BINARY" -max_total_time="$SECONDS_TO_RUN" -rss_limit_mb=2048 -max_len=65536 -timeout=25 \
  "${DICT[@]}" -artifact_prefix="$WORK/" -print_final_stats=1 \
  "$WORK/corpus" "${SEEDS[@]}" || status=$?

if ((status == 0)); then
  rm -rf "$WORK"
  echo "run_smoke.sh: no crash in ${SECONDS_TO_RUN}s ($(basename "$BINARY"))"
else
  echo "run_smoke.sh: $(basename "$BINARY") failed with status $status; reproducer and corpus kept in $WORK" >&2
fi
exit "$status"
