//! marshal, line tables and exception tables against what `python3` writes.

use super::*;
use crate::format::{exception_table, line_table};
use std::path::{Path, PathBuf};
use std::process::Command;

fn python(script: &str, args: &[&str]) -> String {
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Compiles a few standard-library modules (and a source of our own) with `py_compile`.
fn compiled_pycs(dir: &Path) -> Vec<PathBuf> {
    let source = dir.join("sample.py");
    std::fs::write(
        &source,
        "import os\n\ndef f(a, b=2, *c, d, **e):\n    try:\n        return [x * 2 for x in c if x]\n    except (ValueError, TypeError) as err:\n        raise RuntimeError('x') from err\n    finally:\n        print('\u{e9}t\u{e9}', 10**30, -10**20, 1.5, 2j, b'by', ..., None, frozenset({1}))\n\nclass C:\n    async def m(self):\n        async with self as s:\n            await s\n",
    )
    .unwrap();
    let script = r#"
import py_compile, sys, os, importlib.util
out = sys.argv[1]
mods = ["shutil", "argparse", "dataclasses", "enum", "json.decoder", "asyncio.tasks", "re._parser", "typing"]
for m in mods:
    spec = importlib.util.find_spec(m)
    dst = os.path.join(out, m + ".pyc")
    py_compile.compile(spec.origin, cfile=dst, doraise=True)
    print(dst)
dst = os.path.join(out, "sample.pyc")
py_compile.compile(os.path.join(out, "sample.py"), cfile=dst, doraise=True)
print(dst)
"#;
    python(script, &[dir.to_str().unwrap()])
        .lines()
        .map(PathBuf::from)
        .collect()
}

#[test]
fn python_pycs_round_trip_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    for path in compiled_pycs(dir.path()) {
        let bytes = std::fs::read(&path).unwrap();
        let body = &bytes[16..];
        let (code, layout) =
            read_code_with_layout(body).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let again = write_code_with_layout(&code, &layout);
        assert!(again == body, "{} did not round-trip", path.display());
        // Without the layout, the value still round-trips.
        let plain = write_code(&code);
        assert_eq!(read_code(&plain).unwrap(), code, "{}", path.display());
    }
}

/// Prints, for each code object (depth first, in `co_consts` order), its positions and its
/// exception table as `dis` parses them.
const TABLES_SCRIPT: &str = r#"
import marshal, sys, dis
def walk(code):
    print("code", code.co_qualname)
    print("pos", ";".join(",".join("-" if v is None else str(v) for v in p) for p in code.co_positions()))
    print("exc", ";".join(f"{e.start//2},{e.end//2},{e.target//2},{e.depth},{int(e.lasti)}" for e in dis._parse_exception_table(code)))
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            walk(c)
with open(sys.argv[1], "rb") as f:
    f.read(16)
    walk(marshal.load(f))
"#;

fn walk(code: &CodeObject, out: &mut String) {
    out.push_str(&format!("code {}\n", code.qualname));
    let entries = line_table::decode(code.firstlineno, &code.linetable).unwrap();
    let positions = line_table::positions(&entries);
    let show = |v: Option<u32>| v.map_or("-".to_string(), |v| v.to_string());
    let pos: Vec<String> = positions
        .iter()
        .map(|p| match p {
            Some(l) => format!(
                "{},{},{},{}",
                l.line,
                l.end_line,
                show(l.col),
                show(l.end_col)
            ),
            None => "-,-,-,-".to_string(),
        })
        .collect();
    out.push_str(&format!("pos {}\n", pos.join(";")));
    let handlers = exception_table::decode(&code.exceptiontable).unwrap();
    let exc: Vec<String> = handlers
        .iter()
        .map(|h| {
            format!(
                "{},{},{},{},{}",
                h.start, h.end, h.target, h.depth, h.lasti as u8
            )
        })
        .collect();
    out.push_str(&format!("exc {}\n", exc.join(";")));
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            walk(inner, out);
        }
    }
}

/// Rebuilds each table from its decoded form with our encoders.
fn reencode(code: &CodeObject) {
    let entries = line_table::decode(code.firstlineno, &code.linetable).unwrap();
    let spans: Vec<line_table::LocationSpan> = entries
        .iter()
        .map(|e| line_table::LocationSpan {
            units: e.end - e.start,
            location: e.location,
        })
        .collect();
    let again = line_table::encode(code.firstlineno, &spans);
    let back = line_table::decode(code.firstlineno, &again).unwrap();
    assert_eq!(
        line_table::positions(&back),
        line_table::positions(&entries),
        "{}",
        code.qualname
    );
    let handlers = exception_table::decode(&code.exceptiontable).unwrap();
    assert_eq!(
        exception_table::encode(&handlers),
        code.exceptiontable,
        "{}",
        code.qualname
    );
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            reencode(inner);
        }
    }
}

