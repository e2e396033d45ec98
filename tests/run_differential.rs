//! Differential tests of `cinder run`: every program in `tests/programs_run/` (ours) and
//! `tests/programs/` (the code generator's corpus, when present) is compiled to `.pyc` by
//! `python3 -m py_compile`, run by `cinder run`, and must print exactly what `python3` prints
//! for the source: stdout, stderr (tracebacks included) and exit status.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn programs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut out = Vec::new();
    for dir in ["programs_run", "programs"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "py") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn python(args: &[&str], cwd: &Path) -> Output {
    Command::new("python3")
        .args(args)
        .current_dir(cwd)
        .env("PYTHONHASHSEED", "0")
        .output()
        .expect("python3 runs")
}

/// Runs one program both ways; `None` when they agree, else a description of the difference.
fn check(program: &Path, scratch: &Path) -> Option<String> {
    let dir = program.parent().expect("program in a folder");
    let name = program
        .file_stem()
        .expect("file name")
        .to_string_lossy()
        .into_owned();
    let pyc = scratch.join(format!("{name}.pyc"));
    let src = program.to_string_lossy().into_owned();
    let compiled = python(
        &[
            "-c",
            "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)",
            &src,
            &pyc.to_string_lossy(),
        ],
        dir,
    );
    if !compiled.status.success() {
        return Some(format!(
            "py_compile failed: {}",
            String::from_utf8_lossy(&compiled.stderr)
        ));
    }
    let expected = python(&[&src], dir);
    let actual = Command::new(env!("CARGO_BIN_EXE_cinder"))
        .arg("run")
        .arg(&pyc)
        .current_dir(dir)
        .env("CINDER_STDLIB", "/nonexistent")
        .output()
        .expect("cinder runs");
    let mut problems = Vec::new();
    if expected.stdout != actual.stdout {
        problems.push(format!(
            "stdout differs:\n--- python3\n{}\n--- cinder\n{}",
            String::from_utf8_lossy(&expected.stdout),
            String::from_utf8_lossy(&actual.stdout)
        ));
    }
    if expected.stderr != actual.stderr {
        problems.push(format!(
            "stderr differs:\n--- python3\n{}\n--- cinder\n{}",
            String::from_utf8_lossy(&expected.stderr),
            String::from_utf8_lossy(&actual.stderr)
        ));
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

/// Program names (file stems) listed in `tests/programs_run/known_gaps.txt`.
fn known_gaps() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs_run/known_gaps.txt");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split(':').next())
        .map(|n| n.trim().to_owned())
        .collect()
}

#[test]
fn programs_print_what_python3_prints() {
    let scratch = tempfile::tempdir().expect("temp dir");
    let programs = programs();
    assert!(
        programs.len() >= 150,
        "the corpus is missing ({} programs)",
        programs.len()
    );
    let gaps = known_gaps();
    let mut failures = Vec::new();
    for p in &programs {
        let name = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let known = gaps.contains(&name);
        match (check(p, scratch.path()), known) {
            (Some(problem), false) => failures.push(format!("=== {}\n{problem}", p.display())),
            (None, true) => failures.push(format!(
                "=== {}\nnow matches python3: remove it from known_gaps.txt",
                p.display()
            )),
            _ => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} programs differ:\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n")
    );
}
