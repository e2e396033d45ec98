//! Instruction-level comparison with CPython: for every program listed in
//! `exact_programs.txt`, our code objects (recursively) must have exactly the instructions,
//! arguments, positions (`co_positions()`), exception tables, stack sizes, flags and names
//! that `compile()` of the machine's `python3` produces. The list only grows.

use std::path::Path;
use std::process::Command;

use cinder_codegen::format::marshal;
use cinder_codegen::{Mode, compile_source};

const COMPARE: &str = r#"
import dis, marshal, sys
src_path, ours_path = sys.argv[1], sys.argv[2]
theirs = compile(open(src_path).read(), src_path, "exec")
ours = marshal.loads(open(ours_path, "rb").read())
def norm(v):
    return "code:" + v.co_qualname if hasattr(v, "co_code") else repr(v)
def rows(co):
    pos = list(co.co_positions())
    out = [f"{i.opname} {norm(i.argval)} {pos[i.offset // 2]}" for i in dis.get_instructions(co)]
    out.append("exc " + repr([(e.start, e.end, e.target, e.depth, e.lasti) for e in dis._parse_exception_table(co)]))
    out.append(f"meta {co.co_stacksize} {co.co_flags} {co.co_argcount} {co.co_posonlyargcount} "
               f"{co.co_kwonlyargcount} {co.co_names} {co.co_varnames} {co.co_cellvars} "
               f"{co.co_freevars} {co.co_firstlineno} {co.co_qualname}")
    return out
def walk(a, b, path):
    ra, rb = rows(a), rows(b)
    if ra != rb:
        for x, y in zip(ra + ["<end>"] * len(rb), rb + ["<end>"] * len(ra)):
            if x != y:
                print(f"{path}: cpython {x!r} / cinder {y!r}")
                return False
    ca = [c for c in a.co_consts if hasattr(c, "co_code")]
    cb = [c for c in b.co_consts if hasattr(c, "co_code")]
    if len(ca) != len(cb):
        print(f"{path}: {len(ca)} nested code objects in cpython, {len(cb)} in cinder")
        return False
    return all(walk(x, y, path + "/" + x.co_name) for x, y in zip(ca, cb))
sys.exit(0 if walk(theirs, ours, "<module>") else 1)
"#;

#[test]
fn listed_programs_match_cpython_instruction_for_instruction() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let list = std::fs::read_to_string(root.join("tests/exact_programs.txt")).unwrap();
    let programs = root.join("../tests/programs");
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    let mut count = 0;
    for name in list
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        count += 1;
        let src = programs.join(format!("{name}.py"));
        let text = std::fs::read_to_string(&src).unwrap();
        let path = src.to_string_lossy().into_owned();
        let code = match compile_source(&text, &path, Mode::Exec) {
            Ok(code) => code,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        let ours = dir.path().join(format!("{name}.bin"));
        std::fs::write(&ours, marshal::write_code(&code)).unwrap();
        let out = Command::new("python3")
            .arg("-c")
            .arg(COMPARE)
            .arg(&src)
            .arg(&ours)
            .output()
            .unwrap();
        if !out.status.success() {
            failures.push(format!(
                "{name}: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    assert!(count >= 100, "the exact list shrank to {count}");
    assert!(
        failures.is_empty(),
        "{} of {count} programs differ from CPython:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
