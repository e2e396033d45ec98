//! Tests of the IDE queries: fixtures of several files, the cursor marked with `$0` in the
//! first one.

use expect_test::{Expect, expect};

use super::{DocumentSymbol, depends_on, document_symbols, goto_definition, hover, imported_files};
use crate::{CheckerDb, SourceFile};

const CURSOR: &str = "$0";

/// A database with `files` (paths under the root `/w`), the first file and the cursor.
fn setup(files: &[(&str, &str)]) -> (CheckerDb, Vec<SourceFile>, u32) {
    let mut db = CheckerDb::new();
    let mut inputs = Vec::new();
    let mut cursor = 0;
    for (i, (path, text)) in files.iter().enumerate() {
        let text = if i == 0 {
            cursor = text.find(CURSOR).map_or(0, |c| c as u32);
            text.replacen(CURSOR, "", 1)
        } else {
            text.to_string()
        };
        inputs.push(SourceFile::new(&db, format!("/w/{path}"), text));
    }
    db.set_project_files(inputs.clone(), vec!["/w".to_string()]);
    (db, inputs, cursor)
}

#[test]
fn hover_shows_the_inferred_type_of_unannotated_names() {
    check_hover(
        &[(
            "m.py",
            "def f() -> list[int]:\n    return [1]\nitems = f()\nite$0ms\n",
        )],
        expect!["[items] items: list[int]"],
    );
}

fn check_hover(files: &[(&str, &str)], expect: Expect) {
    let (db, inputs, cursor) = setup(files);
    let actual = match hover(&db, inputs[0], cursor) {
        Some(h) => {
            let text = inputs[0].text(&db);
            let token = &text[h.span.start as usize..h.span.end as usize];
            let mut s = format!("[{token}] {}", h.signature);
            if let Some(doc) = h.docstring {
                s.push_str(&format!("\n---\n{doc}"));
            }
            s
        }
        None => "(none)".to_string(),
    };
    expect.assert_eq(&actual);
}

fn check_goto(files: &[(&str, &str)], expect: Expect) {
    let (db, inputs, cursor) = setup(files);
    let targets = goto_definition(&db, inputs[0], cursor);
    let actual: Vec<String> = targets
        .iter()
        .map(|t| {
            let text = t.file.text(&db);
            let focus = &text[t.focus_span.start as usize..t.focus_span.end as usize];
            let full = &text[t.full_span.start as usize..t.full_span.end as usize];
            let first_line = full.lines().next().unwrap_or("");
            format!(
                "{} {}..{} [{focus}] {first_line}",
                t.path, t.focus_span.start, t.focus_span.end
            )
        })
        .collect();
    expect.assert_eq(&actual.join("\n"));
}

