//! `cinder check` end to end: which files are found (hidden, `.gitignore`, `exclude`,
//! explicit files, order) and bad input (unreadable files, bytes that are not UTF-8, empty
//! files, a syntax error among good files, 10,000-deep expressions). Projects are generated
//! in temporary folders, since git cannot hold most of these fixtures.
//!
//! Snapshots: `UPDATE_EXPECT=1 cargo test -p cinder --test cli_discover`.

#[path = "cli/support.rs"]
mod support;

use expect_test::expect;
use support::{project, run};

/// A file with a syntax error whose message names where it is.
const BROKEN: &[u8] = b"def f(:\n    pass\n";

fn concise(dir: &std::path::Path, extra: &[&str]) -> String {
    let mut args = vec!["check", "--output-format", "concise"];
    args.extend_from_slice(extra);
    run(dir, &args)
}

#[test]
fn folders_are_walked_in_sorted_order_for_py_and_pyi_only() {
    let dir = project(&[
        ("z.py", BROKEN),
        ("a/b.pyi", BROKEN),
        ("a/a.py", BROKEN),
        ("m.py", b"x = 1\n"),
        ("README.md", b"not (python\n"),
        ("script", b"not (python\n"),
        ("data.pyc", b"\x00\x01"),
    ]);
    expect![[r#"
        exit: 1
        a/a.py:1:7: error[syntax-error]: invalid syntax. Got unexpected token ':'
        a/b.pyi:1:7: error[syntax-error]: invalid syntax. Got unexpected token ':'
        z.py:1:7: error[syntax-error]: invalid syntax. Got unexpected token ':'
        Found 3 errors in 3 files (checked 4 files)
    "#]]
    .assert_eq(&concise(dir.path(), &[]));
}

#[test]
fn hidden_and_gitignored_paths_are_skipped() {
    let dir = project(&[
        (".gitignore", b"generated/\n*_gen.py\n"),
        ("a.py", BROKEN),
        (".hidden.py", BROKEN),
        (".venv/lib/site.py", BROKEN),
        ("generated/x.py", BROKEN),
        ("pkg/model_gen.py", BROKEN),
        ("pkg/.gitignore", b"local.py\n"),
        ("pkg/local.py", BROKEN),
        ("pkg/kept.py", BROKEN),
    ]);
    expect![[r#"
        exit: 1
        a.py:1:7: error[syntax-error]: invalid syntax. Got unexpected token ':'
        pkg/kept.py:1:7: error[syntax-error]: invalid syntax. Got unexpected token ':'
        Found 2 errors in 2 files (checked 2 files)
    "#]]
    .assert_eq(&concise(dir.path(), &[]));
}

#[test]
fn exclude_patterns_from_config_and_flags() {
    let dir = project(&[
        (
            "pyproject.toml",
            b"[tool.cinder]\nexclude = [\"build/\", \"/top_only.py\"]\n",
        ),
        ("a.py", BROKEN),
        ("build/b.py", BROKEN),
        ("top_only.py", BROKEN),
        ("sub/top_only.py", BROKEN),
        ("sub/skip_me.py", BROKEN),
        ("vendor/v.py", BROKEN),
    ]);
    expect![[r#"
        exit: 1
        a.py:1:7: error[syntax-error]: invalid syntax. Got unexpected token ':'
        sub/top_only.py:1:7: error[syntax-error]: invalid syntax. Got unexpected token ':'
        Found 2 errors in 2 files (checked 2 files)
    "#]]
    .assert_eq(&concise(
        dir.path(),
        &["--exclude", "skip_*.py", "--exclude", "vendor"],
    ));
}

#[test]
fn explicit_files_are_checked_even_when_excluded_hidden_or_not_python() {
    let dir = project(&[
        ("pyproject.toml", b"[tool.cinder]\nexclude = [\"build/\"]\n"),
        (".gitignore", b"ignored.py\n"),
        ("build/b.py", BROKEN),
        ("ignored.py", BROKEN),
        (".hidden.py", BROKEN),
        ("script", BROKEN),
    ]);
    expect![[r#"
        exit: 1
        .hidden.py:1:7: error[syntax-error]: invalid syntax. Got unexpected token ':'
        build/b.py:1:7: error[syntax-error]: invalid syntax. Got unexpected token ':'
        ignored.py:1:7: error[syntax-error]: invalid syntax. Got unexpected token ':'
        script:1:7: error[syntax-error]: invalid syntax. Got unexpected token ':'
        Found 4 errors in 4 files (checked 4 files)
    "#]]
    .assert_eq(&concise(
        dir.path(),
        &["build/b.py", "ignored.py", ".hidden.py", "script"],
    ));
    // A folder named on the command line is walked even when a pattern matches it.
    expect![[r#"
        exit: 1
        build/b.py:1:7: error[syntax-error]: invalid syntax. Got unexpected token ':'
        Found 1 error in 1 file (checked 1 file)
    "#]]
    .assert_eq(&concise(dir.path(), &["build"]));
}

#[test]
fn the_same_file_named_twice_is_checked_once() {
    let dir = project(&[("a.py", BROKEN)]);
    expect![[r#"
        exit: 1
        a.py:1:7: error[syntax-error]: invalid syntax. Got unexpected token ':'
        Found 1 error in 1 file (checked 1 file)
    "#]]
    .assert_eq(&concise(dir.path(), &["a.py", "./a.py", "."]));
}

#[test]
fn a_syntax_error_in_one_file_does_not_stop_the_others() {
    let dir = project(&[
        ("a.py", BROKEN),
        ("b.py", b"x = 1\n"),
        ("c.py", b"y = [1,\n"),
        ("empty.py", b""),
    ]);
    expect![[r#"
        exit: 1
        a.py:1:7: error[syntax-error]: invalid syntax. Got unexpected token ':'
        c.py:2:1: error[syntax-error]: unexpected EOF while parsing
        Found 2 errors in 2 files (checked 4 files)
    "#]]
    .assert_eq(&concise(dir.path(), &[]));
}

#[test]
fn bytes_that_are_not_utf8_are_a_diagnostic_naming_the_file() {
    let dir = project(&[
        ("bad.py", b"ok = 1\ns = 'caf\xe9'\n"),
        ("latin.py", b"# -*- coding: latin-1 -*-\ns = 'caf\xe9'\n"),
        ("bom.py", b"\xef\xbb\xbfs = 1\n"),
        ("good.py", BROKEN),
    ]);
    expect![[r#"
        exit: 1
        bad.py:2:9: error[invalid-encoding]: this file is not valid UTF-8 (byte 0xE9); save it as UTF-8 or declare `# coding: latin-1`
        good.py:1:7: error[syntax-error]: invalid syntax. Got unexpected token ':'
        Found 2 errors in 2 files (checked 4 files)
    "#]].assert_eq(&concise(dir.path(), &[]));
    expect![[r#"
        exit: 1
        error[invalid-encoding]: this file is not valid UTF-8 (byte 0xE9); save it as UTF-8 or declare `# coding: latin-1`
          ┌─ bad.py:2:9
          │
        2 │ s = 'caf�'
          │         ^

        Found 1 error in 1 file (checked 1 file)
    "#]].assert_eq(&run(dir.path(), &["check", "bad.py"]));
}

#[cfg(unix)]
#[test]
fn unreadable_files_are_a_diagnostic_naming_the_file() {
    let dir = project(&[("a.py", BROKEN)]);
    // A symlink to itself cannot be read by anyone, root included.
    std::os::unix::fs::symlink("loop.py", dir.path().join("loop.py"))
        .unwrap_or_else(|err| panic!("{err}"));
    std::os::unix::fs::symlink("nowhere.py", dir.path().join("dangling.py"))
        .unwrap_or_else(|err| panic!("{err}"));
    expect![[r#"
        exit: 1
        a.py:1:7: error[syntax-error]: invalid syntax. Got unexpected token ':'
        dangling.py:1:1: error[io-error]: cannot read this file: No such file or directory
        loop.py:1:1: error[io-error]: cannot read this file: Too many levels of symbolic links
        Found 3 errors in 3 files (checked 3 files)
    "#]]
    .assert_eq(&concise(dir.path(), &[]));
    expect![[r#"
        exit: 1
        [
          {
            "path": "loop.py",
            "line": 1,
            "column": 1,
            "end_line": 1,
            "end_column": 1,
            "severity": "error",
            "code": "io-error",
            "message": "cannot read this file: Too many levels of symbolic links"
          }
        ]
        --- stderr
        Found 1 error in 1 file (checked 1 file)
    "#]]
    .assert_eq(&run(
        dir.path(),
        &["check", "--output-format", "json", "loop.py"],
    ));
}

#[test]
fn ten_thousand_deep_expressions_do_not_overflow_the_stack() {
    let n = 10_000;
    let nested = |open: &str, close: &str| format!("x = {}1{}\n", open.repeat(n), close.repeat(n));
    let files = [
        ("parens.py", nested("(", ")")),
        ("lists.py", nested("[", "]")),
        (
            "calls.py",
            format!("def f(v):\n    return v\n\n\n{}", nested("f(", ")")),
        ),
        ("unary.py", format!("x = {}1\n", "-".repeat(n))),
        ("binary.py", format!("x = {}\n", vec!["1"; n].join(" + "))),
        (
            "attrs.py",
            format!("def g(a):\n    return a{}\n", ".b".repeat(n)),
        ),
        ("broken.py", format!("x = {}1\n", "(".repeat(n))),
    ];
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(p, t)| (*p, t.as_bytes())).collect();
    let dir = project(&refs);
    expect![[r#"
        exit: 1
        broken.py:2:1: error[syntax-error]: unexpected EOF while parsing
        Found 1 error in 1 file (checked 7 files)
    "#]]
    .assert_eq(&concise(dir.path(), &[]));
}
