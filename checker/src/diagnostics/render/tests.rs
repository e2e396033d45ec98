//! Snapshot tests of every format on the same small set of diagnostics.

use expect_test::{Expect, expect};

use super::*;
use crate::diagnostics::{Label, Severity, codes};

/// `b.py`, a file other labels point into.
struct OneOther;

impl Sources for OneOther {
    fn source(&self, path: &str) -> Option<(&str, &str)> {
        (path == "/abs/b.py").then_some(("b.py", "def g() -> int:\n    return 1\n"))
    }
}

const TEXT: &str = "x = 'é'; y = 1\nz = x +\n";

fn sample() -> Vec<Diagnostic> {
    let mut cross = Diagnostic::new(codes::INTERNAL_ERROR, Span::new(16, 17), "z is used here");
    cross.labels.push(Label {
        path: Some("/abs/b.py".into()),
        span: Span::new(4, 5),
        message: "g is declared here".into(),
    });
    cross.labels.push(Label {
        path: Some("/abs/missing.py".into()),
        span: Span::new(0, 1),
        message: "and here".into(),
    });
    let mut warning = Diagnostic::new(
        codes::REVEAL_TYPE,
        Span::new(10, 11),
        "a warning: 50% sure, really\nsecond line",
    );
    warning.severity = Severity::Warning;
    vec![
        // Labels out of source order, a non-ASCII character before the span.
        Diagnostic::new(codes::SYNTAX_ERROR, Span::new(14, 15), "first")
            .with_label(Span::new(0, 1), "`x` defined here")
            .with_note("a note"),
        warning,
        cross,
        // An empty span at the very end of the text.
        Diagnostic::new(codes::SYNTAX_ERROR, Span::new(24, 24), "unexpected EOF"),
    ]
}

fn check(format: Format, expect: Expect) {
    let diagnostics = sample();
    let file = FileDiagnostics {
        path: "/abs/a.py",
        name: "a.py",
        text: TEXT,
        diagnostics: &diagnostics,
    };
    let out = render(format, &[file], &OneOther, RenderOptions { color: false });
    expect.assert_eq(&out);
}

