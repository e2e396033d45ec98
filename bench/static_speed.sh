#!/usr/bin/env bash
# Times each benchmark pair of bench/programs/ (X.py untyped, X_static.py Static Python), in one
# run: the untyped program under `python3`, the untyped program under `cinder run`, and the
# static program under `cinder run` (release build). Prints the median wall time of REPEAT runs
# of each, and each cinder time as a ratio to the python3 time (below 1.00x: faster than
# CPython). For issue 7 (static bytecode). On demand only; never part of CI.
#
# Usage: bench/static_speed.sh [NAME...]    (default: every pair in bench/programs/)
# Env:   REPEAT (default 5), SIZE (passed as sys.argv[1] to every program; default: each
#        program's own default size), CINDER (a cinder binary to use instead of building one).
#
# A cell reads "fails" when `cinder run` exits non-zero (e.g. a static module it cannot run
# yet), and "wrong" when it exits 0 but prints something other than what python3 printed for
# the untyped program. The static program runs without the plain-Python `__static__` stand-in:
# cinder must provide `__static__` itself.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PROGRAMS="$ROOT/bench/programs"
REPEAT="${REPEAT:-5}"
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT

if [ -z "${CINDER:-}" ]; then
  (cd "$ROOT" && cargo build --release --quiet --bin cinder) || { echo "cargo build --release failed" >&2; exit 1; }
  CINDER="$ROOT/target/release/cinder"
fi

NAMES=("$@")
if [ ${#NAMES[@]} -eq 0 ]; then
  for f in "$PROGRAMS"/*_static.py; do
    name="$(basename "$f" _static.py)"
    [ -f "$PROGRAMS/$name.py" ] && NAMES+=("$name")
  done
fi
ARGS=()
[ -n "${SIZE:-}" ] && ARGS=("$SIZE")

# median_time EXPECTED_FILE CMD...: the median wall time in seconds of REPEAT runs of CMD, or
# "fails" / "wrong" (stdout differs from EXPECTED_FILE; pass "" to skip the check).
median_time() {
  local expected="$1"; shift
  local times=() start end
  for _ in $(seq "$REPEAT"); do
    start=$(date +%s.%N)
    if ! "$@" >"$SCRATCH/out" 2>"$SCRATCH/err"; then echo fails; return; fi
    end=$(date +%s.%N)
    if [ -n "$expected" ] && ! cmp -s "$expected" "$SCRATCH/out"; then echo wrong; return; fi
    times+=("$(echo "$end - $start" | bc -l)")
  done
  printf "%s\n" "${times[@]}" | sort -g | awk '{ t[NR] = $1 } END { printf "%.3f\n", (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'
}

ratio() { # ratio TIME BASE: "1.23x", or TIME itself when it is not a number
  case "$1" in
    fails | wrong) echo "-" ;;
    *) echo "$1 $2" | awk '{ printf "%.2fx\n", $1 / $2 }' ;;
  esac
}

printf "%-14s %9s %9s %7s %13s %7s\n" program python3 cinder ratio cinder-static ratio
for name in "${NAMES[@]}"; do
  untyped="$PROGRAMS/$name.py"
  typed="$PROGRAMS/${name}_static.py"
  if [ ! -f "$untyped" ] || [ ! -f "$typed" ]; then
    echo "$name: no $name.py / ${name}_static.py pair"
    continue
  fi
  if ! python3 "$untyped" "${ARGS[@]}" >"$SCRATCH/expected" 2>"$SCRATCH/err"; then
    echo "$name: python3 fails: $(tail -1 "$SCRATCH/err")"
    continue
  fi
  # The untyped program runs as the .pyc CPython compiles (the runtime is measured, not our
  # code generator); the static one must be compiled by cinder itself.
  pyc="$SCRATCH/$name.pyc"
  python3 -c "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)" "$untyped" "$pyc"
  py=$(median_time "" python3 "$untyped" "${ARGS[@]}")
  ci=$(median_time "$SCRATCH/expected" "$CINDER" run "$pyc" "${ARGS[@]}")
  st=$(median_time "$SCRATCH/expected" "$CINDER" run "$typed" "${ARGS[@]}")
  printf "%-14s %9s %9s %7s %13s %7s\n" "$name" "$py" "$ci" "$(ratio "$ci" "$py")" "$st" "$(ratio "$st" "$py")"
done
