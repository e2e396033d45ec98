#!/usr/bin/env bash
# Times pyperformance's pure-Python benchmarks under `cinder run` (release build) and
# `python3` in the same run, and prints the ratios. On demand only; never part of CI.
#
# Usage: bench/run_speed.sh [BENCH...]     (default: the tier-A set below)
# Needs: python3 (CPython 3.11), pip (to download pyperformance once), cargo.
# Each benchmark runs as an unmodified run_benchmark.py with a tiny stand-in `pyperf`
# module that calls the benchmark function LOOPS times; the whole process is timed, best of
# REPEAT runs. Both interpreters run the same bytecode: CPython compiles it with py_compile.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${CINDER_BENCH_CACHE:-${TMPDIR:-/tmp}/cinder-bench}"
REPEAT="${REPEAT:-3}"
BENCHES=("$@")
if [ ${#BENCHES[@]} -eq 0 ]; then
  BENCHES=(nbody fannkuch spectral_norm float richards deltablue nqueens unpack_sequence generators coroutines)
fi
# Loops per benchmark: about one second of CPython time each.
declare -A LOOPS=([nbody]=10 [fannkuch]=3 [spectral_norm]=10 [float]=10 [richards]=20 [deltablue]=200
  [nqueens]=10 [unpack_sequence]=20000 [generators]=5 [coroutines]=20 [chaos]=10 [go]=5 [hexiom]=20
  [raytrace]=3 [richards_super]=20)

mkdir -p "$CACHE"
if [ ! -d "$CACHE/pyperformance" ]; then
  python3 -m pip download --quiet --no-deps pyperformance==1.14.0 -d "$CACHE"
  (cd "$CACHE" && python3 -m zipfile -e pyperformance-1.14.0-py3-none-any.whl .)
fi
(cd "$ROOT" && cargo build --release --quiet --bin cinder)
CINDER="$ROOT/target/release/cinder"

best_time() { # best wall time of REPEAT runs of "$@", or "fail"
  local best="" t
  for _ in $(seq "$REPEAT"); do
    local start end
    start=$(date +%s.%N)
    if ! "$@" >/dev/null 2>"$CACHE/last.err"; then echo fail; return; fi
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc)
    if [ -z "$best" ] || (( $(echo "$t < $best" | bc) )); then best=$t; fi
  done
  echo "$best"
}

printf "%-16s %10s %10s %8s\n" benchmark python3 cinder ratio
for b in "${BENCHES[@]}"; do
  src="$CACHE/pyperformance/data-files/benchmarks/bm_$b/run_benchmark.py"
  [ -f "$src" ] || { echo "$b: no such benchmark"; continue; }
  dir="$CACHE/run/$b"; mkdir -p "$dir"
  cp "$src" "$dir/run_benchmark.py"
  cat > "$dir/pyperf.py" <<PY
import time
LOOPS = ${LOOPS[$b]:-5}
perf_counter = time.perf_counter
class _Args:
    pass
class _ArgParser:
    def __init__(self):
        self.defaults = {}
    def add_argument(self, *names, **kw):
        dest = kw.get("dest", names[-1].lstrip("-").replace("-", "_"))
        self.defaults[dest] = kw.get("default")
class Runner:
    def __init__(self, *args, **kw):
        self.metadata = {}
        self.argparser = _ArgParser()
    def parse_args(self, args=None):
        ns = _Args()
        for k, v in self.argparser.defaults.items():
            setattr(ns, k, v)
        return ns
    def bench_func(self, name, func, *args, **kw):
        for _ in range(LOOPS):
            func(*args)
    def bench_time_func(self, name, func, *args, **kw):
        func(LOOPS, *args)
PY
  python3 -m py_compile "$dir/pyperf.py"
  python3 -c "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)" \
    "$dir/run_benchmark.py" "$dir/run_benchmark.pyc"
  py=$(cd "$dir" && best_time python3 run_benchmark.py)
  ci=$(cd "$dir" && best_time "$CINDER" run run_benchmark.pyc)
  if [ "$ci" = fail ] || [ "$py" = fail ]; then
    printf "%-16s %10s %10s %8s  %s\n" "$b" "$py" "$ci" "-" "$(tail -1 "$CACHE/last.err")"
  else
    printf "%-16s %10.3f %10.3f %7.2fx\n" "$b" "$py" "$ci" "$(echo "$ci / $py" | bc -l)"
  fi
done
