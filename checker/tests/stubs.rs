//! Tests of the bundled stubs in `stdlib_stubs/` (input: the stub files the checker embeds;
//! output: pass/fail).
//!
//! - every stub parses without a syntax error;
//! - every module the checker promises to know (the list below) has a stub;
//! - the stubs never invent names: each public name a stub declares at module level, and each
//!   method it declares on a class, exists at run time in CPython 3.11 (`python3`), except for
//!   the few names listed in [`NOT_AT_RUNTIME`] with the reason they are stubbed anyway. The
//!   `__static__`/`__strict__` stubs are checked against the plain-Python shim in
//!   `tests/static_shim/`, which keeps the stub and the shim in step;
//! - every parameter a stub lets callers pass by keyword is accepted by keyword at run time
//!   (so a missing `/` is caught), where `inspect.signature` can see the real signature;
//! - no class member shadows a type name that the same class body uses in an annotation;
//! - the shim lets `python3` run a small static program.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use cinder_checker::resolve::{STUBS_ROOT, module_name_under, resolve_module};
use cinder_checker::{CheckerDb, Db, parsed_module};
use rustpython_parser::ast::{self, Stmt};

/// Modules that must have a bundled stub: the list the issues ask for, and every module added
/// since, so that none is dropped by accident.
const EXPECTED_MODULES: &[&str] = &[
    "__future__",
    "__static__",
    "__static__.compiler_flags",
    "__strict__",
    "abc",
    "argparse",
    "array",
    "ast",
    "asyncio",
    "atexit",
    "base64",
    "binascii",
    "bisect",
    "builtins",
    "bz2",
    "calendar",
    "cmath",
    "codecs",
    "collections",
    "collections.abc",
    "concurrent",
    "concurrent.futures",
    "configparser",
    "contextlib",
    "contextvars",
    "copy",
    "copyreg",
    "csv",
    "dataclasses",
    "datetime",
    "decimal",
    "difflib",
    "email",
    "email.charset",
    "email.encoders",
    "email.generator",
    "email.message",
    "email.utils",
    "enum",
    "errno",
    "fcntl",
    "fnmatch",
    "fractions",
    "functools",
    "gc",
    "getopt",
    "getpass",
    "gettext",
    "glob",
    "graphlib",
    "grp",
    "gzip",
    "hashlib",
    "heapq",
    "hmac",
    "html",
    "html.parser",
    "http",
    "http.client",
    "http.cookies",
    "http.server",
    "importlib",
    "importlib.abc",
    "importlib.machinery",
    "importlib.util",
    "inspect",
    "io",
    "ipaddress",
    "itertools",
    "json",
    "keyword",
    "linecache",
    "locale",
    "logging",
    "logging.config",
    "logging.handlers",
    "lzma",
    "math",
    "mimetypes",
    "mmap",
    "multiprocessing",
    "numbers",
    "operator",
    "os",
    "os.path",
    "pathlib",
    "pickle",
    "platform",
    "posixpath",
    "pprint",
    "pwd",
    "queue",
    "random",
    "re",
    "reprlib",
    "resource",
    "secrets",
    "select",
    "selectors",
    "shlex",
    "shutil",
    "signal",
    "smtplib",
    "socket",
    "socketserver",
    "sqlite3",
    "sqlite3.dbapi2",
    "ssl",
    "stat",
    "statistics",
    "string",
    "struct",
    "subprocess",
    "sys",
    "sysconfig",
    "tarfile",
    "tempfile",
    "textwrap",
    "threading",
    "time",
    "timeit",
    "token",
    "tokenize",
    "traceback",
    "types",
    "typing",
    "typing_extensions",
    "unicodedata",
    "unittest",
    "unittest.loader",
    "unittest.mock",
    "urllib",
    "urllib.error",
    "urllib.parse",
    "urllib.request",
    "urllib.response",
    "uuid",
    "warnings",
    "weakref",
    "xml",
    "xml.etree",
    "xml.etree.ElementTree",
    "xml.sax",
    "xml.sax.handler",
    "xml.sax.saxutils",
    "zipfile",
    "zlib",
    "zoneinfo",
];

