#!/usr/bin/env bash
# policy_overhead.sh: what a 200-rule policy library costs a scan.
#
# Usage: bench/policy/policy_overhead.sh [BINARY] [CORPUS_DIR]
#   BINARY      default: build/release/src/cli/flowwarden (from the repo root)
#   CORPUS_DIR  default: $FW_SHARED_DIR/corpus/n8n, else ../shared/corpus/n8n
#
# Generates a policy library of 200 rules (gen_library.sh: component allow and
# block patterns of every kind, connectors, community packages, approved
# hosts, five host groups with data classes and separation, settings, logging
# expectations, ownership and severity floors) into a temporary folder,
# checks it with `policy validate`, then times
#   BINARY scan CORPUS -f json -o /dev/null --fail-on never [--policy LIB]
# 5 times each (FW_BENCH_RUNS overrides), alternating, pinned to CPU 0 with
# `taskset -c 0`, and prints both medians and their ratio. Target: < 1.20.
# Exits 0 with "skipped" when the corpus is absent.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUNS="${FW_BENCH_RUNS:-5}"
BINARY="${1:-$ROOT/build/release/src/cli/flowwarden}"
DEFAULT_CORPUS="$ROOT/../shared/corpus/n8n"
[[ -n "${FW_SHARED_DIR:-}" ]] && DEFAULT_CORPUS="$FW_SHARED_DIR/corpus/n8n"
CORPUS="${2:-$DEFAULT_CORPUS}"

if [[ ! -d "$CORPUS" ]]; then
  echo "skipped: corpus not found: $CORPUS"
  exit 0
fi
if [[ ! -x "$BINARY" ]]; then
  echo "policy_overhead.sh: binary not found: $BINARY (cmake --preset release && cmake --build --preset release)" >&2
  exit 2
fi
command -v taskset > /dev/null || { echo "policy_overhead.sh: taskset not found (util-linux)" >&2; exit 2; }

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
"$HERE/gen_library.sh" "$TMP/lib" > "$TMP/count"
"$BINARY" policy validate "$TMP/lib" > "$TMP/validate" || {
  echo "policy_overhead.sh: the generated library does not validate" >&2
  exit 1
}

# Prints "WALL CPU" in seconds; CPU (user + sys, from GNU time when present)
# is steadier than wall time on a machine shared with other work.
now() { date +%s.%N; }
run() {
  local start end cpu=0
  start="$(now)"
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f '%U %S' -o "$TMP/time" \
      taskset -c 0 "$BINARY" scan "$CORPUS" -f json -o /dev/null --fail-on never "$@" > /dev/null 2> "$TMP/stderr" ||
      { echo "policy_overhead.sh: scan failed: $*" >&2; tail -n 5 "$TMP/stderr" >&2; exit 1; }
    cpu="$(tail -n 1 "$TMP/time" | awk '{ print $1 + $2 }')"
  else
    taskset -c 0 "$BINARY" scan "$CORPUS" -f json -o /dev/null --fail-on never "$@" > /dev/null 2> "$TMP/stderr" ||
      { echo "policy_overhead.sh: scan failed: $*" >&2; tail -n 5 "$TMP/stderr" >&2; exit 1; }
  fi
  end="$(now)"
  awk -v s="$start" -v e="$end" -v c="$cpu" 'BEGIN { printf "%.3f %.2f\n", e - s, c }'
}

# One warm-up run of each so the page cache is equally warm.
run > /dev/null
run --policy "$TMP/lib" > /dev/null
WALL0=()
WALL1=()
CPU0=()
CPU1=()
for ((i = 1; i <= RUNS; i++)); do
  read -r w c < <(run)
  WALL0+=("$w")
  CPU0+=("$c")
  read -r w c < <(run --policy "$TMP/lib")
  WALL1+=("$w")
  CPU1+=("$c")
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); if (NR % 2) print v[m]; else print (v[m] + v[m + 1]) / 2 }'; }
FILES="$(find "$CORPUS" -type f -name '*.json' | wc -l)"
echo "corpus:                    $CORPUS ($FILES files)"
echo "policy library:            $(cat "$TMP/count") rules; $(cat "$TMP/validate")"
echo "without policy, wall (s):  ${WALL0[*]}  median $(median "${WALL0[@]}")"
echo "with policy, wall (s):     ${WALL1[*]}  median $(median "${WALL1[@]}")"
awk -v a="$(median "${WALL0[@]}")" -v b="$(median "${WALL1[@]}")" 'BEGIN { printf "ratio (wall):              %.3f (target < 1.20)\n", b / a }'
if [[ -x /usr/bin/time ]]; then
  echo "without policy, CPU (s):   ${CPU0[*]}  median $(median "${CPU0[@]}")"
  echo "with policy, CPU (s):      ${CPU1[*]}  median $(median "${CPU1[@]}")"
  awk -v a="$(median "${CPU0[@]}")" -v b="$(median "${CPU1[@]}")" 'BEGIN { printf "ratio (CPU):               %.3f\n", b / a }'
fi
