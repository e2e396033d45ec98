//! `cinder check` end to end: every output format, every exit code, configuration and its
//! errors, on the fixture project `tests/cli/project` and on generated projects.
//!
//! Snapshots: `UPDATE_EXPECT=1 cargo test -p cinder --test cli_check`.

#[path = "cli/support.rs"]
mod support;

use expect_test::{Expect, expect};
use support::{fixture, project, run};

fn check_fixture(args: &[&str], expect: Expect) {
    expect.assert_eq(&run(&fixture("project"), args));
}

#[test]
fn default_format_is_full_when_stdout_is_not_a_terminal() {
    check_fixture(
        &["check"],
        expect![[r#"
        exit: 1
        error[syntax-error]: invalid syntax. Got unexpected token ']'
          ┌─ pkg/broken.py:2:7
          │
        2 │ "é", s]
          │       ^

        error[syntax-error]: unexpected EOF while parsing
          ┌─ stub.pyi:3:1
          │
        3 │
          │ ^

        Found 2 errors in 2 files (checked 4 files)
    "#]],
    );
}

#[test]
fn format_full() {
    check_fixture(
        &["check", "--output-format", "full"],
        expect![[r#"
        exit: 1
        error[syntax-error]: invalid syntax. Got unexpected token ']'
          ┌─ pkg/broken.py:2:7
          │
        2 │ "é", s]
          │       ^

        error[syntax-error]: unexpected EOF while parsing
          ┌─ stub.pyi:3:1
          │
        3 │
          │ ^

        Found 2 errors in 2 files (checked 4 files)
    "#]],
    );
}

#[test]
fn format_pretty() {
    check_fixture(
        &["check", "--output-format", "pretty"],
        expect![[r#"
        exit: 1
        [syntax-error] Error: invalid syntax. Got unexpected token ']'
           ╭─[ pkg/broken.py:2:7 ]
           │
         2 │ "é", s]
           │       │
           │       ╰─ here
        ───╯

        [syntax-error] Error: unexpected EOF while parsing
           ╭─[ stub.pyi:2:10 ]
           │
         2 │ class C(
           │          │
           │          ╰─ here
        ───╯

        Found 2 errors in 2 files (checked 4 files)
    "#]],
    );
}

#[test]
fn format_concise() {
    check_fixture(
        &["check", "--output-format", "concise"],
        expect![[r#"
        exit: 1
        pkg/broken.py:2:7: error[syntax-error]: invalid syntax. Got unexpected token ']'
        stub.pyi:3:1: error[syntax-error]: unexpected EOF while parsing
        Found 2 errors in 2 files (checked 4 files)
    "#]],
    );
}

#[test]
fn format_json() {
    check_fixture(
        &["check", "--output-format", "json"],
        expect![[r#"
        exit: 1
        [
          {
            "path": "pkg/broken.py",
            "line": 2,
            "column": 7,
            "end_line": 2,
            "end_column": 7,
            "severity": "error",
            "code": "syntax-error",
            "message": "invalid syntax. Got unexpected token ']'"
          },
          {
            "path": "stub.pyi",
            "line": 3,
            "column": 1,
            "end_line": 3,
            "end_column": 1,
            "severity": "error",
            "code": "syntax-error",
            "message": "unexpected EOF while parsing"
          }
        ]
        --- stderr
        Found 2 errors in 2 files (checked 4 files)
    "#]],
    );
}

#[test]
fn format_github() {
    check_fixture(
        &["check", "--output-format=github"],
        expect![[r#"
        exit: 1
        ::error file=pkg/broken.py,line=2,col=7,endLine=2,endColumn=7,title=syntax-error::invalid syntax. Got unexpected token ']'
        ::error file=stub.pyi,line=3,col=1,endLine=3,endColumn=1,title=syntax-error::unexpected EOF while parsing
        --- stderr
        Found 2 errors in 2 files (checked 4 files)
    "#]],
    );
}

#[test]
fn clean_files_exit_0() {
    check_fixture(
        &["check", "ok.py"],
        expect![[r#"
        exit: 0
        Found 0 errors in 0 files (checked 1 file)
    "#]],
    );
    check_fixture(
        &["check", "ok.py", "--output-format", "json"],
        expect![[r#"
        exit: 0
        []
        --- stderr
        Found 0 errors in 0 files (checked 1 file)
    "#]],
    );
}

#[test]
fn warnings_alone_exit_0() {
    check_fixture(
        &[
            "check",
            "--output-format",
            "concise",
            "--rule",
            "syntax-error=warning",
        ],
        expect![[r#"
        exit: 0
        pkg/broken.py:2:7: warning[syntax-error]: invalid syntax. Got unexpected token ']'
        stub.pyi:3:1: warning[syntax-error]: unexpected EOF while parsing
        Found 0 errors and 2 warnings in 2 files (checked 4 files)
    "#]],
    );
}

#[test]
fn ignored_rules_are_dropped() {
    check_fixture(
        &[
            "check",
            "--output-format",
            "concise",
            "--rule=syntax-error=ignore",
        ],
        expect![[r#"
        exit: 0
        Found 0 errors in 0 files (checked 4 files)
    "#]],
    );
}

#[test]
fn paths_select_what_is_checked() {
    check_fixture(
        &["check", "--output-format", "concise", "pkg", "ok.py"],
        expect![[r#"
        exit: 1
        pkg/broken.py:2:7: error[syntax-error]: invalid syntax. Got unexpected token ']'
        Found 1 error in 1 file (checked 3 files)
    "#]],
    );
}

#[test]
fn a_missing_path_is_a_usage_error() {
    check_fixture(
        &["check", "ok.py", "nope.py"],
        expect![[r#"
        exit: 2
        --- stderr
        error: nope.py: no such file or folder
    "#]],
    );
}

#[test]
fn a_bad_flag_is_a_usage_error() {
    check_fixture(
        &["check", "--output-format", "xml"],
        expect![[r#"
        exit: 2
        --- stderr
        error: invalid value 'xml' for '--output-format <OUTPUT_FORMAT>'
          [possible values: full, pretty, concise, json, github]

        For more information, try '--help'.
    "#]],
    );
    check_fixture(
        &["check", "--rule", "syntax-error"],
        expect![[r#"
        exit: 2
        --- stderr
        error: --rule `syntax-error`: expected CODE=LEVEL, e.g. `syntax-error=warning`
    "#]],
    );
    check_fixture(
        &["check", "--rule", "no-such-code=error"],
        expect![[r#"
        exit: 2
        --- stderr
        error: --rule `no-such-code=error`: unknown diagnostic code `no-such-code`
    "#]],
    );
    check_fixture(
        &["check", "--extra-path", "nowhere"],
        expect![[r#"
        exit: 2
        --- stderr
        error: --extra-path nowhere: not a folder
    "#]],
    );
    check_fixture(
        &["check", "--config", "nowhere.toml"],
        expect![[r#"
        exit: 2
        --- stderr
        error: --config nowhere.toml: no such file
    "#]],
    );
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    // Many files, but stderr is a pipe: nothing is drawn there, with or without the flag.
    let files: Vec<(String, Vec<u8>)> = (0..250)
        .map(|i| (format!("m{i:03}.py"), b"x = 1\n".to_vec()))
        .collect();
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_slice()))
        .collect();
    let dir = project(&refs);
    let plain = run(dir.path(), &["check", "--output-format", "concise"]);
    expect![[r#"
        exit: 0
        Found 0 errors in 0 files (checked 250 files)
    "#]]
    .assert_eq(&plain);
    assert_eq!(
        run(
            dir.path(),
            &["check", "--output-format", "concise", "--no-progress"]
        ),
        plain
    );
}

const BROKEN: &[u8] = b"def f(:\n    pass\n";

#[test]
fn config_rules_and_format_with_flags_overriding() {
    let dir = project(&[
        (
            "pyproject.toml",
            b"[tool.cinder]\noutput-format = \"concise\"\n\n[tool.cinder.rules]\nsyntax-error = \"warning\"\n",
        ),
        ("a.py", BROKEN),
    ]);
    expect![[r#"
        exit: 0
        a.py:1:7: warning[syntax-error]: invalid syntax. Got unexpected token ':'
        Found 0 errors and 1 warning in 1 file (checked 1 file)
    "#]]
    .assert_eq(&run(dir.path(), &["check"]));
    expect![[r#"
        exit: 1
        [
          {
            "path": "a.py",
            "line": 1,
            "column": 7,
            "end_line": 1,
            "end_column": 7,
            "severity": "error",
            "code": "syntax-error",
            "message": "invalid syntax. Got unexpected token ':'"
          }
        ]
        --- stderr
        Found 1 error in 1 file (checked 1 file)
    "#]]
    .assert_eq(&run(
        dir.path(),
        &[
            "check",
            "--rule",
            "syntax-error=error",
            "--output-format",
            "json",
        ],
    ));
}

#[test]
fn the_nearest_pyproject_is_found_from_a_subfolder() {
    let dir = project(&[
        ("pyproject.toml", b"[tool.cinder]\nexclude = [\"skip\"]\n\n[tool.cinder.rules]\nsyntax-error = \"warning\"\n"),
        ("sub/a.py", BROKEN),
        ("sub/skip/b.py", BROKEN),
    ]);
    // Exclude patterns are relative to the configuration file, not to the current folder.
    expect![[r#"
        exit: 0
        a.py:1:7: warning[syntax-error]: invalid syntax. Got unexpected token ':'
        Found 0 errors and 1 warning in 1 file (checked 1 file)
    "#]]
    .assert_eq(&run(
        &dir.path().join("sub"),
        &["check", "--output-format", "concise"],
    ));
}

#[test]
fn an_explicit_config_file_is_used() {
    let dir = project(&[
        (
            "other.toml",
            b"[tool.cinder.rules]\nsyntax-error = \"ignore\"\n",
        ),
        ("a.py", BROKEN),
    ]);
    expect![[r#"
        exit: 0
        Found 0 errors in 0 files (checked 1 file)
    "#]]
    .assert_eq(&run(
        dir.path(),
        &[
            "check",
            "--config",
            "other.toml",
            "--output-format",
            "concise",
        ],
    ));
}

#[test]
fn include_is_what_is_checked_without_paths() {
    let dir = project(&[
        (
            "pyproject.toml",
            b"[tool.cinder]\ninclude = [\"src\", \"tools/run.py\"]\n",
        ),
        ("src/a.py", BROKEN),
        ("tools/run.py", BROKEN),
        ("tools/other.py", BROKEN),
        ("elsewhere.py", BROKEN),
    ]);
    expect![[r#"
        exit: 1
        src/a.py:1:7: error[syntax-error]: invalid syntax. Got unexpected token ':'
        tools/run.py:1:7: error[syntax-error]: invalid syntax. Got unexpected token ':'
        Found 2 errors in 2 files (checked 2 files)
    "#]]
    .assert_eq(&run(dir.path(), &["check", "--output-format", "concise"]));
    // Paths on the command line replace `include`.
    expect![[r#"
        exit: 1
        elsewhere.py:1:7: error[syntax-error]: invalid syntax. Got unexpected token ':'
        Found 1 error in 1 file (checked 1 file)
    "#]]
    .assert_eq(&run(
        dir.path(),
        &["check", "--output-format", "concise", "elsewhere.py"],
    ));
}

/// Runs `cinder check` on a project whose `pyproject.toml` is `config`.
fn config_error(config: &str, expect: Expect) {
    let dir = project(&[("pyproject.toml", config.as_bytes()), ("a.py", b"x = 1\n")]);
    expect.assert_eq(&run(dir.path(), &["check"]));
}

#[test]
fn config_errors_name_the_key_and_the_file() {
    config_error(
        "[tool.cinder]\nexlude = []\n",
        expect![[r#"
        exit: 2
        --- stderr
        error: pyproject.toml: [tool.cinder] unknown key `exlude` (expected one of: include, exclude, extra-paths, output-format, rules)
    "#]],
    );
    config_error(
        "[tool.cinder]\nexclude = \"build\"\n",
        expect![[r#"
        exit: 2
        --- stderr
        error: pyproject.toml: [tool.cinder] `exclude` must be an array of strings, found string
    "#]],
    );
    config_error(
        "[tool.cinder]\ninclude = [\"missing\"]\n",
        expect![[r#"
        exit: 2
        --- stderr
        error: pyproject.toml: [tool.cinder] `include`: `missing` does not exist
    "#]],
    );
    config_error(
        "[tool.cinder]\nextra-paths = [\"missing\"]\n",
        expect![[r#"
        exit: 2
        --- stderr
        error: pyproject.toml: [tool.cinder] `extra-paths`: `missing` is not a folder
    "#]],
    );
    config_error(
        "[tool.cinder.rules]\nnot-a-code = \"error\"\n",
        expect![[r#"
        exit: 2
        --- stderr
        error: pyproject.toml: [tool.cinder.rules] unknown diagnostic code `not-a-code`
    "#]],
    );
    config_error(
        "[tool.cinder.rules]\nsyntax-error = \"loud\"\n",
        expect![[r#"
        exit: 2
        --- stderr
        error: pyproject.toml: [tool.cinder.rules] `syntax-error` must be "error", "warning" or "ignore", found "loud"
    "#]],
    );
    config_error(
        "[tool.cinder]\nexclude = [\n",
        expect![[r#"
        exit: 2
        --- stderr
        error: pyproject.toml: invalid TOML: unclosed array, expected `]` (line 2, column 12)
    "#]],
    );
}

#[test]
fn syntax_errors_are_not_hidden_by_ignore_comments() {
    // `# type: ignore` suppresses type diagnostics on its line; a file that does not parse
    // is reported whatever its comments say.
    let dir = project(&[("a.py", b"x = (1,  # type: ignore\n")]);
    expect![[r#"
        exit: 1
        a.py:2:1: error[syntax-error]: unexpected EOF while parsing
        Found 1 error in 1 file (checked 1 file)
    "#]]
    .assert_eq(&run(dir.path(), &["check", "--output-format", "concise"]));
}