/// Names the stubs declare although the running module lacks them, each with its reason.
const NOT_AT_RUNTIME: &[(&str, &str, &str)] = &[
    (
        "builtins",
        "reveal_type",
        "the checker's own diagnostic helper; at run time it lives in `typing` only",
    ),
    (
        "argparse",
        "Namespace.__getattr__",
        "`parse_args` sets the attributes at run time; this makes reading them dynamic for the checker",
    ),
    (
        "types",
        "ModuleType.__getattr__",
        "a module's attributes are whatever its code bound; `importlib.import_module(name).x` must read as dynamic",
    ),
    (
        "xml.etree.ElementTree",
        "Element.__iter__",
        "the C `Element` iterates through the sequence protocol (`__len__`/`__getitem__`); this spells it for `for child in element`",
    ),
    (
        "weakref",
        "ProxyType.__getattr__",
        "a proxy forwards attribute reads in C (`tp_getattro`), which the checker sees through this method",
    ),
    (
        "weakref",
        "CallableProxyType.__getattr__",
        "a proxy forwards attribute reads in C (`tp_getattro`), which the checker sees through this method",
    ),
];

/// Stubbed modules outside the standard library: the runtime check skips them when `python3`
/// cannot import them (they are pip packages, not always installed).
const THIRD_PARTY: &[&str] = &["typing_extensions"];

/// The bundled stub files, as `(module name, file)` pairs.
fn stub_modules(db: &CheckerDb) -> Vec<(String, cinder_checker::SourceFile)> {
    db.project()
        .files(db)
        .iter()
        .filter_map(|&file| {
            let path = file.path(db);
            path.starts_with(STUBS_ROOT)
                .then(|| module_name_under(STUBS_ROOT, path).map(|name| (name, file)))?
        })
        .collect()
}

#[test]
fn every_stub_parses() {
    let db = CheckerDb::new();
    let stubs = stub_modules(&db);
    assert!(
        stubs.len() >= EXPECTED_MODULES.len(),
        "only {} stubs bundled",
        stubs.len()
    );
    let mut broken = Vec::new();
    for (name, file) in &stubs {
        let parsed = parsed_module(&db, *file);
        if let Some(error) = parsed.syntax_errors().first() {
            let at = parsed
                .line_index()
                .line_col(file.text(&db), error.span.start);
            broken.push(format!(
                "{name} ({}:{at:?}): {}",
                file.path(&db),
                error.message
            ));
        }
    }
    assert!(
        broken.is_empty(),
        "stubs with syntax errors:\n{}",
        broken.join("\n")
    );
}

#[test]
fn expected_modules_have_stubs() {
    let db = CheckerDb::new();
    let missing: Vec<&str> = EXPECTED_MODULES
        .iter()
        .copied()
        .filter(|name| resolve_module(&db, name).is_none())
        .collect();
    assert!(missing.is_empty(), "modules without a stub: {missing:?}");
}

/// True for names a stub exports: not private, but dunders count.
fn is_public(name: &str) -> bool {
    !name.starts_with('_') || (name.starts_with("__") && name.ends_with("__"))
}

/// The public module-level names of a stub, each with the public methods it declares when it
/// is a class (class-level annotations are skipped: they are often instance attributes).
fn declared_names(suite: &[Stmt]) -> BTreeMap<String, Vec<String>> {
    let mut names = BTreeMap::new();
    for stmt in suite {
        match stmt {
            Stmt::FunctionDef(def) => {
                names.insert(def.name.to_string(), Vec::new());
            }
            Stmt::AsyncFunctionDef(def) => {
                names.insert(def.name.to_string(), Vec::new());
            }
            Stmt::ClassDef(class) => {
                let mut members: Vec<String> = class
                    .body
                    .iter()
                    .filter_map(|member| match member {
                        Stmt::FunctionDef(def) => Some(def.name.to_string()),
                        Stmt::AsyncFunctionDef(def) => Some(def.name.to_string()),
                        Stmt::ClassDef(def) => Some(def.name.to_string()),
                        _ => None,
                    })
                    .filter(|name| is_public(name))
                    .collect();
                members.dedup();
                names.insert(class.name.to_string(), members);
            }
            Stmt::AnnAssign(assign) => {
                if let ast::Expr::Name(target) = assign.target.as_ref() {
                    names.insert(target.id.to_string(), Vec::new());
                }
            }
            Stmt::Assign(assign) => {
                for target in &assign.targets {
                    if let ast::Expr::Name(target) = target {
                        names.insert(target.id.to_string(), Vec::new());
                    }
                }
            }
            Stmt::ImportFrom(import) => {
                // `from m import x as y` re-exports `y` from a stub (PEP 484); a bare
                // `from m import x` does not.
                for alias in &import.names {
                    if let Some(asname) = &alias.asname {
                        names.insert(asname.to_string(), Vec::new());
                    }
                }
            }
            _ => {}
        }
    }
    names.retain(|name, _| is_public(name));
    names
}

