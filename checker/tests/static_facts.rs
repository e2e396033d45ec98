//! Snapshot tests of the Static Python facts that code generation reads (static
//! invokes, fields, casts, primitive kinds, argument checks), and of readiness: a
//! static module with any error is not ready to compile. One `check` helper.

use cinder_checker::{CheckerDb, SourceFile, checked_module};
use expect_test::{Expect, expect};

/// Checks `main.py` (with optional other modules) and compares its rendered facts.
fn check(files: &[(&str, &str)], expected: Expect) {
    let mut db = CheckerDb::new();
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|(name, text)| SourceFile::new(&db, format!("/src/{name}"), text.to_string()))
        .collect();
    db.set_project_files(sources.clone(), vec!["/src".to_string()]);
    let main = sources[0];
    let checked = checked_module(&db, main);
    let errors: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| format!("{}: {}", d.code.name(), d.message))
        .collect();
    assert!(errors.is_empty(), "unexpected diagnostics: {errors:#?}");
    let ready = checked.ready().expect("a clean static module is ready");
    let facts = ready.static_facts().expect("a static module has facts");
    expected.assert_eq(&facts.render(&checked.text));
}

#[test]
fn functions_and_primitives() {
    check(
        &[(
            "main.py",
            r#"import __static__
from __static__ import int64, box

def add(a: int64, b: int64) -> int64:
    return a + b

def main(x: int) -> int:
    y = add(int64(x), 2)
    print(box(y))
    return x
"#,
        )],
        expect![[r#"
            args add: [(0, __static__.int64#), (1, __static__.int64#)]
            args main: [(0, builtins.int)]
            call 142..158 `add(int64(x), 2)`: INVOKE_FUNCTION main.add 2
            call 146..154 `int64(x)`: PRIMITIVE_UNBOX int64
            call 163..176 `print(box(y))`: dynamic call
            call 169..175 `box(y)`: PRIMITIVE_BOX int64
            primitive 102..103 `a`: int64
            primitive 102..107 `a + b`: int64
            primitive 106..107 `b`: int64
            primitive 142..158 `add(int64(x), 2)`: int64
            primitive 146..154 `int64(x)`: int64
            primitive 156..157 `2`: int64
            primitive 173..174 `y`: int64
        "#]],
    );
}

#[test]
fn classes_fields_and_methods() {
    check(
        &[(
            "main.py",
            r#"import __static__
from typing import Optional, final

class C:
    x: int

    def __init__(self, x: int) -> None:
        self.x = x

    def get(self) -> int:
        return self.x

@final
class D(C):
    def get(self) -> int:
        return 2

def use(c: C, d: D, o: Optional[C]) -> int:
    c.x = 3
    return c.get() + d.get()
"#,
        )],
        expect![[r#"
            args C.__init__: [(1, builtins.int)]
            args C.get: []
            args D.get: []
            args use: [(0, main.C), (1, main.D), (2, main.C?)]
            call 314..321 `c.get()`: INVOKE_METHOD main.C.get 0
            call 324..331 `d.get()`: INVOKE_FUNCTION main.D.get 1
            field 123..129 `self.x`: STORE_FIELD main.C.x: int
            field 176..182 `self.x`: LOAD_FIELD main.C.x: int
            field 295..298 `c.x`: STORE_FIELD main.C.x: int
            class C: slots [x: builtins.int] final []
            class D: slots [] final []
        "#]],
    );
}

#[test]
fn casts_of_dynamic_values() {
    check(
        &[
            (
                "main.py",
                r#"import __static__
from plain import make

class C:
    pass

def f(x) -> C:
    y: int = make()
    return x
"#,
            ),
            ("plain.py", "def make():\n    return 1\n"),
        ],
        expect![[r#"
            args f: []
            call 89..95 `make()`: dynamic call
            cast 89..95 `make()`: CAST builtins.int
            cast 107..108 `x`: CAST main.C
            class C: slots [] final []
        "#]],
    );
}

#[test]
fn constructors_and_cross_module_invokes() {
    check(
        &[
            (
                "main.py",
                r#"import __static__
from lib import Point, norm

def f() -> int:
    p = Point(1, 2)
    return norm(p)
"#,
            ),
            (
                "lib.py",
                r#"import __static__

class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

def norm(p: Point) -> int:
    return p.x + p.y
"#,
            ),
        ],
        expect![[r#"
            args f: []
            call 71..82 `Point(1, 2)`: CONSTRUCT lib.Point 2
            call 94..101 `norm(p)`: INVOKE_FUNCTION lib.norm 1
        "#]],
    );
}

/// A static module with an error is not ready; the same code in a plain module is.
#[test]
fn a_static_module_with_an_error_is_not_ready() {
    let mut db = CheckerDb::new();
    let source = "def f() -> int:\n    return \"a\"\n";
    let plain = SourceFile::new(&db, "/src/plain.py".to_string(), source.to_string());
    let static_ = SourceFile::new(
        &db,
        "/src/static_.py".to_string(),
        format!("import __static__\n{source}"),
    );
    db.set_project_files(vec![plain, static_], vec!["/src".to_string()]);
    let checked = checked_module(&db, static_);
    let codes: Vec<&str> = checked.blocking_errors().map(|d| d.code.name()).collect();
    assert_eq!(codes, ["static-bad-return"]);
    assert!(checked.ready().is_none());
    let plain_checked = checked_module(&db, plain);
    assert!(
        plain_checked
            .diagnostics
            .iter()
            .any(|d| d.code.name() == "bad-return-type")
    );
    assert!(plain_checked.ready().is_some());
    assert!(
        plain_checked
            .ready()
            .and_then(|r| r.static_facts())
            .is_none()
    );
}

/// A primitive in a global is an error that blocks compilation too.
#[test]
fn a_primitive_global_blocks_compilation() {
    let mut db = CheckerDb::new();
    let text = "import __static__\nfrom __static__ import int64\nx: int64 = 1\n";
    let file = SourceFile::new(&db, "/src/m.py".to_string(), text.to_string());
    db.set_project_files(vec![file], vec!["/src".to_string()]);
    let checked = checked_module(&db, file);
    assert!(checked.ready().is_none());
    let messages: Vec<&str> = checked
        .blocking_errors()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        ["cannot use primitives in global or closure scope"]
    );
}

#[test]
fn checked_container_displays() {
    check(
        &[(
            "main.py",
            r#"import __static__
from __static__ import CheckedDict, CheckedList

def f() -> CheckedList[int]:
    d: CheckedDict[str, int] = {"a": 1}
    return [1, 2]
"#,
        )],
        expect![[r#"
            args f: []
            checked literal 127..135 `{"a": 1}`: __static__.chkdict
            checked literal 147..153 `[1, 2]`: __static__.chklist
        "#]],
    );
}

#[test]
fn not_of_a_primitive_in_a_condition_is_cbool() {
    check(
        &[(
            "main.py",
            r#"import __static__
from __static__ import cbool

def f(a: cbool, b: cbool) -> int:
    if a and not b:
        return 1
    return 0
"#,
        )],
        expect![[r#"
            args f: [(0, __static__.cbool#), (1, __static__.cbool#)]
            primitive 89..90 `a`: cbool
            primitive 95..100 `not b`: cbool
            primitive 99..100 `b`: cbool
        "#]],
    );
}

#[test]
fn checked_dicts_flag_makes_displays_checked() {
    check(
        &[(
            "main.py",
            r#"import __static__
from __static__.compiler_flags import checked_dicts

def f() -> int:
    d = {"a": 1}
    return d["a"]
"#,
        )],
        expect![[r#"
            args f: []
            checked literal 95..103 `{"a": 1}`: __static__.chkdict
        "#]],
    );
}

#[test]
fn explicit_casts() {
    check(
        &[(
            "main.py",
            r#"import __static__
from __static__ import cast
from typing import Optional

class C:
    pass

def f(x: object) -> C:
    return cast(C, x)

def g(x: object) -> Optional[C]:
    return cast(Optional[C], x)
"#,
        )],
        expect![[r#"
            args f: []
            args g: []
            call 128..138 `cast(C, x)`: CAST main.C
            cast 184..204 `cast(Optional[C], x)`: CAST main.C?
            class C: slots [] final []
        "#]],
    );
}

#[test]
fn final_globals_are_inlined() {
    check(
        &[(
            "main.py",
            r#"import __static__
from typing import Final

LIMIT: Final[int] = 10

def f(x: int) -> bool:
    return x < LIMIT

def g(LIMIT: int) -> int:
    return LIMIT

print(LIMIT)
"#,
        )],
        expect![[r#"
            args f: [(0, builtins.int)]
            args g: [(0, builtins.int)]
            call 157..169 `print(LIMIT)`: dynamic call
            final 106..111 `LIMIT`: LIMIT
            final 163..168 `LIMIT`: LIMIT
        "#]],
    );
}

#[test]
fn containers_and_checked_builds() {
    check(
        &[(
            "main.py",
            r#"import __static__
from __static__ import CheckedList, CheckedDict, int64, clen

def f(xs: list, t: tuple, i: int64) -> int64:
    c = CheckedList[int]([1, 2])
    d = CheckedDict[str, int]()
    xs[i] = c[i]
    return clen(xs) + clen(t) + clen(d)
"#,
        )],
        expect![[r#"
            args f: [(0, builtins.list), (1, builtins.tuple), (2, __static__.int64#)]
            call 134..158 `CheckedList[int]([1, 2])`: dynamic call
            call 167..190 `CheckedDict[str, int]()`: dynamic call
            call 219..227 `clen(xs)`: FAST_LEN
            call 230..237 `clen(t)`: FAST_LEN
            call 240..247 `clen(d)`: FAST_LEN
            container 203..204 `c`: CheckedList
            container 224..226 `xs`: List
            container 235..236 `t`: Tuple exact
            container 245..246 `d`: CheckedDict
            build 134..158 `CheckedList[int]([1, 2])`: BUILD_CHECKED_LIST [builtins.int]
            build 167..190 `CheckedDict[str, int]()`: BUILD_CHECKED_MAP [builtins.str, builtins.int]
            primitive 198..199 `i`: int64
            primitive 205..206 `i`: int64
            primitive 219..227 `clen(xs)`: int64
            primitive 219..237 `clen(xs) + clen(t)`: int64
            primitive 219..247 `clen(xs) + clen(t) + clen(d)`: int64
            primitive 230..237 `clen(t)`: int64
            primitive 240..247 `clen(d)`: int64
        "#]],
    );
}

#[test]
fn inline_calls() {
    check(
        &[(
            "main.py",
            r#"import __static__
from __static__ import inline

@inline
def add1(x: int) -> int:
    return x + 1

def plain(x: int) -> int:
    return x

def f(y: int) -> int:
    return add1(y) + plain(y)
"#,
        )],
        expect![[r#"
            args add1: [(0, builtins.int)]
            args plain: [(0, builtins.int)]
            args f: [(0, builtins.int)]
            call 173..180 `add1(y)`: INVOKE_FUNCTION main.add1 1
            call 183..191 `plain(y)`: INVOKE_FUNCTION main.plain 1
            inline 173..180 `add1(y)`: add1
        "#]],
    );
}
