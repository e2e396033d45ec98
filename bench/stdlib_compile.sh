#!/usr/bin/env bash
# Compiles every top-level module of python3's standard library with `cinder compile`,
# checks that each .pyc loads (marshal.loads), and runs CPython's own unit tests for a
# sample of modules with our sourceless .pyc first on PYTHONPATH.
#
# Usage: bench/stdlib_compile.sh [CINDER_BINARY]   (default: target/debug/cinder)
# Prints a summary line per phase; exits 1 if any step fails.
set -u
CINDER=${1:-target/debug/cinder}
STDLIB=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
compiled=0; failed=0; loadfail=0
for src in "$STDLIB"/*.py; do
    name=$(basename "$src" .py)
    if "$CINDER" compile "$src" -o "$OUT/$name.pyc" 2>"$OUT/$name.err"; then
        compiled=$((compiled + 1))
    else
        failed=$((failed + 1))
        echo "compile failed: $name: $(head -c 300 "$OUT/$name.err")"
    fi
done
echo "compiled: $compiled ok, $failed failed"
python3 - "$OUT" <<'PY' || loadfail=1
import marshal, sys, pathlib
bad = 0
files = sorted(pathlib.Path(sys.argv[1]).glob("*.pyc"))
for p in files:
    try:
        data = p.read_bytes()
        assert data[:4] == (3495).to_bytes(2, "little") + b"\r\n", "bad magic"
        marshal.loads(data[16:])
    except Exception as e:
        bad += 1
        print("load failed:", p.name, e)
print(f"loaded: {len(files) - bad} ok, {bad} failed")
sys.exit(1 if bad else 0)
PY
# CPython's tests for a sample of modules, importing our sourceless .pyc instead.
SAMPLE=${SAMPLE:-"bisect heapq textwrap shlex fnmatch colorsys string graphlib statistics difflib"}
testfail=0
for mod in $SAMPLE; do
    dir="$OUT/only_$mod"
    mkdir -p "$dir"
    cp "$OUT/$mod.pyc" "$dir/$mod.pyc" 2>/dev/null || { echo "test $mod: not compiled"; testfail=1; continue; }
    check=$(PYTHONPATH="$dir" python3 -c "import $mod; print($mod.__file__)")
    case "$check" in
        "$dir/$mod.pyc") ;;
        *) echo "test $mod: our .pyc was not imported ($check)"; testfail=1; continue ;;
    esac
    if PYTHONPATH="$dir" python3 -m test "test_$mod" >"$dir/test.log" 2>&1; then
        echo "test $mod: ok ($(grep -Eo 'Result: [A-Z]+' "$dir/test.log" | head -1))"
    else
        echo "test $mod: FAILED"; tail -20 "$dir/test.log"; testfail=1
    fi
done
[ "$failed" -eq 0 ] && [ "$loadfail" -eq 0 ] && [ "$testfail" -eq 0 ]