/// Every name an annotation expression refers to unqualified (`list[Foo] | None` gives `list`,
/// `Foo`, `None`); attributes such as `types.CodeType` cannot be shadowed and are skipped.
fn annotation_names(expr: &ast::Expr, out: &mut Vec<String>) {
    match expr {
        ast::Expr::Name(name) => out.push(name.id.to_string()),
        ast::Expr::Subscript(subscript) => {
            annotation_names(&subscript.value, out);
            annotation_names(&subscript.slice, out);
        }
        ast::Expr::BinOp(binop) => {
            annotation_names(&binop.left, out);
            annotation_names(&binop.right, out);
        }
        ast::Expr::Tuple(tuple) => tuple.elts.iter().for_each(|e| annotation_names(e, out)),
        ast::Expr::List(list) => list.elts.iter().for_each(|e| annotation_names(e, out)),
        _ => {}
    }
}

/// The names the annotations of one class body use: parameter, return and attribute types.
fn class_annotation_names(body: &[Stmt]) -> Vec<String> {
    let mut out = Vec::new();
    for stmt in body {
        let args = match stmt {
            Stmt::FunctionDef(def) => {
                def.returns
                    .iter()
                    .for_each(|r| annotation_names(r, &mut out));
                &def.args
            }
            Stmt::AsyncFunctionDef(def) => {
                def.returns
                    .iter()
                    .for_each(|r| annotation_names(r, &mut out));
                &def.args
            }
            Stmt::AnnAssign(assign) => {
                annotation_names(&assign.annotation, &mut out);
                continue;
            }
            _ => continue,
        };
        let with_defaults = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs);
        let params = with_defaults
            .map(|p| &p.def)
            .chain(args.vararg.as_deref())
            .chain(args.kwarg.as_deref());
        for param in params {
            param
                .annotation
                .iter()
                .for_each(|a| annotation_names(a, &mut out));
        }
    }
    out
}

/// Top-level names a stub binds (classes, functions, variables, imports).
fn top_level_names(suite: &[Stmt]) -> Vec<String> {
    let mut names = Vec::new();
    for stmt in suite {
        match stmt {
            Stmt::ClassDef(class) => names.push(class.name.to_string()),
            Stmt::FunctionDef(def) => names.push(def.name.to_string()),
            Stmt::AsyncFunctionDef(def) => names.push(def.name.to_string()),
            Stmt::AnnAssign(assign) => {
                if let ast::Expr::Name(target) = assign.target.as_ref() {
                    names.push(target.id.to_string());
                }
            }
            Stmt::Assign(assign) => {
                for target in &assign.targets {
                    if let ast::Expr::Name(target) = target {
                        names.push(target.id.to_string());
                    }
                }
            }
            Stmt::ImportFrom(import) => {
                for alias in &import.names {
                    names.push(alias.asname.as_ref().unwrap_or(&alias.name).to_string());
                }
            }
            _ => {}
        }
    }
    names
}

/// In a class body a member binds its name for the rest of the body, so a method or attribute
/// named like a type (`def date(self) -> date`, `type: type[X]`) makes later annotations in
/// that class refer to the member, not the type. Stubs must use a module-level alias instead.
#[test]
fn class_members_never_shadow_types_used_in_the_class() {
    let db = CheckerDb::new();
    let builtins = match resolve_module(&db, "builtins") {
        Some(file) => top_level_names(parsed_module(&db, file).suite()),
        None => panic!("no builtins stub"),
    };
    let mut clashes = Vec::new();
    for (module, file) in stub_modules(&db) {
        let suite = parsed_module(&db, file).suite();
        let mut type_names = top_level_names(suite);
        type_names.extend(builtins.iter().cloned());
        for stmt in suite.iter() {
            let Stmt::ClassDef(class) = stmt else {
                continue;
            };
            let used = class_annotation_names(&class.body);
            for member in &class.body {
                let name = match member {
                    Stmt::FunctionDef(def) => def.name.to_string(),
                    Stmt::AsyncFunctionDef(def) => def.name.to_string(),
                    Stmt::AnnAssign(assign) => match assign.target.as_ref() {
                        ast::Expr::Name(target) => target.id.to_string(),
                        _ => continue,
                    },
                    _ => continue,
                };
                if used.contains(&name) && type_names.contains(&name) {
                    clashes.push(format!("{module}.{}.{name}", class.name));
                }
            }
        }
    }
    clashes.dedup();
    assert!(
        clashes.is_empty(),
        "class members that shadow a type their class uses:\n{}",
        clashes.join("\n")
    );
}

