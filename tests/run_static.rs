//! Differential tests of static programs: every `tests/static_programs/*.py` (except the
//! `lib_*` modules they import) runs under `python3`, with the plain-Python stand-in
//! `tests/static_shim` on `PYTHONPATH`, and under `cinder run` (which compiles it through
//! the checker to static bytecode); stdout, stderr and exit status must be identical.
//!
//! `tests/static_programs/known_gaps.txt` lists programs that do not agree yet (one a line:
//! file name, then the reason); a listed program that now agrees fails the test too, so the
//! list only shrinks.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/static_programs")
}

fn programs() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("tests/static_programs exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "py")
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("lib_"))
        })
        .collect();
    out.sort();
    out
}

fn known_gaps() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(dir().join("known_gaps.txt")).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once(char::is_whitespace) {
            Some((file, reason)) => (file.to_string(), reason.trim().to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect()
}

fn with_timeout(cmd: Command) -> Output {
    let mut wrapped = Command::new("timeout");
    wrapped
        .arg("60")
        .arg(cmd.get_program())
        .args(cmd.get_args());
    if let Some(dir) = cmd.get_current_dir() {
        wrapped.current_dir(dir);
    }
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => wrapped.env(k, v),
            None => wrapped.env_remove(k),
        };
    }
    wrapped.output().expect("the command runs")
}

/// `None` when both runs agree, else a description of the difference.
fn check(program: &Path) -> Option<String> {
    let name = program.file_name()?.to_string_lossy().into_owned();
    let shim = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/static_shim");
    let mut py = Command::new("python3");
    py.arg(&name)
        .current_dir(dir())
        .env("PYTHONPATH", &shim)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1");
    let expected = with_timeout(py);
    let mut ours = Command::new(env!("CARGO_BIN_EXE_cinder"));
    ours.arg("run")
        .arg(&name)
        .current_dir(dir())
        .env_remove("PYTHONPATH");
    let actual = with_timeout(ours);
    let mut diffs = Vec::new();
    if expected.stdout != actual.stdout {
        diffs.push(format!(
            "stdout:\n--- python3\n{}--- cinder\n{}",
            String::from_utf8_lossy(&expected.stdout),
            String::from_utf8_lossy(&actual.stdout)
        ));
    }
    if expected.stderr != actual.stderr {
        diffs.push(format!(
            "stderr:\n--- python3\n{}--- cinder\n{}",
            String::from_utf8_lossy(&expected.stderr),
            String::from_utf8_lossy(&actual.stderr)
        ));
    }
    if expected.status.code() != actual.status.code() {
        diffs.push(format!(
            "status: python3 {:?}, cinder {:?}",
            expected.status.code(),
            actual.status.code()
        ));
    }
    (!diffs.is_empty()).then(|| diffs.join("\n"))
}

#[test]
fn static_programs_print_what_python_prints() {
    let programs = programs();
    assert!(
        programs.len() >= 60,
        "only {} static programs",
        programs.len()
    );
    let gaps = known_gaps();
    for (file, _) in &gaps {
        assert!(
            dir().join(file).is_file(),
            "known_gaps.txt names {file}, which does not exist"
        );
    }
    let mut failures = Vec::new();
    for program in &programs {
        let name = program
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let gap = gaps.iter().any(|(f, _)| *f == name);
        match (check(program), gap) {
            (Some(diff), false) => failures.push(format!("{name}:\n{diff}")),
            (None, true) => failures.push(format!(
                "{name} now agrees with python3: remove it from known_gaps.txt"
            )),
            _ => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} static programs differ:\n\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n\n")
    );
}
