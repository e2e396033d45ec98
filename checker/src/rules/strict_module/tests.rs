//! Unit tests of what mdtests cannot see: the secondary labels of strict diagnostics.

use expect_test::{Expect, expect};

use crate::db::{CheckerDb, SourceFile};

/// Checks `main.py` (with the other files of `files`) and renders each strict
/// diagnostic with its labels as `line:col code: message` lines.
fn check(files: &[(&str, &str)], expected: Expect) {
    let mut db = CheckerDb::new();
    let inputs: Vec<SourceFile> = files
        .iter()
        .map(|(path, text)| SourceFile::new(&db, format!("/p/{path}"), (*text).to_string()))
        .collect();
    db.set_project_files(inputs.clone(), vec!["/p".to_string()]);
    let Some(main) = inputs.first() else { return };
    let text = main.text(&db).clone();
    let index = crate::LineIndex::new(&text);
    let mut out = String::new();
    for diag in super::strict_module_diagnostics(&db, *main) {
        let at = index.line_col(&text, diag.span.start);
        out.push_str(&format!(
            "{}:{} {}: {}\n",
            at.line,
            at.column,
            diag.code.name(),
            diag.message
        ));
        for label in &diag.labels {
            let place = match &label.path {
                Some(path) => {
                    let other = inputs.iter().find(|f| f.path(&db) == path);
                    match other {
                        Some(f) => {
                            let t = f.text(&db).clone();
                            let at = crate::LineIndex::new(&t).line_col(&t, label.span.start);
                            format!("{path}:{}:{}", at.line, at.column)
                        }
                        None => path.clone(),
                    }
                }
                None => {
                    let at = index.line_col(&text, label.span.start);
                    format!("{}:{}", at.line, at.column)
                }
            };
            out.push_str(&format!("  = {place}: {}\n", label.message));
        }
    }
    expected.assert_eq(&out);
}

#[test]
fn unsafe_call_labels_the_inner_place() {
    check(
        &[(
            "main.py",
            "import __strict__\nimport os\n\ndef helper():\n    return os.getcwd()\n\ndef outer():\n    return helper()\n\nouter()\n",
        )],
        expect![[r#"
            10:1 strict-unsafe-call: Call 'outer()' may have side effects and is prohibited at module level.
              = 8:12: Call 'helper()' may have side effects and is prohibited at module level.
              = 5:12: Module-level attribute access on non-strict value '<imported module os>.getcwd' is prohibited.
        "#]],
    );
}

#[test]
fn call_into_imported_strict_module_labels_its_file() {
    check(
        &[
            (
                "main.py",
                "import __strict__\nfrom lib import load\n\nload()\n",
            ),
            (
                "lib.py",
                "import __strict__\nimport os\n\ndef load():\n    return os.environ\n",
            ),
        ],
        expect![[r#"
            4:1 strict-unsafe-call: Call 'load()' may have side effects and is prohibited at module level.
              = /p/lib.py:5:12: Module-level attribute access on non-strict value '<imported module os>.environ' is prohibited.
        "#]],
    );
}

#[test]
fn unhandled_exception_in_call_labels_the_raise() {
    check(
        &[(
            "main.py",
            "import __strict__\n\ndef fail():\n    raise ValueError('bad')\n\nfail()\n",
        )],
        expect![[r#"
            6:1 strict-unhandled-exception: StrictModuleUnhandledException(ValueError: bad): an exception escapes the module's top level
              = 4:5: StrictModuleUnhandledException(ValueError: bad): an exception escapes the module's top level
        "#]],
    );
}

#[test]
fn deep_recursion_stays_within_a_test_thread_stack() {
    check(
        &[(
            "main.py",
            "import __strict__\n\ndef down(n):\n    if n == 0:\n        return 0\n    return [down(n - 1)][0] + 1\n\ndown(10000)\n",
        )],
        expect![[r#"
            8:1 strict-unhandled-exception: StrictModuleUnhandledException(RecursionError: maximum recursion depth exceeded): an exception escapes the module's top level
              = 6:13: StrictModuleUnhandledException(RecursionError: maximum recursion depth exceeded): an exception escapes the module's top level
        "#]],
    );
}

/// `reveal_type` is a checker construct (reported by type inference, so not testable
/// in a strict mdtest without depending on it): strict analysis lets the value through.
#[test]
fn reveal_type_passes_its_value_through() {
    check(
        &[(
            "main.py",
            "import __strict__\n\nX = reveal_type([1])\nX.append(2)\nassert X == [1, 2]\nassert reveal_type(3) == 4\n",
        )],
        expect![[r#"
            6:1 strict-unhandled-exception: StrictModuleUnhandledException(AssertionError): an exception escapes the module's top level
        "#]],
    );
}

/// Models that mdtests cannot show because type inference reports its own view of
/// these constructs: enum iteration, `typing.NamedTuple` and `TypedDict` classes,
/// `round`, `dict.fromkeys`. A failed assertion would show as an unhandled exception.
#[test]
fn modelled_values_that_type_inference_sees_differently() {
    check(
        &[(
            "main.py",
            r#"import __strict__
from enum import Enum
from typing import NamedTuple, TypedDict

class Color(Enum):
    RED = 1
    GREEN = 2

class Point(NamedTuple):
    x: int
    y: int = 0

class Movie(TypedDict):
    title: str

assert [c.name for c in Color] == ["RED", "GREEN"] and len(Color) == 2
P = Point(1)
assert P.x == 1 and P.y == 0 and P == (1, 0)
x, y = P
assert round(2.5) == 2 and round(3.5) == 4
assert dict.fromkeys(["a", "b"], 0) == {"a": 0, "b": 0}
assert [c.value for c in Color] == [1, 3]
"#,
        )],
        expect![[r#"
            22:1 strict-unhandled-exception: StrictModuleUnhandledException(AssertionError): an exception escapes the module's top level
        "#]],
    );
}

/// The analysis of a module reads the strict modules it imports and nothing else: an
/// edit elsewhere leaves it cached, an edit of an imported strict module re-runs it.
#[test]
fn analysis_reruns_only_for_edits_of_imported_strict_modules() {
    use salsa::Setter;
    let mut db = CheckerDb::with_event_log();
    let file = |db: &CheckerDb, path: &str, text: &str| {
        SourceFile::new(db, format!("/p/{path}"), text.to_string())
    };
    let main = file(
        &db,
        "main.py",
        "import __strict__\nfrom lib import f\nX = f()\n",
    );
    let lib = file(
        &db,
        "lib.py",
        "import __strict__\n\ndef f():\n    return 1\n",
    );
    let other = file(&db, "other.py", "import __strict__\nY = 2\n");
    db.set_project_files(vec![main, lib, other], vec!["/p".to_string()]);
    assert!(super::strict_module_diagnostics(&db, main).is_empty());
    db.take_log();
    let reruns = |log: Vec<String>| {
        log.iter()
            .filter(|entry| entry.starts_with("strict_module_diagnostics("))
            .count()
    };

    other
        .set_text(&mut db)
        .to("import __strict__\nY = 3\n".to_string());
    assert!(super::strict_module_diagnostics(&db, main).is_empty());
    assert_eq!(reruns(db.take_log()), 0);

    lib.set_text(&mut db)
        .to("import __strict__\nimport os\n\ndef f():\n    return os.getcwd()\n".to_string());
    let codes: Vec<&str> = super::strict_module_diagnostics(&db, main)
        .iter()
        .map(|d| d.code.name())
        .collect();
    assert_eq!(codes, ["strict-unsafe-call"]);
    assert_eq!(reruns(db.take_log()), 1);
}
