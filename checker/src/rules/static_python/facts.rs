//! [`StaticFacts`]: what code generation needs to know about a checked static module,
//! so that it never re-derives a type. Every entry is keyed by the byte range of its
//! expression in the module (stable for an unchanged module), sorted by range.
//!
//! Type descriptors follow Cinder's shape: `builtins.int`, `main.C`, `__static__.int64#`
//! (primitive), with a trailing `?` for `Optional[T]` and `!` for an exact type.

use std::fmt::{self, Write as _};

use crate::diagnostics::Span;
use crate::types::Primitive;

/// A type descriptor: module, qualified name, and the `#`, `?`, `!` suffixes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TypeDescr {
    pub module: String,
    pub name: String,
    pub primitive: bool,
    pub optional: bool,
    pub exact: bool,
}

impl fmt::Display for TypeDescr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.module, self.name)?;
        if self.primitive {
            f.write_char('#')?;
        }
        if self.optional {
            f.write_char('?')?;
        }
        if self.exact {
            f.write_char('!')?;
        }
        Ok(())
    }
}

/// A function or method named by descriptor: module and qualified name (`C.f`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FunctionDescr {
    pub module: String,
    pub qualname: String,
}

impl fmt::Display for FunctionDescr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.module, self.qualname)
    }
}

/// How one call is compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallFact {
    /// A static function (or a method on an exact or final receiver): `INVOKE_FUNCTION`.
    InvokeFunction { func: FunctionDescr, nargs: usize },
    /// A method of a static class through the vtable: `INVOKE_METHOD`.
    InvokeMethod { func: FunctionDescr, nargs: usize },
    /// Construction of a static class (`TP_ALLOC` + `__init__`).
    Construct { class: TypeDescr, nargs: usize },
    /// `int64(x)`: unbox an object (`PRIMITIVE_UNBOX`) or convert a primitive
    /// (`CONVERT_PRIMITIVE`), `from` being the argument's primitive if it has one.
    PrimitiveConversion {
        to: Primitive,
        from: Option<Primitive>,
    },
    /// `box(x)`: `PRIMITIVE_BOX`.
    Box { from: Primitive },
    /// `clen(x)`: `FAST_LEN`.
    Clen,
    /// `cast(T, x)`: `CAST` of `x` to `T`.
    Cast { to: TypeDescr },
    /// `type(x)`: `LOAD_TYPE`.
    LoadType,
    /// An ordinary Python call.
    Dynamic,
}

/// What kind of container an expression is, when the checker knows (for `FAST_LEN` and
/// `SEQUENCE_GET`/`SEQUENCE_SET`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContainerKind {
    List,
    Tuple,
    Dict,
    Set,
    Str,
    CheckedList,
    CheckedDict,
    /// `Array[p]` of a primitive.
    Array(Primitive),
}

/// A container fact: the kind, and whether the value is exactly that type (not a subclass).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ContainerFact {
    pub kind: ContainerKind,
    pub exact: bool,
}

/// `CheckedList[T](...)` / `CheckedDict[K, V](...)`: `BUILD_CHECKED_LIST`/`_MAP`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedBuild {
    /// `true` for a `CheckedDict`.
    pub dict: bool,
    /// The type arguments (`[T]` or `[K, V]`); `builtins.object` for a dynamic one.
    pub args: Vec<TypeDescr>,
}

/// The layout of a static class defined at the top of the module: its own typed instance
/// fields (the class's `__slot_types__`) and its `@final` methods.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassLayout {
    pub qualname: String,
    pub fields: Vec<(String, TypeDescr)>,
    pub final_methods: Vec<String>,
}

/// A field of a static class read or written through `LOAD_FIELD`/`STORE_FIELD`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldFact {
    pub class: TypeDescr,
    pub field: String,
    pub ty: String,
    pub store: bool,
}

/// The argument checks of one function: `(local index, type descriptor)` pairs for the
/// parameters whose type is checked on entry (`CHECK_ARGS`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArgChecks {
    pub qualname: String,
    pub checks: Vec<(i32, TypeDescr)>,
}

/// Everything code generation reads about a static module.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StaticFacts {
    pub calls: Vec<(Span, CallFact)>,
    pub fields: Vec<(Span, FieldFact)>,
    /// Expressions whose dynamic value enters a typed slot: `CAST` to the descriptor.
    pub casts: Vec<(Span, TypeDescr)>,
    /// The primitive kind of every expression of primitive type.
    pub primitives: Vec<(Span, Primitive)>,
    pub arg_checks: Vec<ArgChecks>,
    /// Dict and list displays (and comprehensions) built as the checked container of
    /// their context (`BUILD_CHECKED_MAP`/`BUILD_CHECKED_LIST`), with its descriptor.
    pub checked_literals: Vec<(Span, TypeDescr)>,
    /// Container expressions whose kind the checker knows: the receivers of subscripts
    /// with a primitive index and the arguments of `clen`.
    pub containers: Vec<(Span, ContainerFact)>,
    /// The module's top-level classes, in declaration order.
    pub classes: Vec<ClassLayout>,
    /// Calls that build a checked container.
    pub checked_builds: Vec<(Span, CheckedBuild)>,
    /// Calls of this module's top-level `@inline` functions (by name), which codegen
    /// inlines.
    pub inlines: Vec<(Span, String)>,
    /// Reads of this module's `Final` globals (by name), which codegen inlines.
    pub finals: Vec<(Span, String)>,
    /// Ranges where the static pass reports in place of plain checking: calls whose
    /// arguments it checked, `from __static__` imports, `Array` slices, misplaced
    /// `Final` (the plain diagnostics inside them are dropped).
    pub replaced: Vec<Span>,
}