#[test]
fn concise() {
    check(
        Format::Concise,
        expect![[r#"
            a.py:1:14: error[syntax-error]: first
            a.py:1:10: warning[revealed-type]: a warning: 50% sure, really second line
            a.py:2:1: error[internal-error]: z is used here
            a.py:3:1: error[syntax-error]: unexpected EOF
        "#]],
    );
}

#[test]
fn github() {
    check(
        Format::Github,
        expect![[r#"
            ::error file=a.py,line=1,col=14,endLine=1,endColumn=15,title=syntax-error::first%0Aa note
            ::warning file=a.py,line=1,col=10,endLine=1,endColumn=11,title=revealed-type::a warning: 50%25 sure, really%0Asecond line
            ::error file=a.py,line=2,col=1,endLine=2,endColumn=2,title=internal-error::z is used here
            ::error file=a.py,line=3,col=1,endLine=3,endColumn=1,title=syntax-error::unexpected EOF
        "#]],
    );
}

#[test]
fn json() {
    check(
        Format::Json,
        expect![[r#"
            [
              {
                "path": "a.py",
                "line": 1,
                "column": 14,
                "end_line": 1,
                "end_column": 15,
                "severity": "error",
                "code": "syntax-error",
                "message": "first"
              },
              {
                "path": "a.py",
                "line": 1,
                "column": 10,
                "end_line": 1,
                "end_column": 11,
                "severity": "warning",
                "code": "revealed-type",
                "message": "a warning: 50% sure, really\nsecond line"
              },
              {
                "path": "a.py",
                "line": 2,
                "column": 1,
                "end_line": 2,
                "end_column": 2,
                "severity": "error",
                "code": "internal-error",
                "message": "z is used here"
              },
              {
                "path": "a.py",
                "line": 3,
                "column": 1,
                "end_line": 3,
                "end_column": 1,
                "severity": "error",
                "code": "syntax-error",
                "message": "unexpected EOF"
              }
            ]
        "#]],
    );
}

#[test]
fn full() {
    check(
        Format::Full,
        expect![[r#"
            error[syntax-error]: first
              ┌─ a.py:1:14
              │
            1 │ x = 'é'; y = 1
              │ -            ^
              │ │
              │ `x` defined here
              │
              = a note

            warning[revealed-type]: a warning: 50% sure, really
            second line
              ┌─ a.py:1:10
              │
            1 │ x = 'é'; y = 1
              │          ^

            error[internal-error]: z is used here
              ┌─ a.py:2:1
              │
            2 │ z = x +
              │ ^
              │
              ┌─ b.py:1:5
              │
            1 │ def g() -> int:
              │     - g is declared here
              │
              = /abs/missing.py: and here

            error[syntax-error]: unexpected EOF
              ┌─ a.py:3:1
              │
            3 │
              │ ^

        "#]],
    );
}

#[test]
fn pretty() {
    check(
        Format::Pretty,
        expect![[r#"
            [syntax-error] Error: first
               ╭─[ a.py:1:14 ]
               │
             1 │ x = 'é'; y = 1
               │ ┬            ┬
               │ ╰─────────────── `x` defined here
               │              │
               │              ╰── here
               │
               │ Note: a note
            ───╯

            [revealed-type] Warning: a warning: 50% sure, really
            second line
               ╭─[ a.py:1:10 ]
               │
             1 │ x = 'é'; y = 1
               │          ┬
               │          ╰── here
            ───╯

            [internal-error] Error: z is used here
               ╭─[ a.py:2:1 ]
               │
             2 │ z = x +
               │ ┬
               │ ╰── here
               │
               ├─[ b.py:1:5 ]
               │
             1 │ def g() -> int:
               │     ┬
               │     ╰── g is declared here
               │
               │ Note: /abs/missing.py: and here
            ───╯

            [syntax-error] Error: unexpected EOF
               ╭─[ a.py:2:9 ]
               │
             2 │ z = x +
               │         │
               │         ╰─ here
            ───╯

        "#]],
    );
}

#[test]
fn pretty_has_colour_only_when_asked() {
    let diagnostics = sample();
    let file = FileDiagnostics {
        path: "/abs/a.py",
        name: "a.py",
        text: TEXT,
        diagnostics: &diagnostics,
    };
    let plain = render(
        Format::Pretty,
        &[file],
        &OneOther,
        RenderOptions { color: false },
    );
    let coloured = render(
        Format::Pretty,
        &[file],
        &OneOther,
        RenderOptions { color: true },
    );
    assert!(!plain.contains('\u{1b}'));
    assert!(coloured.contains('\u{1b}'));
}

#[test]
fn no_format_leaves_trailing_spaces() {
    let diagnostics = sample();
    let file = FileDiagnostics {
        path: "/abs/a.py",
        name: "a.py",
        text: TEXT,
        diagnostics: &diagnostics,
    };
    for format in [
        Format::Full,
        Format::Pretty,
        Format::Concise,
        Format::Json,
        Format::Github,
    ] {
        let out = render(format, &[file], &NoSources, RenderOptions::default());
        for line in out.lines() {
            assert_eq!(line, line.trim_end(), "{format:?}: {line:?}");
        }
    }
}

#[test]
fn spans_outside_the_text_are_clamped() {
    let diagnostics = vec![Diagnostic::new(
        codes::SYNTAX_ERROR,
        Span::new(6, 400),
        "past the end",
    )];
    // Offset 6 is inside `é` (bytes 5..7 of "x = 'é'").
    let file = FileDiagnostics {
        path: "p",
        name: "p",
        text: "x = 'é'",
        diagnostics: &diagnostics,
    };
    for format in [
        Format::Full,
        Format::Pretty,
        Format::Concise,
        Format::Json,
        Format::Github,
    ] {
        let out = render(format, &[file], &NoSources, RenderOptions::default());
        assert!(out.contains("past the end"), "{format:?}: {out}");
    }
    assert_eq!(clamp("x = 'é'", Span::new(6, 400)), 5..8);
}

#[test]
fn no_diagnostics_render_nothing_but_an_empty_json_array() {
    let file = FileDiagnostics {
        path: "p",
        name: "p",
        text: "",
        diagnostics: &[],
    };
    for format in [
        Format::Full,
        Format::Pretty,
        Format::Concise,
        Format::Github,
    ] {
        assert_eq!(
            render(format, &[file], &NoSources, RenderOptions::default()),
            ""
        );
    }
    assert_eq!(
        render(Format::Json, &[file], &NoSources, RenderOptions::default()),
        "[]\n"
    );
}