/// Run by `python3`: reads `{module: {name: [members]}}` as JSON on stdin and prints one
/// `module.name` or `module.name.member` line per name missing at run time. Members of the
/// `typing` aliases (instances, not classes) are looked up on the `collections.abc` class
/// they stand for. Modules named in the arguments may be missing (see [`THIRD_PARTY`]).
const RUNTIME_PROBE: &str = r#"
import importlib, json, sys
optional = set(sys.argv[1:])

def has(obj, name):
    # Enum's `name`/`value` are descriptors that raise when read on the class itself.
    return hasattr(obj, name) or (isinstance(obj, type) and any(name in vars(k) for k in obj.__mro__))

for module, names in json.load(sys.stdin).items():
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as error:
        if module not in optional:
            print(f"{module} (cannot import: {error})")
        continue
    except Exception as error:
        print(f"{module} (cannot import: {error})")
        continue
    for name, members in names.items():
        if not hasattr(mod, name):
            print(f"{module}.{name}")
            continue
        obj = getattr(mod, name)
        if not isinstance(obj, type):
            obj = getattr(obj, "__origin__", obj)
        for member in members:
            if not has(obj, member):
                print(f"{module}.{name}.{member}")
"#;

fn shim_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/static_shim")
}

/// Runs `python3 -c script args...` with `stdin` as input and the shim on `PYTHONPATH`.
fn python3(script: &str, args: &[&str], stdin: &str) -> (String, String, bool) {
    let spawned = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .env("PYTHONPATH", shim_dir())
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(error) => {
            panic!("cannot run python3 (CPython 3.11 is the oracle of these tests): {error}")
        }
    };
    if let Some(mut input) = child.stdin.take()
        && let Err(error) = input.write_all(stdin.as_bytes())
    {
        panic!("cannot write to python3: {error}");
    }
    let output = match child.wait_with_output() {
        Ok(output) => output,
        Err(error) => panic!("python3 did not finish: {error}"),
    };
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.success(),
    )
}

#[test]
fn stubs_declare_only_names_that_exist_at_runtime() {
    let db = CheckerDb::new();
    let mut request = serde_json::Map::new();
    for (module, file) in stub_modules(&db) {
        let names = declared_names(parsed_module(&db, file).suite());
        request.insert(module, serde_json::to_value(names).unwrap_or_default());
    }
    let (stdout, stderr, ok) = python3(
        RUNTIME_PROBE,
        THIRD_PARTY,
        &serde_json::Value::Object(request).to_string(),
    );
    assert!(ok, "the runtime probe failed:\n{stderr}");
    let allowed: Vec<String> = NOT_AT_RUNTIME
        .iter()
        .map(|(module, name, _)| format!("{module}.{name}"))
        .collect();
    let invented: Vec<&str> = stdout
        .lines()
        .filter(|line| !allowed.iter().any(|a| a == line))
        .collect();
    assert!(
        invented.is_empty(),
        "stubbed names that python3 does not have:\n{}",
        invented.join("\n")
    );
    for name in &allowed {
        assert!(
            stdout.lines().any(|line| line == name),
            "{name} exists at run time now: drop it from NOT_AT_RUNTIME"
        );
    }
}

/// Run by `python3`: reads `{module: stub source}` as JSON on stdin and, for every function and
/// method a stub declares without `@overload`, checks each parameter the stub lets a caller pass
/// by keyword against `inspect.signature` of the real object: the keyword must exist there and
/// must not be positional-only. Prints one line per mismatch. Objects without an introspectable
/// signature are skipped.
const KEYWORD_PROBE: &str = r#"
import ast, importlib, inspect, json, sys

def keyword_names(func, skip_first):
    args = func.args
    names = []
    for index, param in enumerate(args.args):
        if index + len(args.posonlyargs) < skip_first:
            continue
        names.append(param.arg)
    return names + [param.arg for param in args.kwonlyargs]

