//! `cinder check` end to end with type diagnostics: import roots (`src/`, `extra-paths`),
//! `# type: ignore` comments and rule levels, on the fixture project `tests/cli/imports`.
//! These snapshots follow the checker's messages: when they change on purpose, regenerate
//! with `UPDATE_EXPECT=1 cargo test -p cinder --test cli_imports` and review.

#[path = "cli/support.rs"]
mod support;

use expect_test::{Expect, expect};
use support::{fixture, run};

fn check(args: &[&str], expect: Expect) {
    expect.assert_eq(&run(&fixture("imports"), args));
}

#[test]
fn imports_resolve_through_src_and_extra_paths_and_ignore_comments_apply() {
    // `pkg.helpers` comes from `src/`, `shared` from `vendor/` (`extra-paths`). Of the three
    // ignore comments, the bare one and the one naming `bad-assignment` hide their line's
    // diagnostic; the one naming another code does not.
    check(
        &["check", "--output-format", "concise"],
        expect![[r#"
        exit: 1
        app.py:3:8: error[unresolved-import]: cannot resolve module `missing_module`
        app.py:7:10: error[bad-assignment]: type `Literal["c"]` is not assignable to declared type `int`
        app.py:8:10: error[bad-assignment]: type `str` is not assignable to declared type `int`
        app.py:9:1: warning[revealed-type]: revealed type: `int`
        Found 3 errors and 1 warning in 1 file (checked 4 files)
    "#]],
    );
}

#[test]
fn without_extra_paths_the_vendor_module_is_not_found() {
    check(
        &[
            "check",
            "--output-format",
            "concise",
            "--config",
            "no-extra-paths.toml",
            "app.py",
        ],
        expect![[r#"
            exit: 1
            app.py:2:1: error[unresolved-import]: cannot resolve module `shared`
            app.py:3:8: error[unresolved-import]: cannot resolve module `missing_module`
            app.py:7:10: error[bad-assignment]: type `Literal["c"]` is not assignable to declared type `int`
            app.py:9:1: warning[revealed-type]: revealed type: `int`
            Found 3 errors and 1 warning in 1 file (checked 1 file)
        "#]],
    );
    // The flag adds the root back.
    check(
        &[
            "check",
            "--output-format",
            "concise",
            "--config",
            "no-extra-paths.toml",
            "--extra-path",
            "vendor",
            "app.py",
        ],
        expect![[r#"
            exit: 1
            app.py:3:8: error[unresolved-import]: cannot resolve module `missing_module`
            app.py:7:10: error[bad-assignment]: type `Literal["c"]` is not assignable to declared type `int`
            app.py:8:10: error[bad-assignment]: type `str` is not assignable to declared type `int`
            app.py:9:1: warning[revealed-type]: revealed type: `int`
            Found 3 errors and 1 warning in 1 file (checked 1 file)
        "#]],
    );
}

#[test]
fn rule_levels_apply_to_type_diagnostics() {
    check(
        &[
            "check",
            "--output-format",
            "concise",
            "--rule",
            "revealed-type=error",
            "--rule",
            "bad-assignment=ignore",
            "--rule",
            "unresolved-import=warning",
        ],
        expect![[r#"
            exit: 1
            app.py:3:8: warning[unresolved-import]: cannot resolve module `missing_module`
            app.py:9:1: error[revealed-type]: revealed type: `int`
            Found 1 error and 1 warning in 1 file (checked 4 files)
        "#]],
    );
    // Only warnings left: exit 0.
    check(
        &[
            "check",
            "--output-format",
            "concise",
            "--rule",
            "bad-assignment=warning",
            "--rule",
            "unresolved-import=ignore",
        ],
        expect![[r#"
            exit: 0
            app.py:7:10: warning[bad-assignment]: type `Literal["c"]` is not assignable to declared type `int`
            app.py:8:10: warning[bad-assignment]: type `str` is not assignable to declared type `int`
            app.py:9:1: warning[revealed-type]: revealed type: `int`
            Found 0 errors and 3 warnings in 1 file (checked 4 files)
        "#]],
    );
}

#[test]
fn type_diagnostics_in_full_and_github_formats() {
    check(
        &["check", "app.py"],
        expect![[r#"
        exit: 1
        error[unresolved-import]: cannot resolve module `missing_module`
          ┌─ app.py:3:8
          │
        3 │ import missing_module
          │        ^^^^^^^^^^^^^^

        error[bad-assignment]: type `Literal["c"]` is not assignable to declared type `int`
          ┌─ app.py:7:10
          │
        7 │ z: int = "c"  # type: ignore[unresolved-name]
          │          ^^^

        error[bad-assignment]: type `str` is not assignable to declared type `int`
          ┌─ app.py:8:10
          │
        8 │ w: int = shout("d")
          │          ^^^^^^^^^^

        warning[revealed-type]: revealed type: `int`
          ┌─ app.py:9:1
          │
        9 │ reveal_type(double(1))
          │ ^^^^^^^^^^^^^^^^^^^^^^

        Found 3 errors and 1 warning in 1 file (checked 1 file)
    "#]],
    );
    check(
        &["check", "--output-format", "github", "app.py"],
        expect![[r#"
            exit: 1
            ::error file=app.py,line=3,col=8,endLine=3,endColumn=22,title=unresolved-import::cannot resolve module `missing_module`
            ::error file=app.py,line=7,col=10,endLine=7,endColumn=13,title=bad-assignment::type `Literal["c"]` is not assignable to declared type `int`
            ::error file=app.py,line=8,col=10,endLine=8,endColumn=20,title=bad-assignment::type `str` is not assignable to declared type `int`
            ::warning file=app.py,line=9,col=1,endLine=9,endColumn=23,title=revealed-type::revealed type: `int`
            --- stderr
            Found 3 errors and 1 warning in 1 file (checked 1 file)
        "#]],
    );
}
