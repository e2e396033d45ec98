//! Expected-output tests of the static runtime's guarantees and error messages: every
//! `tests/static_runtime/NAME.py` that has a `NAME.expected` runs under `cinder run` (static
//! modules compiled through the checker, `__static__` provided by the runtime itself, no
//! `PYTHONPATH`), and must exit 0 with exactly that stdout and nothing on stderr.
//!
//! The programs call static code from the plain-Python `dyn_helpers.py` (dynamic callers:
//! argument checks, checked-container inserts, typed attribute stores) and print each
//! exception as `Type: message`, so the files pin the messages of STATIC_PYTHON.md §3.
//! They are not differential: under `python3` with the plain-Python stand-in, primitives do
//! not wrap and nothing is checked.

use std::path::{Path, PathBuf};
use std::process::Command;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/static_runtime")
}

fn cases() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("tests/static_runtime exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "expected"))
        .collect();
    out.sort();
    out
}

/// `None` when the program prints what its `.expected` file says.
fn check(expected_file: &Path) -> Option<String> {
    let program = expected_file.with_extension("py");
    let name = program.file_name()?.to_string_lossy().into_owned();
    let expected = std::fs::read_to_string(expected_file).ok()?;
    let out = Command::new("timeout")
        .arg("60")
        .arg(env!("CARGO_BIN_EXE_cinder"))
        .arg("run")
        .arg(&name)
        .current_dir(dir())
        .env_remove("PYTHONPATH")
        .output()
        .expect("cinder runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut problems = Vec::new();
    if out.status.code() != Some(0) {
        problems.push(format!("exit status {:?}", out.status.code()));
    }
    if !stderr.is_empty() {
        problems.push(format!("stderr:\n{stderr}"));
    }
    if stdout != expected {
        problems.push(format!("stdout:\n{stdout}\nexpected:\n{expected}"));
    }
    (!problems.is_empty()).then(|| format!("{name}: {}", problems.join("\n")))
}

#[test]
fn static_runtime_errors_print_what_is_expected() {
    let cases = cases();
    assert!(
        cases.len() >= 5,
        "expected the static runtime cases, found {}",
        cases.len()
    );
    let failures: Vec<String> = cases.iter().filter_map(|c| check(c)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_static_module_without_the_stand_in_reports_uncaught_errors_on_stderr() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let program = tmp.path().join("bad_call.py");
    std::fs::write(
        &program,
        "import __static__\nfrom dyn_helpers import ident\n\n\ndef f(x: int) -> int:\n    return x\n\n\nif __name__ == \"__main__\":\n    ident(f)(\"no\")\n",
    )
    .expect("write program");
    std::fs::copy(
        dir().join("dyn_helpers.py"),
        tmp.path().join("dyn_helpers.py"),
    )
    .expect("copy helpers");
    let out = Command::new(env!("CARGO_BIN_EXE_cinder"))
        .arg("run")
        .arg("bad_call.py")
        .current_dir(tmp.path())
        .env_remove("PYTHONPATH")
        .output()
        .expect("cinder runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert!(
        stderr
            .trim_end()
            .ends_with("StaticTypeError: f expected 'int' for argument x, got 'str'"),
        "stderr: {stderr}"
    );
}
