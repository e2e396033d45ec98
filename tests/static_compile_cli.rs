//! `cinder compile` refuses a Static Python module with type errors: exit 1, each error
//! with its location and static code on stderr, and no `.pyc` written. A valid static
//! module next to it compiles.

use std::path::Path;
use std::process::{Command, Output};

fn cinder(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cinder"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("cinder runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_static_module_with_type_errors_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.py"),
        "import __static__\nfrom __static__ import int8\n\ndef f() -> int:\n    x: int8 = 300\n    return \"a\"\n",
    )
    .unwrap();
    let out = cinder(&["compile", "bad.py", "-o", "bad.pyc"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "bad.py:5:15: error[static-type-mismatch]: type mismatch: Literal[300] cannot be assigned to int8"
        ),
        "{err}"
    );
    assert!(
        err.contains("bad.py:6:12: error[static-bad-return]: mismatched types: expected int because of return type, found str instead"),
        "{err}"
    );
    assert!(!dir.path().join("bad.pyc").exists());
}

#[test]
fn a_valid_static_module_compiles() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.py"),
        "import __static__\nfrom __static__ import int64, box\n\ndef f(n: int64) -> int:\n    return box(n + 1)\n",
    )
    .unwrap();
    let out = cinder(&["compile", "good.py", "-o", "good.pyc"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(dir.path().join("good.pyc").is_file());
}

#[test]
fn the_static_benchmark_programs_check_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut programs: Vec<String> = std::fs::read_dir(root.join("bench/programs"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with("_static.py"))
        })
        .map(|p| p.display().to_string())
        .collect();
    programs.sort();
    assert!(!programs.is_empty());
    let mut args = vec!["check"];
    args.extend(programs.iter().map(String::as_str));
    let out = cinder(&args, root);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
}
