//! The benchmark programs in `bench/programs/` agree with their Static Python twins: every
//! `X_static.py` has an untyped `X.py`, and at a small size both print the same bytes to stdout
//! and exit 0 under stock `python3` (the static one with the plain-Python `__static__` stand-in
//! from `tests/static_shim/` on `PYTHONPATH`). Input: the program files; output: pass or fail.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Small sizes (`sys.argv[1]`) that keep each run well under a second.
const SMALL_SIZES: &[(&str, &str)] = &[
    ("chaos", "500"),
    ("deltablue", "1"),
    ("fannkuch", "7"),
    ("float", "1000"),
    ("nbody", "500"),
    ("nqueens", "6"),
    ("richards", "1"),
    ("spectral_norm", "40"),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every program file in `bench/programs/`, by file stem.
fn program_stems() -> Vec<String> {
    let dir = root().join("bench/programs");
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    let mut stems: Vec<String> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    stems.sort();
    stems
}

/// The names `X` of every `X_static.py`.
fn static_programs() -> Vec<String> {
    program_stems()
        .iter()
        .filter_map(|s| s.strip_suffix("_static").map(str::to_owned))
        .collect()
}

fn run_python(program: &Path, size: &str, shim: bool) -> Output {
    let mut cmd = Command::new("python3");
    cmd.arg(program)
        .arg(size)
        .env("PYTHONHASHSEED", "0")
        .env_remove("PYTHONPATH");
    if shim {
        cmd.env("PYTHONPATH", root().join("tests/static_shim"));
    }
    cmd.output()
        .unwrap_or_else(|e| panic!("running python3 {}: {e}", program.display()))
}

/// Runs both versions of `name`; the untyped stdout, or a description of what went wrong.
fn compare(name: &str) -> Result<String, String> {
    let size = SMALL_SIZES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, s)| *s)
        .ok_or_else(|| format!("{name}: no small size in SMALL_SIZES (tests/bench_programs.rs)"))?;
    let dir = root().join("bench/programs");
    let untyped = run_python(&dir.join(format!("{name}.py")), size, false);
    let typed = run_python(&dir.join(format!("{name}_static.py")), size, true);
    let mut problems = Vec::new();
    for (label, out) in [("untyped", &untyped), ("static", &typed)] {
        if !out.status.success() {
            problems.push(format!(
                "{label} exited with {:?}:\n{}",
                out.status.code(),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        if out.stdout.is_empty() {
            problems.push(format!("{label} printed nothing"));
        }
    }
    if untyped.stdout != typed.stdout {
        problems.push(format!(
            "stdout differs:\n--- {name}.py\n{}--- {name}_static.py\n{}",
            String::from_utf8_lossy(&untyped.stdout),
            String::from_utf8_lossy(&typed.stdout)
        ));
    }
    if problems.is_empty() {
        Ok(String::from_utf8_lossy(&untyped.stdout).into_owned())
    } else {
        Err(format!("=== {name} (size {size})\n{}", problems.join("\n")))
    }
}

#[test]
fn every_static_program_has_an_untyped_twin() {
    let stems = program_stems();
    let statics = static_programs();
    assert!(
        statics.len() >= 6,
        "expected the six static benchmark programs, found {statics:?}"
    );
    let missing: Vec<&String> = statics
        .iter()
        .filter(|name| !stems.contains(name))
        .collect();
    assert!(
        missing.is_empty(),
        "static programs without an untyped X.py: {missing:?}"
    );
}

#[test]
fn static_and_untyped_versions_print_the_same() {
    let names = static_programs();
    let results: Vec<(String, Result<String, String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = names
            .iter()
            .map(|name| (name.clone(), scope.spawn(move || compare(name))))
            .collect();
        handles
            .into_iter()
            .map(|(name, h)| {
                let result = h
                    .join()
                    .unwrap_or_else(|_| Err(format!("{name}: the runner thread panicked")));
                (name, result)
            })
            .collect()
    });
    let failures: Vec<&String> = results
        .iter()
        .filter_map(|(_, r)| r.as_ref().err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} pairs disagree:\n{}",
        failures.len(),
        results.len(),
        failures
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The published invariants of two classic benchmarks, so that a bug shared by both
    // versions still fails: Richards' counts for an idle count of 10000, and DeltaBlue's
    // self-checks.
    let output = |name: &str| {
        results
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, r)| r.as_ref().ok())
            .cloned()
    };
    let richards = output("richards").expect("richards ran");
    assert!(
        richards.contains("run 0: hold 9297 queue 23246"),
        "richards counts are off:\n{richards}"
    );
    let deltablue = output("deltablue").expect("deltablue ran");
    assert_eq!(
        deltablue.matches("failures 0").count(),
        2,
        "deltablue self-checks failed:\n{deltablue}"
    );
}