#[test]
fn line_and_exception_tables_decode_like_dis() {
    let dir = tempfile::tempdir().unwrap();
    for path in compiled_pycs(dir.path()) {
        let bytes = std::fs::read(&path).unwrap();
        let code = read_code(&bytes[16..]).unwrap();
        let mut ours = String::new();
        walk(&code, &mut ours);
        let theirs = python(TABLES_SCRIPT, &[path.to_str().unwrap()]);
        assert!(ours == theirs, "{}: tables differ", path.display());
        reencode(&code);
    }
}

fn every_kind() -> Vec<Constant> {
    use num_bigint::BigInt;
    vec![
        Constant::None,
        Constant::Ellipsis,
        Constant::Bool(true),
        Constant::Bool(false),
        Constant::Int(0),
        Constant::Int(-7),
        Constant::Int(1 << 40),
        Constant::Int(i64::MIN),
        Constant::BigInt(BigInt::from(10).pow(40)),
        Constant::BigInt(-BigInt::from(3).pow(100)),
        Constant::Float(1.5),
        Constant::Float(-0.0),
        Constant::Float(f64::INFINITY),
        Constant::Complex {
            real: 0.0,
            imag: 2.5,
        },
        Constant::Str(String::new()),
        Constant::Str("name_like".into()),
        Constant::Str("with space".into()),
        Constant::Str("x".repeat(300)),
        Constant::Str("caf\u{e9} \u{1f600}".into()),
        Constant::Bytes(b"\x00\xffbytes".to_vec()),
        Constant::Tuple(vec![]),
        Constant::Tuple(vec![
            Constant::Int(1),
            Constant::Str("a".into()),
            Constant::Tuple(vec![Constant::None]),
        ]),
        Constant::Tuple((0..300).map(Constant::Int).collect()),
        Constant::FrozenSet(vec![Constant::Int(3)]),
        Constant::FrozenSet(vec![]),
    ]
}

#[test]
fn every_constant_kind_round_trips_through_python_marshal() {
    // Each constant: our bytes -> python marshal.loads -> repr, and python's marshal.dumps
    // of that value -> our reader -> the same constant.
    let script = r#"
import marshal, sys
for line in sys.stdin.read().split():
    value = marshal.loads(bytes.fromhex(line))
    print(marshal.dumps(value).hex(), ascii(value)[:60])
"#;
    let input: Vec<String> = every_kind()
        .iter()
        .map(|c| {
            write_constant(c)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect()
        })
        .collect();
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(script)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.join("\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), every_kind().len());
    for (constant, line) in every_kind().iter().zip(lines) {
        let hex = line.split(' ').next().unwrap();
        let bytes: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect();
        let back = read_constant(&bytes).unwrap();
        assert_eq!(back.identity_key(), constant.identity_key(), "{line}");
        assert_eq!(
            read_constant(&write_constant(constant))
                .unwrap()
                .identity_key(),
            constant.identity_key()
        );
    }
}

#[test]
fn nested_code_objects_round_trip() {
    let inner = CodeObject {
        name: "inner".into(),
        qualname: "f.<locals>.inner".into(),
        ..Default::default()
    };
    let outer = CodeObject {
        consts: vec![Constant::Code(std::sync::Arc::new(inner)), Constant::None],
        names: vec!["print".into(), "print".into()],
        localsplusnames: vec!["x".into()],
        localspluskinds: vec![0x20],
        ..Default::default()
    };
    assert_eq!(read_code(&write_code(&outer)).unwrap(), outer);
}

#[test]
fn corrupt_input_is_an_error_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let paths = compiled_pycs(dir.path());
    let bytes = std::fs::read(paths.last().unwrap()).unwrap();
    let body = &bytes[16..];
    for cut in 0..body.len() {
        assert!(read_code(&body[..cut]).is_err(), "prefix {cut} accepted");
    }
    // Flip bytes one at a time: any result is fine, as long as nothing panics.
    for i in 0..body.len() {
        let mut bad = body.to_vec();
        bad[i] ^= 0x5a;
        let _ = read_code(&bad);
    }
    assert!(matches!(
        read_constant(b"r\x05\x00\x00\x00"),
        Err(MarshalError::BadReference { .. })
    ));
    assert!(matches!(
        read_constant(b"(\xff\xff\xff\x7f"),
        Err(MarshalError::Truncated { .. })
    ));
    assert!(matches!(
        read_constant(b"["),
        Err(MarshalError::Unsupported { .. })
    ));
    assert!(matches!(
        read_constant(b"\x01"),
        Err(MarshalError::BadTypeCode { .. })
    ));
    let deep = [b')', 1].repeat(5000);
    assert!(matches!(
        read_constant(&deep),
        Err(MarshalError::TooDeep { .. })
    ));
}
