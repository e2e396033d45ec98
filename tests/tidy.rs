//! Architecture invariants (ARCHITECTURE.md), checked by reading the sources.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Lines of `dir`'s Rust files (outside comments) that contain `needle`.
fn offenders(dir: &str, needle: &str, allow: &[&str]) -> Vec<String> {
    let base = root().join(dir);
    let mut found = Vec::new();
    for file in rust_files(&base) {
        let rel = file
            .strip_prefix(root())
            .unwrap_or(&file)
            .display()
            .to_string();
        if allow.iter().any(|a| rel.starts_with(a)) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for (i, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            if code.contains(needle) {
                found.push(format!("{rel}:{}: {}", i + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn bytecode_format_does_not_know_the_checker() {
    let bad = offenders("codegen/src/format", "cinder_checker", &[]);
    assert!(
        bad.is_empty(),
        "codegen::format must not depend on the checker:\n{}",
        bad.join("\n")
    );
}

#[test]
fn runtime_uses_only_the_bytecode_format() {
    let mut bad = Vec::new();
    for needle in ["cinder_checker", "salsa", "rustpython"] {
        bad.extend(offenders("runtime/src", needle, &[]));
    }
    let base = root().join("runtime/src");
    for file in rust_files(&base) {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for (i, line) in text.lines().enumerate() {
            let mut rest = line;
            while let Some(at) = rest.find("cinder_codegen") {
                let tail = &rest[at + "cinder_codegen".len()..];
                if !tail.starts_with("::format") {
                    bad.push(format!("{}:{}: {}", file.display(), i + 1, line.trim()));
                }
                rest = tail;
            }
        }
    }
    assert!(
        bad.is_empty(),
        "the runtime may name only cinder_codegen::format:\n{}",
        bad.join("\n")
    );
}

#[test]
fn checker_has_no_hidden_world() {
    let mut bad = Vec::new();
    for needle in [
        "std::fs",
        "std::env",
        "println!",
        "eprintln!",
        "std::time::SystemTime",
    ] {
        bad.extend(offenders("checker/src", needle, &[]));
    }
    assert!(
        bad.is_empty(),
        "the checker reads no files/env/clocks and prints nothing:\n{}",
        bad.join("\n")
    );
}

#[test]
fn unsafe_is_fenced_in() {
    let allowed = [
        "runtime/src/object",
        "runtime/src/jit",
        "runtime/src/loader",
    ];
    let mut bad = Vec::new();
    for dir in ["src", "checker/src", "codegen/src", "runtime/src"] {
        bad.extend(offenders(dir, "unsafe ", &allowed));
    }
    assert!(
        bad.is_empty(),
        "`unsafe` outside runtime::object, runtime::jit and the loader:\n{}",
        bad.join("\n")
    );
}

#[test]
fn dynasm_only_in_the_jit() {
    let bad = offenders("runtime/src", "dynasm", &["runtime/src/jit"]);
    assert!(
        bad.is_empty(),
        "only runtime::jit may know dynasmrt:\n{}",
        bad.join("\n")
    );
}
