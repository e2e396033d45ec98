//! Differential tests of the native stdlib modules (`runtime/src/stdlib/`): every program in
//! `tests/programs_stdlib/` is run from source by `cinder run` (against the machine's CPython
//! 3.11 standard library folder) and by `python3`, and both must print the same bytes on
//! stdout and stderr and exit with the same status.

use std::path::{Path, PathBuf};
use std::process::Command;

fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("programs_stdlib");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/programs_stdlib exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    out.sort();
    out
}

/// Runs one program both ways; `None` when they agree, else a description of the difference.
fn check(program: &Path) -> Option<String> {
    let dir = program.parent().expect("program in a folder");
    let expected = Command::new("python3")
        .arg(program)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env_remove("PYTHONPATH")
        .output()
        .expect("python3 runs");
    let actual = Command::new(env!("CARGO_BIN_EXE_cinder"))
        .arg("run")
        .arg(program)
        .current_dir(dir)
        .env_remove("PYTHONPATH")
        .env_remove("CINDER_STDLIB")
        .output()
        .expect("cinder runs");
    let mut problems = Vec::new();
    for (what, want, got) in [
        ("stdout", &expected.stdout, &actual.stdout),
        ("stderr", &expected.stderr, &actual.stderr),
    ] {
        if want != got {
            problems.push(format!(
                "{what} differs:\n--- python3\n{}\n--- cinder\n{}",
                String::from_utf8_lossy(want),
                String::from_utf8_lossy(got)
            ));
        }
    }
    if expected.status.code() != actual.status.code() {
        problems.push(format!(
            "exit status: python3 {:?}, cinder {:?}",
            expected.status.code(),
            actual.status.code()
        ));
    }
    if problems.is_empty() {
        None
    } else {
        Some(problems.join("\n"))
    }
}

#[test]
fn stdlib_programs_print_what_python3_prints() {
    let programs = programs();
    assert!(
        !programs.is_empty(),
        "tests/programs_stdlib holds no programs"
    );
    let failures: Vec<String> = programs
        .iter()
        .filter_map(|p| check(p).map(|problem| format!("=== {}\n{problem}", p.display())))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} programs differ:\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n")
    );
}