impl StaticFacts {
    /// Sorts every table by range (and drops duplicates) so the value is canonical.
    pub(crate) fn finish(&mut self) {
        self.calls.sort_by_key(|(s, _)| *s);
        self.calls.dedup_by_key(|(s, _)| *s);
        self.fields.sort_by_key(|(s, _)| *s);
        self.fields.dedup_by_key(|(s, _)| *s);
        self.casts.sort_by_key(|(s, _)| *s);
        self.casts.dedup_by_key(|(s, _)| *s);
        self.primitives.sort_by_key(|(s, _)| *s);
        self.primitives.dedup_by_key(|(s, _)| *s);
        self.checked_literals.sort_by_key(|(s, _)| *s);
        self.checked_literals.dedup_by_key(|(s, _)| *s);
        self.replaced.sort();
        self.replaced.dedup();
        self.finals.sort();
        self.finals.dedup();
        self.inlines.sort();
        self.inlines.dedup();
        self.containers.sort_by_key(|(s, _)| *s);
        self.containers.dedup_by_key(|(s, _)| *s);
        self.checked_builds.sort_by_key(|(s, _)| *s);
        self.checked_builds.dedup_by_key(|(s, _)| *s);
    }

    /// A readable listing, one fact a line, each with the source text it is about
    /// (snapshot tests, `cinder dis`-style debugging).
    pub fn render(&self, text: &str) -> String {
        let src = |s: &Span| -> String {
            let raw = text.get(s.start as usize..s.end as usize).unwrap_or("?");
            let line: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
            if line.chars().count() > 40 {
                format!("{}...", line.chars().take(40).collect::<String>())
            } else {
                line
            }
        };
        let mut out = String::new();
        for check in &self.arg_checks {
            let items: Vec<String> = check
                .checks
                .iter()
                .map(|(i, d)| format!("({i}, {d})"))
                .collect();
            let _ = writeln!(out, "args {}: [{}]", check.qualname, items.join(", "));
        }
        for (s, call) in &self.calls {
            let what = match call {
                CallFact::InvokeFunction { func, nargs } => {
                    format!("INVOKE_FUNCTION {func} {nargs}")
                }
                CallFact::InvokeMethod { func, nargs } => format!("INVOKE_METHOD {func} {nargs}"),
                CallFact::Construct { class, nargs } => format!("CONSTRUCT {class} {nargs}"),
                CallFact::PrimitiveConversion {
                    to,
                    from: Some(from),
                } => {
                    format!("CONVERT_PRIMITIVE {} -> {}", from.name(), to.name())
                }
                CallFact::PrimitiveConversion { to, from: None } => {
                    format!("PRIMITIVE_UNBOX {}", to.name())
                }
                CallFact::Box { from } => format!("PRIMITIVE_BOX {}", from.name()),
                CallFact::Clen => "FAST_LEN".to_string(),
                CallFact::Cast { to } => format!("CAST {to}"),
                CallFact::LoadType => "LOAD_TYPE".to_string(),
                CallFact::Dynamic => "dynamic call".to_string(),
            };
            let _ = writeln!(out, "call {}..{} `{}`: {what}", s.start, s.end, src(s));
        }
        for (s, field) in &self.fields {
            let op = if field.store {
                "STORE_FIELD"
            } else {
                "LOAD_FIELD"
            };
            let _ = writeln!(
                out,
                "field {}..{} `{}`: {op} {}.{}: {}",
                s.start,
                s.end,
                src(s),
                field.class,
                field.field,
                field.ty
            );
        }
        for (s, descr) in &self.casts {
            let _ = writeln!(
                out,
                "cast {}..{} `{}`: CAST {descr}",
                s.start,
                s.end,
                src(s)
            );
        }
        for (s, descr) in &self.checked_literals {
            let _ = writeln!(
                out,
                "checked literal {}..{} `{}`: {descr}",
                s.start,
                s.end,
                src(s)
            );
        }
        for (s, c) in &self.containers {
            let exact = if c.exact { " exact" } else { "" };
            let _ = writeln!(
                out,
                "container {}..{} `{}`: {:?}{exact}",
                s.start,
                s.end,
                src(s),
                c.kind
            );
        }
        for (s, b) in &self.checked_builds {
            let what = if b.dict {
                "BUILD_CHECKED_MAP"
            } else {
                "BUILD_CHECKED_LIST"
            };
            let args: Vec<String> = b.args.iter().map(|a| a.to_string()).collect();
            let _ = writeln!(
                out,
                "build {}..{} `{}`: {what} [{}]",
                s.start,
                s.end,
                src(s),
                args.join(", ")
            );
        }
        for class in &self.classes {
            let fields: Vec<String> = class
                .fields
                .iter()
                .map(|(n, d)| format!("{n}: {d}"))
                .collect();
            let _ = writeln!(
                out,
                "class {}: slots [{}] final [{}]",
                class.qualname,
                fields.join(", "),
                class.final_methods.join(", ")
            );
        }
        for (s, name) in &self.inlines {
            let _ = writeln!(out, "inline {}..{} `{}`: {name}", s.start, s.end, src(s));
        }
        for (s, name) in &self.finals {
            let _ = writeln!(out, "final {}..{} `{}`: {name}", s.start, s.end, src(s));
        }
        for (s, p) in &self.primitives {
            let _ = writeln!(
                out,
                "primitive {}..{} `{}`: {}",
                s.start,
                s.end,
                src(s),
                p.name()
            );
        }
        out
    }
}
