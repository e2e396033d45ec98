//! Shared by the `cli_*` tests: run the built `cinder` binary in a folder and describe
//! what it did (exit code, stdout, stderr) as one text for `expect-test` snapshots.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The folder of a committed fixture project under `tests/cli/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cli")
        .join(name)
}

/// Runs `cinder ARGS` in `dir` and returns `exit: N`, then stdout, then stderr if any.
pub fn run(dir: &Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_cinder"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .unwrap_or_else(|err| panic!("cannot run cinder: {err}"));
    let code = output
        .status
        .code()
        .map_or_else(|| "signal".to_string(), |c| c.to_string());
    let mut text = format!("exit: {code}\n{}", String::from_utf8_lossy(&output.stdout));
    if !output.stderr.is_empty() {
        text.push_str("--- stderr\n");
        text.push_str(&String::from_utf8_lossy(&output.stderr));
    }
    text
}

/// A temporary project: files written from `(path, bytes)` pairs, plus an empty
/// `pyproject.toml` unless one is given (so the configuration search stops there).
pub fn project(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("tempdir: {err}"));
    if !files.iter().any(|(path, _)| *path == "pyproject.toml") {
        write(dir.path(), "pyproject.toml", b"");
    }
    for (path, bytes) in files {
        write(dir.path(), path, bytes);
    }
    dir
}

pub fn write(root: &Path, path: &str, bytes: &[u8]) {
    let path = root.join(path);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .unwrap_or_else(|err| panic!("mkdir {}: {err}", parent.display()));
    }
    std::fs::write(&path, bytes).unwrap_or_else(|err| panic!("write {}: {err}", path.display()));
}
