#!/usr/bin/env bash
# Speed of `cinder check` against mypy, ty and pyrefly on two real corpora, in one run.
# Run on demand, never in CI:  bash bench/check_speed.sh
#
# Corpora (under bench/.work/, which git ignores):
#   stdlib  the top-level modules (*.py directly in the folder) of the standard library of the
#           machine's python3 (sysconfig.get_paths()["stdlib"]), copied to one folder;
#   django  the `django/` package of the Django source distribution
#           (pip download --no-deps --no-binary :all: django==$DJANGO_VERSION).
# Tools: cinder (release build of this tree); mypy, ty and pyrefly from pip (pinned below) in a
# venv under bench/.work, each skipped with a note when it does not install.
# Every tool is run $RUNS times per corpus, cold (mypy's cache is deleted before each run);
# the table gives the median wall time and CPU time (user + system: steadier than wall time
# on a busy machine), lines per second (wall), the peak memory (max RSS from GNU time -v) and
# the ratio of each tool's median wall time to cinder's. A run that exits with 2 or more
# (a tool's fatal error, not "diagnostics found") is flagged FAILED.
#
# Environment: RUNS (default 3), DJANGO_VERSION, MYPY_VERSION, TY_VERSION, PYREFLY_VERSION.
set -euo pipefail

RUNS="${RUNS:-3}"
DJANGO_VERSION="${DJANGO_VERSION:-5.2.19}"
MYPY_VERSION="${MYPY_VERSION:-2.4.1}"
TY_VERSION="${TY_VERSION:-0.0.108}"
PYREFLY_VERSION="${PYREFLY_VERSION:-1.5.0}"

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$ROOT/bench/.work"
mkdir -p "$WORK"
cd "$WORK"

say() { printf '== %s\n' "$*" >&2; }

# GNU time, for the peak memory.
if ! /usr/bin/time -v true >/dev/null 2>&1; then
    say "installing GNU time"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq time >/dev/null
fi

# ---- corpora --------------------------------------------------------------------------
if [ ! -d stdlib ]; then
    say "copying the top-level stdlib modules"
    STDLIB="$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')"
    mkdir -p stdlib.tmp
    find "$STDLIB" -maxdepth 1 -name '*.py' -exec cp {} stdlib.tmp/ \;
    mv stdlib.tmp stdlib