#[test]
fn hover_shows_a_local_function_signature_and_docstring() {
    check_hover(
        &[(
            "m.py",
            r#"
def add(x: int, y: int = 1, *rest: int, scale: float, **kw) -> int:
    """Adds things.

    Really.
    """
    return x + y

add$0(1, 2)
"#,
        )],
        expect![[r#"
            [add] def add(x: int, y: int = 1, *rest: int, scale: float, **kw) -> int
            ---
            Adds things.

            Really."#]],
    );
}

#[test]
fn hover_follows_imports_to_other_modules() {
    check_hover(
        &[
            (
                "app.py",
                "from pkg.shapes import Circle as C\nc = C$0(2.0)\n",
            ),
            ("pkg/__init__.py", ""),
            (
                "pkg/shapes.py",
                "class Shape: pass\nclass Circle(Shape):\n    \"\"\"A round shape.\"\"\"\n",
            ),
        ],
        expect![[r#"
            [C] class Circle(Shape)
            ---
            A round shape."#]],
    );
}

#[test]
fn hover_on_parameters_variables_and_modules() {
    check_hover(
        &[("m.py", "def f(count: int = 3):\n    return cou$0nt\n")],
        expect!["[count] (parameter) count: int"],
    );
    check_hover(
        &[("m.py", "LIMIT: Final[int] = 10\nprint(LIM$0IT)\n")],
        expect!["[LIMIT] LIMIT: Final[int]"],
    );
    check_hover(
        &[("m.py", "x = [1, 2]\nx$0\n")],
        expect!["[x] x: list[int]"],
    );
    check_hover(
        &[
            ("m.py", "import util$0s\n"),
            ("utils.py", "\"\"\"Helpers.\"\"\"\n"),
        ],
        expect![[r#"
            [utils] module utils
            ---
            Helpers."#]],
    );
}

#[test]
fn hover_on_builtins_comes_from_the_builtins_module() {
    // The bundled stubs resolve like project files, after them: a project `builtins.pyi`
    // stands in for the bundled one here.
    let (db, inputs, cursor) = setup(&[
        ("m.py", "le$0n([])\n"),
        ("builtins.pyi", "def len(obj: object, /) -> int: ...\n"),
    ]);
    let h = hover(&db, inputs[0], cursor);
    assert!(
        h.is_some_and(|h| h.signature.starts_with("def len(")),
        "len is declared in builtins"
    );
}

#[test]
fn hover_outside_any_name_or_past_the_end_is_none() {
    check_hover(&[("m.py", "x = 1 $0  \n")], expect!["(none)"]);
    let (db, inputs, _) = setup(&[("m.py", "x = 1\n")]);
    assert_eq!(hover(&db, inputs[0], 10_000), None);
    assert!(goto_definition(&db, inputs[0], u32::MAX).is_empty());
}

#[test]
fn goto_local_definitions() {
    check_goto(
        &[("m.py", "total = 0\ndef f():\n    return tot$0al\n")],
        expect!["/w/m.py 0..5 [total] total = 0"],
    );
    check_goto(
        &[("m.py", "def f(a, b):\n    a = b\n    return a$0\n")],
        expect!["/w/m.py 17..18 [a] a = b"],
    );
    check_goto(
        &[("m.py", "@dec\ndef g(): pass\ng$0()\n")],
        expect!["/w/m.py 9..10 [g] def g(): pass"],
    );
    check_goto(
        &[("m.py", "xs = [y for y in range(3) if y$0]\n")],
        expect!["/w/m.py 12..13 [y] y"],
    );
}

#[test]
fn goto_follows_imports_into_project_files() {
    check_goto(
        &[
            ("app.py", "from .lib import helper\nhel$0per()\n"),
            ("lib.py", "import os\n\ndef helper():\n    pass\n"),
        ],
        expect!["/w/lib.py 15..21 [helper] def helper():"],
    );
    check_goto(
        &[
            ("app.py", "import lib\nlib.hel$0per()\n"),
            ("lib.py", "def helper(): pass\n"),
        ],
        expect!["/w/lib.py 4..10 [helper] def helper(): pass"],
    );
    check_goto(
        &[
            ("app.py", "from pkg import su$0b\n"),
            ("pkg/__init__.py", ""),
            ("pkg/sub.py", "x = 1\n"),
        ],
        expect!["/w/pkg/sub.py 0..0 [] "],
    );
}

#[test]
fn goto_attributes_through_classes_and_annotations() {
    let lib = "class Base:\n    def run(self): pass\nclass Job(Base):\n    def __init__(self):\n        self.name: str = ''\n";
    check_goto(
        &[
            ("app.py", "from lib import Job\nJob().ru$0n()\n"),
            ("lib.py", lib),
        ],
        expect!["/w/lib.py 20..23 [run] def run(self): pass"],
    );
    check_goto(
        &[
            (
                "app.py",
                "from lib import Job\ndef f(j: Job):\n    return j.na$0me\n",
            ),
            ("lib.py", lib),
        ],
        expect!["/w/lib.py 90..94 [name] self.name: str = ''"],
    );
    check_goto(
        &[(
            "m.py",
            "class C:\n    def a(self): return self.b$0()\n    def b(self): pass\n",
        )],
        expect!["/w/m.py 50..51 [b] def b(self): pass"],
    );
}

#[test]
fn goto_attributes_through_inferred_types() {
    // Neither an annotation nor a constructor call says what `same(Job())` is here: only
    // inference (the return type of a generic function) does.
    check_goto(
        &[(
            "m.py",
            "from typing import TypeVar\nT = TypeVar('T')\ndef same(x: T) -> T:\n    return x\nclass Job:\n    def run(self): pass\njob = same(Job())\njob.ru$0n()\n",
        )],
        expect!["/w/m.py 97..100 [run] def run(self): pass"],
    );
    check_goto(
        &[
            ("m.py", "'a, b'.spl$0it(',')\n"),
            (
                "builtins.pyi",
                "class str:\n    def split(self, sep: str) -> list[str]: ...\n",
            ),
        ],
        expect!["/w/builtins.pyi 19..24 [split] def split(self, sep: str) -> list[str]: ..."],
    );
}

#[test]
fn goto_unknown_name_is_empty() {
    check_goto(&[("m.py", "undefin$0ed_thing\n")], expect![""]);
}

fn render_symbols(symbols: &[DocumentSymbol], depth: usize, out: &mut String) {
    for s in symbols {
        let detail = s
            .detail
            .as_deref()
            .map(|d| format!(" {d}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "{}{:?} {}{detail} @{}\n",
            "  ".repeat(depth),
            s.kind,
            s.name,
            s.focus_span.start
        ));
        render_symbols(&s.children, depth + 1, out);
    }
}

#[test]
fn document_symbols_are_hierarchical() {
    let (db, inputs, _) = setup(&[(
        "m.py",
        r#"import os
MAX_SIZE = 10
count: int = 0
class Point:
    dims = 2
    def __init__(self, x: float):
        self.x = x
    async def norm(self) -> float:
        def helper(): pass
        return 0.0
if True:
    def late(a, b=1): pass
a, b = 1, 2
"#,
    )]);
    let mut out = String::new();
    render_symbols(&document_symbols(&db, inputs[0]), 0, &mut out);
    expect![[r#"
        Constant MAX_SIZE @10
        Variable count int @24
        Class Point @45
          Field dims @56
          Method __init__ (self, x: float) @73
            Field x @112
          Method norm (self) -> float @132
            Function helper () @165
        Function late (a, b=1) @216
        Variable a @235
        Variable b @238
    "#]]
    .assert_eq(&out);
}

#[test]
fn import_graph_is_transitive() {
    let (db, inputs, _) = setup(&[
        ("a.py", "import b\n"),
        ("b.py", "def f():\n    from c import x\n"),
        ("c.py", "x = 1\n"),
        ("d.py", "y = 2\n"),
    ]);
    let names: Vec<&String> = imported_files(&db, inputs[1])
        .iter()
        .map(|f| f.path(&db))
        .collect();
    assert_eq!(names, ["/w/c.py"]);
    assert!(depends_on(&db, inputs[0], inputs[2]));
    assert!(!depends_on(&db, inputs[0], inputs[3]));
    assert!(!depends_on(&db, inputs[2], inputs[0]));
}
