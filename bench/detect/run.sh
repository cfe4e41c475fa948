#!/usr/bin/env bash
# run.sh: secrets plus personal-data detection speed on a corpus of exports,
# beside secretlint 12.0.0 (recommended preset) over the same files, and the
# secretlint cross-check on the secret test set.
#
# Usage: bench/detect/run.sh [CORPUS_DIR]
#   CORPUS_DIR  default: ../shared/corpus/n8n (from the repository root)
#   FW_DETECT_BENCH   the detect_bench binary; default: the first that exists
#                     of build/release, build/secrets, build/dev
#                     (bench/detect/detect_bench below each). Nothing is built.
#   FW_BENCH_RUNS     runs per measurement (default 5); medians are reported
#
# Steps:
#   1. detect_bench --json: one thread, median of N, secrets plus personal data
#      over every string value (and each alone, and parse+walk+scan), MB/s of
#      string values and of file bytes, wall and thread CPU time.
#   2. secretlint over the same *.json files, pinned to CPU 0, N runs, median
#      wall time; installed into bench/detect/.secretlint on first use with
#      `npm install` (secretlint@12.0.0 and its recommended preset).
#   3. The ratio of secretlint's median wall time to flowwarden's, for the
#      scan alone and for parse+walk+scan.
#   4. secretlint over tests/secrets/found/*.json and detect_bench
#      --compare-secretlint: every secret secretlint finds there must be found
#      by flowwarden too (exit 1 otherwise).
# Prints "skipped: corpus not found" and exits 0 when the corpus is absent.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUNS="${FW_BENCH_RUNS:-5}"
CORPUS="${1:-$ROOT/../shared/corpus/n8n}"

if [[ ! -d "$CORPUS" ]]; then
  echo "skipped: corpus not found: $CORPUS"
  exit 0
fi
CORPUS="$(cd "$CORPUS" && pwd)"

BIN="${FW_DETECT_BENCH:-}"
if [[ -z "$BIN" ]]; then
  for dir in release secrets dev; do
    if [[ -x "$ROOT/build/$dir/bench/detect/detect_bench" ]]; then
      BIN="$ROOT/build/$dir/bench/detect/detect_bench"
      break
    fi
  done
fi
if [[ -z "$BIN" || ! -x "$BIN" ]]; then
  echo "run.sh: detect_bench not found; build it first (cmake --build --preset release)" >&2
  exit 2
fi

SL="$HERE/.secretlint/node_modules/.bin/secretlint"
if [[ ! -x "$SL" ]]; then
  echo "installing secretlint 12.0.0 into $HERE/.secretlint" >&2
  npm install --silent --no-audit --no-fund --prefix "$HERE/.secretlint" \
    secretlint@12.0.0 @secretlint/secretlint-rule-preset-recommend@12.0.0 >&2
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

echo "== flowwarden detect_bench ($BIN)"
taskset -c 0 "$BIN" --runs "$RUNS" "$CORPUS" | tee "$TMP/fw.txt"
taskset -c 0 "$BIN" --json --runs "$RUNS" "$CORPUS" > "$TMP/fw.json"

echo
echo "== secretlint 12.0.0, recommended preset, same files, pinned to CPU 0"
FILES=$(find "$CORPUS" -type f -name '*.json' | wc -l)
WALLS=()
for ((i = 1; i <= RUNS; i++)); do
  start=$(date +%s.%N)
  # Exit status 1 means "found secrets"; only 2 and above are failures.
  set +e
  (cd "$CORPUS" && taskset -c 0 "$SL" --secretlintrc "$HERE/secretlintrc.json" --format json \
    "**/*.json" > "$TMP/sl-corpus.json" 2> "$TMP/sl-corpus.err")
  rc=$?
  set -e
  end=$(date +%s.%N)
  if ((rc > 1)); then
    echo "secretlint failed (exit $rc):" >&2
    tail -n 20 "$TMP/sl-corpus.err" >&2
    exit 1
  fi
  WALLS+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
done
SL_MEDIAN=$(printf '%s\n' "${WALLS[@]}" | sort -g |
  awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); if (NR % 2) print v[m]; else print (v[m] + v[m + 1]) / 2 }')
SL_FOUND=$(python3 -c 'import json,sys; print(sum(len(f["messages"]) for f in json.load(open(sys.argv[1]))))' "$TMP/sl-corpus.json")
echo "files: $FILES; wall (s): ${WALLS[*]}; median: $SL_MEDIAN; secrets reported: $SL_FOUND"

python3 - "$TMP/fw.json" "$SL_MEDIAN" <<'PY'
import json, sys
fw = json.load(open(sys.argv[1]))
sl = float(sys.argv[2])
mb = fw["file_mb"]
scan = fw["secrets_and_personal"]["median_wall_s"]
e2e = fw["parse_walk_scan"]["median_wall_s"]
print()
print("== comparison on the same %d files (%.2f MB)" % (fw["files"], mb))
print("secretlint:            %7.3f s  %7.1f MB/s" % (sl, mb / sl))
print("flowwarden scan:       %7.3f s  %7.1f MB/s   ratio %.1fx" % (scan, mb / scan, sl / scan))
print("flowwarden parse+scan: %7.3f s  %7.1f MB/s   ratio %.1fx" % (e2e, mb / e2e, sl / e2e))
PY

echo
echo "== secret test set (tests/secrets/found): secretlint versus flowwarden"
set +e
(cd "$ROOT/tests/secrets/found" && "$SL" --secretlintrc "$HERE/secretlintrc.json" --format json \
  "*.json" > "$TMP/sl-set.json" 2> "$TMP/sl-set.err")
rc=$?
set -e
if ((rc > 1)); then
  echo "secretlint failed on the test set (exit $rc)" >&2
  tail -n 20 "$TMP/sl-set.err" >&2
  exit 1
fi
EXPECTED=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["found"]))' "$ROOT/tests/secrets/expected.json")
echo "fake secrets in the set: $EXPECTED"
# Paths in secretlint's report are absolute; --compare-secretlint reads them.
"$BIN" --compare-secretlint "$TMP/sl-set.json"