def check(obj, func, label, skip_first):
    try:
        params = inspect.signature(obj).parameters
    except (TypeError, ValueError):
        return
    takes_kwargs = any(p.kind == p.VAR_KEYWORD for p in params.values())
    for name in keyword_names(func, skip_first):
        param = params.get(name)
        if param is None and not takes_kwargs:
            print(f"{label}: keyword `{name}` is unknown at run time")
        elif param is not None and param.kind == param.POSITIONAL_ONLY:
            print(f"{label}: `{name}` is positional-only at run time")

def is_overload(func):
    return any(isinstance(d, ast.Name) and d.id == "overload" for d in func.decorator_list)

def is_property(func):
    return any(isinstance(d, ast.Name) and d.id == "property" for d in func.decorator_list)

optional = set(sys.argv[1:])
for module, source in json.load(sys.stdin).items():
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError:
        if module not in optional:
            print(f"{module} (cannot import)")
        continue
    for stmt in ast.parse(source).body:
        if isinstance(stmt, ast.FunctionDef) and not is_overload(stmt) and hasattr(mod, stmt.name):
            check(getattr(mod, stmt.name), stmt, f"{module}.{stmt.name}", 0)
        elif isinstance(stmt, ast.ClassDef) and isinstance(getattr(mod, stmt.name, None), type):
            klass = getattr(mod, stmt.name)
            for member in stmt.body:
                if not isinstance(member, ast.FunctionDef) or is_overload(member) or is_property(member):
                    continue
                raw = vars(klass).get(member.name)
                label = f"{module}.{stmt.name}.{member.name}"
                if isinstance(raw, staticmethod):
                    check(raw.__func__, member, label, 0)
                elif isinstance(raw, classmethod):
                    check(raw.__func__, member, label, 1)
                elif callable(raw):
                    check(raw, member, label, 1)
"#;

#[test]
fn stub_keywords_are_accepted_at_runtime() {
    let db = CheckerDb::new();
    let mut request = serde_json::Map::new();
    for (module, file) in stub_modules(&db) {
        if module.starts_with("__static__") || module == "__strict__" {
            continue;
        }
        request.insert(module, serde_json::Value::String(file.text(&db).clone()));
    }
    let (stdout, stderr, ok) = python3(
        KEYWORD_PROBE,
        THIRD_PARTY,
        &serde_json::Value::Object(request).to_string(),
    );
    assert!(ok, "the keyword probe failed:\n{stderr}");
    assert!(
        stdout.is_empty(),
        "stub parameters that python3 does not accept by keyword:\n{stdout}"
    );
}

/// A static program that uses primitives, checked containers and the decorators; under the
/// shim, `python3` runs it with the meaning Static Python gives it.
const STATIC_PROGRAM: &str = r#"
import __static__
from __static__ import CheckedDict, CheckedList, box, cast, clen, crange, inline, int64, double, cbool
from __static__.compiler_flags import checked_dicts
from __strict__ import mutable

@inline
def twice(x: int64) -> int64:
    return x * 2

@mutable
class Point:
    def __init__(self, x: int64, y: double) -> None:
        self.x: int64 = x
        self.y: double = y

def total(n: int64) -> int64:
    acc: int64 = 0
    for i in crange(n):
        acc += twice(i)
    return acc

names: CheckedDict[str, int] = CheckedDict[str, int]({"a": 1})
names["b"] = box(total(int64(4)))
items = CheckedList[int]([1, 2, 3])
p = Point(int64(3), double(1.5))
flag: cbool = cbool(p.x > 2)
print(sorted(names.items()), clen(items), box(p.x), box(p.y), box(flag))
print(cast(Point, p) is p)
try:
    items.append("no")
except TypeError as error:
    print("TypeError:", error)
try:
    names[1] = 2
except TypeError as error:
    print("TypeError:", error)
try:
    cast(int, "s")
except TypeError as error:
    print("TypeError:", error)
"#;

#[test]
fn shim_runs_a_static_program_under_python3() {
    let (stdout, stderr, ok) = python3(STATIC_PROGRAM, &[], "");
    assert!(ok, "python3 failed on the static program:\n{stderr}");
    expect_test::expect![[r#"
        [('a', 1), ('b', 12)] 3 3 1.5 True
        True
        TypeError: bad value 'str' for chklist[int]
        TypeError: bad key 'int' for chkdict[str, int]
        TypeError: expected int, got str
    "#]]
    .assert_eq(&stdout);
}
