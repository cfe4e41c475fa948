#!/usr/bin/env bash
# scan_corpus.sh: end-to-end throughput of `flowwarden scan` on a folder of
# n8n exports (by default the shared corpus, ../shared/corpus/n8n).
#
# Usage: bench/scan_corpus.sh [--json] [BINARY] [CORPUS_DIR]
#   BINARY      default: build/release/src/cli/flowwarden (from the repo root)
#   CORPUS_DIR  default: ../shared/corpus/n8n (from the repo root)
#   --json      print the results as one JSON object instead of text
#
# Runs `BINARY scan CORPUS_DIR -f json -o /dev/null --fail-on never` 5 times
# (FW_BENCH_RUNS overrides) pinned to CPU 0 with `taskset -c 0`, and reports
# the file count, the corpus size (sum of *.json sizes), each run's wall time,
# the median wall time, MB/s at the median and the median peak RSS.
# "MB" is 10^6 bytes throughout (corpus size, MB/s and peak memory).
#
# Exits 0 with "skipped: corpus not found" when the corpus folder is absent,
# 2 on a usage or setup problem, 1 when a scan fails.
#
# Dependencies: bash, awk, find, sort, taskset (util-linux) and GNU time as
# /usr/bin/time (the Debian package `time`: `apt-get install time`; the shell
# keyword `time` cannot report peak memory).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${FW_BENCH_RUNS:-5}"
JSON=0
POSITIONAL=()
for arg in "$@"; do
  case "$arg" in
    --json) JSON=1 ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    -*)
      echo "scan_corpus.sh: unknown option: $arg" >&2
      exit 2
      ;;
    *) POSITIONAL+=("$arg") ;;
  esac
done
if ((${#POSITIONAL[@]} > 2)); then
  echo "usage: bench/scan_corpus.sh [--json] [BINARY] [CORPUS_DIR]" >&2
  exit 2
fi
BINARY="${POSITIONAL[0]:-$ROOT/build/release/src/cli/flowwarden}"
CORPUS="${POSITIONAL[1]:-$ROOT/../shared/corpus/n8n}"

if [[ ! -d "$CORPUS" ]]; then
  if ((JSON)); then
    printf '{"skipped": true, "reason": "corpus not found", "corpus": "%s"}\n' "$CORPUS"
  else
    echo "skipped: corpus not found: $CORPUS"
  fi
  exit 0
fi
if [[ ! -x "$BINARY" ]]; then
  echo "scan_corpus.sh: flowwarden binary not found or not executable: $BINARY" >&2
  echo "  build it first (cmake --preset release && cmake --build --preset release)" >&2
  exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "scan_corpus.sh: /usr/bin/time not found; install GNU time: apt-get install time" >&2
  exit 2
fi
if ! command -v taskset > /dev/null; then
  echo "scan_corpus.sh: taskset not found (package util-linux)" >&2
  exit 2
fi
if ! [[ "$RUNS" =~ ^[1-9][0-9]*$ ]]; then
  echo "scan_corpus.sh: FW_BENCH_RUNS must be a positive integer" >&2
  exit 2
fi
CORPUS="$(cd "$CORPUS" && pwd)"

# Files and bytes the scanner walks: every *.json below the corpus folder.
read -r FILES BYTES < <(find "$CORPUS" -type f -name '*.json' -printf '%s\n' |
  awk '{ n++; b += $1 } END { printf "%d %d\n", n, b }')

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

WALLS=()
RSS_KB=()
for ((i = 1; i <= RUNS; i++)); do
  if ! /usr/bin/time -f '%e %M' -o "$TMP/time" \
    taskset -c 0 "$BINARY" scan "$CORPUS" -f json -o /dev/null --fail-on never \
    > "$TMP/stdout" 2> "$TMP/stderr"; then
    echo "scan_corpus.sh: run $i failed: $BINARY scan $CORPUS -f json -o /dev/null --fail-on never" >&2
    tail -n 20 "$TMP/stderr" "$TMP/time" >&2
    exit 1
  fi
  read -r wall rss < <(tail -n 1 "$TMP/time")
  WALLS+=("$wall")
  RSS_KB+=("$rss")
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); if (NR % 2) print v[m]; else print (v[m] + v[m + 1]) / 2 }'; }
MEDIAN_WALL="$(median "${WALLS[@]}")"
MEDIAN_RSS_KB="$(median "${RSS_KB[@]}")"

awk -v json="$JSON" -v binary="$BINARY" -v corpus="$CORPUS" -v files="$FILES" -v bytes="$BYTES" \
  -v walls="${WALLS[*]}" -v mwall="$MEDIAN_WALL" -v mrss="$MEDIAN_RSS_KB" 'BEGIN {
  mb = bytes / 1e6
  n = split(walls, w, " ")
  rss_mb = mrss * 1024 / 1e6
  rate = (mwall > 0) ? mb / mwall : -1
  if (json) {
    gsub(/\\/, "\\\\", binary); gsub(/"/, "\\\"", binary)
    gsub(/\\/, "\\\\", corpus); gsub(/"/, "\\\"", corpus)
    list = ""
    for (i = 1; i <= n; i++) list = list (i > 1 ? ", " : "") sprintf("%.2f", w[i])
    printf "{\"binary\": \"%s\", \"corpus\": \"%s\", \"files\": %d, \"mb\": %.2f, ", binary, corpus, files, mb
    printf "\"cpu\": 0, \"runs\": %d, \"wall_s\": [%s], \"median_wall_s\": %.2f, ", n, list, mwall
    printf "\"mb_per_s\": %s, \"median_peak_rss_mb\": %.1f}\n", (rate < 0 ? "null" : sprintf("%.2f", rate)), rss_mb
  } else {
    printf "binary:             %s\n", binary
    printf "corpus:             %s\n", corpus
    printf "files:              %d\n", files
    printf "MB:                 %.2f\n", mb
    for (i = 1; i <= n; i++) printf "run %d wall (s):     %.2f\n", i, w[i]
    printf "median wall (s):    %.2f   (%d runs, pinned to CPU 0)\n", mwall, n
    printf "MB/s at median:     %s\n", (rate < 0 ? "n/a (median below timer resolution)" : sprintf("%.2f", rate))
    printf "median peak RSS MB: %.1f\n", rss_mb
  }
}'