fi
if [ ! -d "django-src/django" ]; then
    say "downloading Django $DJANGO_VERSION (sdist)"
    rm -rf dl django-src && mkdir -p dl django-src
    pip download --quiet --no-deps --no-binary :all: "django==$DJANGO_VERSION" -d dl
    tar -xzf dl/*.tar.gz -C django-src --strip-components=1
fi

# ---- tools ----------------------------------------------------------------------------
say "building cinder (release)"
(cd "$ROOT" && cargo build --release --quiet --bin cinder)
CINDER="$ROOT/target/release/cinder"

if [ ! -x venv/bin/python ]; then
    python3 -m venv venv
fi
for spec in "mypy==$MYPY_VERSION" "ty==$TY_VERSION" "pyrefly==$PYREFLY_VERSION"; do
    name="${spec%%==*}"
    if [ ! -x "venv/bin/$name" ]; then
        say "installing $spec"
        venv/bin/pip install --quiet "$spec" || say "$spec does not install here: skipped"
    fi
done

# ---- measuring ------------------------------------------------------------------------
lines_of() { find "$1" -name '*.py' -print0 | xargs -0 cat | wc -l; }
files_of() { find "$1" -name '*.py' | wc -l; }

# run_tool NAME CORPUS COMMAND...: RUNS cold runs of COMMAND in the folder above the corpus
# (COMMAND names the corpus folder, so packages are seen as packages); appends
# "name corpus wall cpu rss status" lines.
RESULTS="$WORK/results.txt"
: > "$RESULTS"
run_tool() {
    local name="$1" corpus="$2"
    shift 2
    local i
    for i in $(seq "$RUNS"); do
        rm -rf "$WORK/mypy_cache"
        local log="$WORK/time.log"
        # Diagnostics go to a file: their count differs by tool and is not what is timed.
        ( cd "$(dirname "$corpus")" && /usr/bin/time -v -o "$log" "$@" >"$WORK/$name.out" 2>&1 ) || true
        local wall cpu rss status
        wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")"
        cpu="$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$log")"
        rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")"
        status="$(awk -F': ' '/Exit status/ {print $2}' "$log")"
        echo "$name $(basename "$corpus") $wall $cpu $rss $status" >> "$RESULTS"
        say "$name on $(basename "$corpus"), run $i: $wall wall, ${cpu} s CPU, ${rss} KB, exit $status"
        if [ "$name" = cinder ] && grep -q "internal-error" "$WORK/$name.out"; then
            say "cinder reported an internal error (a panic) on $(basename "$corpus"):"
            grep "internal-error" "$WORK/$name.out" | head -5 >&2
        fi
    done
}

for corpus in "$WORK/stdlib" "$WORK/django-src/django"; do
    target="$(basename "$corpus")"
    run_tool cinder "$corpus" "$CINDER" check --output-format concise --no-progress "$target"
    # mypy stops at once on the stdlib corpus ("This file shadows library module"): reported as failed.
    [ -x venv/bin/mypy ] && run_tool mypy "$corpus" "$WORK/venv/bin/mypy" --cache-dir "$WORK/mypy_cache" "$target"
    [ -x venv/bin/ty ] && run_tool ty "$corpus" "$WORK/venv/bin/ty" check --no-progress "$target"
    # The default preset, as without a config pyrefly silences most checks; the corpora sit
    # in a git-ignored folder, so ignore files must not apply.
    [ -x venv/bin/pyrefly ] && run_tool pyrefly "$corpus" "$WORK/venv/bin/pyrefly" check --preset default --use-ignore-files=false "$target"
done

# ---- report ---------------------------------------------------------------------------
STDLIB_LINES="$(lines_of stdlib)"
DJANGO_LINES="$(lines_of django-src/django)"
echo
echo "corpora: stdlib top level $(files_of stdlib) files, $STDLIB_LINES lines (python3 $(python3 -c 'import platform; print(platform.python_version())'));" \
    "django $DJANGO_VERSION $(files_of django-src/django) files, $DJANGO_LINES lines; $RUNS cold runs each; $(nproc) cores;" \
    "load average now: $(cut -d' ' -f1-3 /proc/loadavg) (wall times stretch on a busy machine; CPU times much less)"
python3 - "$RESULTS" "$STDLIB_LINES" "$DJANGO_LINES" <<'PY'
import statistics, sys
path, stdlib_lines, django_lines = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
lines = {"stdlib": stdlib_lines, "django": django_lines}

def seconds(text):
    parts = [float(p) for p in text.split(":")]
    total = 0.0
    for p in parts:
        total = total * 60 + p
    return total

runs = {}
for row in open(path):
    name, corpus, wall, cpu, rss, status = row.split()
    runs.setdefault((corpus, name), []).append((seconds(wall), float(cpu), int(rss), int(status)))

print(f"{'corpus':8} {'tool':8} {'median s':>9} {'CPU s':>7} {'lines/s':>10} {'peak MB':>8} {'x cinder':>9}  note")
for corpus in ("stdlib", "django"):
    base = runs.get((corpus, "cinder"))
    base_time = statistics.median(s[0] for s in base) if base else None
    for name in ("cinder", "mypy", "ty", "pyrefly"):
        samples = runs.get((corpus, name))
        if not samples:
            print(f"{corpus:8} {name:8} {'-':>9}  not installed")
            continue
        median = statistics.median(s[0] for s in samples)
        cpu = statistics.median(s[1] for s in samples)
        peak = max(s[2] for s in samples) / 1024
        rate = lines[corpus] / median if median > 0 else float("inf")
        ratio = f"{median / base_time:.1f}" if base_time else "-"
        # Exit 0 or 1 is a finished check (1: diagnostics found); 2 and up is a failed run.
        worst = max(s[3] for s in samples)
        note = f"FAILED (exit {worst}): see bench/.work/{name}.out" if worst >= 2 else ""
        print(f"{corpus:8} {name:8} {median:9.2f} {cpu:7.2f} {rate:10.0f} {peak:8.0f} {ratio:>9}  {note}")
PY
