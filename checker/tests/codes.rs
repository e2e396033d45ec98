//! Every diagnostic code in the registry is exercised by at least one test: an mdtest
//! assertion `[code]` under `tests/mdtest/`, or an `error[code]` in a test snapshot (the
//! codes only the driver reports, such as I/O and encoding errors, are tested on the CLI,
//! and `internal-error` in the bin's unit tests).

use std::path::{Path, PathBuf};

use cinder_checker::diagnostics::codes::ALL;

fn files_under(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

#[test]
fn every_code_has_a_test_that_triggers_it() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    let mut files = Vec::new();
    files_under(&manifest.join("tests/mdtest"), "md", &mut files);
    files_under(&manifest.join("../tests"), "rs", &mut files);
    files_under(&manifest.join("tests"), "rs", &mut files);
    let mut unit_tests = Vec::new();
    files_under(&manifest.join("../src"), "rs", &mut unit_tests);
    unit_tests.retain(|f| f.file_name().is_some_and(|n| n == "tests.rs"));
    for file in &files {
        texts.push(std::fs::read_to_string(file).unwrap_or_default());
    }
    // The bin's unit tests name codes as strings (`["internal-error"]`).
    let unit_texts: Vec<String> = unit_tests
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap_or_default())
        .collect();
    let untested: Vec<&str> = ALL
        .iter()
        .map(|c| c.name())
        .filter(|name| {
            let bracketed = format!("[{name}]");
            let quoted = format!("\"{name}\"");
            !texts.iter().any(|t| t.contains(&bracketed))
                && !unit_texts.iter().any(|t| t.contains(&quoted))
        })
        .collect();
    assert!(
        untested.is_empty(),
        "codes with no test that triggers them: {untested:?}"
    );
}

#[test]
fn every_code_is_declared_once_with_a_summary() {
    let mut names: Vec<&str> = ALL.iter().map(|c| c.name()).collect();
    for code in ALL {
        assert!(!code.summary().is_empty(), "{} has no summary", code.name());
        assert!(
            code.name()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{} is not kebab-case",
            code.name()
        );
    }
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len(), "a code is declared twice");
}
