//! The checker's Static Python facts, indexed for lowering.
//!
//! Input: a static module's [`StaticFacts`] (never re-derived here) and the name the module
//! runs under. Output: [`StaticInfo`], lookup tables keyed by an expression's byte range,
//! with descriptors already in the constant form of [`crate::format::static_ops`].

use std::collections::{HashMap, HashSet};

use cinder_checker::types::Primitive;
use cinder_checker::{
    CallFact, CheckedBuild, ContainerFact, ContainerKind, FunctionDescr, StaticFacts, TypeDescr,
};
use rustpython_ast::Ranged;

use crate::format::static_ops::{FuncOwner, FuncRef, TypeRef, fast_len, seq, type_code};

/// A byte range of the source, the key of every table.
pub(crate) type Key = (u32, u32);

pub(crate) fn key_of<T: Ranged>(node: &T) -> Key {
    let r = node.range();
    (u32::from(r.start()), u32::from(r.end()))
}

/// A class's `(field, descriptor)` slots and `@final` method names.
pub(crate) type Layout = (Vec<(String, TypeRef)>, Vec<String>);

/// What lowering knows about a static module.
#[derive(Default)]
pub(crate) struct StaticInfo {
    pub calls: HashMap<Key, CallFact>,
    /// `(class, field)` of each `LOAD_FIELD`/`STORE_FIELD` attribute.
    pub fields: HashMap<Key, (TypeRef, String)>,
    pub casts: HashMap<Key, TypeRef>,
    /// The type code of each expression of primitive type.
    pub prims: HashMap<Key, u32>,
    /// Argument checks by function qualname.
    pub arg_checks: HashMap<String, Vec<(i32, TypeRef)>>,
    /// Container kinds of expressions (`clen` arguments, subscripted values).
    pub containers: HashMap<Key, ContainerFact>,
    /// Checked container constructions: the container's descriptor and whether it is a dict.
    pub checked_builds: HashMap<Key, (TypeRef, bool)>,
    /// Calls of the module's `@inline` functions, by name.
    pub inlines: HashMap<Key, String>,
    /// Parameters of the function being inlined: name -> hidden fast local.
    pub subst: HashMap<String, u32>,
    /// Inlined call sites so far (names the hidden locals).
    pub inlined: u32,
    /// Top-level classes: `(field, descriptor)` slots and `@final` method names.
    pub layouts: HashMap<String, Layout>,
    /// Reads of the module's `Final` globals, by name.
    pub finals: HashMap<Key, String>,
    /// The constant value of each `Final` global whose value folds to a constant.
    pub final_values: HashMap<String, crate::format::Constant>,
    /// Top-level classes of this module that define their own `__init__`.
    pub classes_with_init: HashSet<String>,
    /// `(checked name, runtime name)` of this module: a script runs as `__main__`.
    rename: Option<(String, String)>,
}

/// The type code of a checker primitive.
pub(crate) fn code_of(p: Primitive) -> u32 {
    type_code::of_name(p.name()).unwrap_or(type_code::INT64)
}

impl StaticInfo {
    /// Indexes `facts` of the module checked as `rename.0`, which runs as `rename.1`
    /// (descriptors naming it are written with the runtime name).
    pub(crate) fn new(facts: &StaticFacts, rename: Option<(String, String)>) -> StaticInfo {
        let mut info = StaticInfo {
            rename,
            ..StaticInfo::default()
        };
        for (span, call) in &facts.calls {
            info.calls.insert((span.start, span.end), call.clone());
        }
        for (span, field) in &facts.fields {
            let class = info.type_ref(&field.class);
            info.fields
                .insert((span.start, span.end), (class, field.field.clone()));
        }
        for (span, ty) in &facts.casts {
            let ty = info.type_ref(ty);
            info.casts.insert((span.start, span.end), ty);
        }
        for (span, p) in &facts.primitives {
            info.prims.insert((span.start, span.end), code_of(*p));
        }
        for (span, c) in &facts.containers {
            info.containers.insert((span.start, span.end), *c);
        }
        for (span, b) in &facts.checked_builds {
            let ty = info.checked_type(b);
            info.checked_builds
                .insert((span.start, span.end), (ty, b.dict));
        }
        for class in &facts.classes {
            let fields = class
                .fields
                .iter()
                .map(|(n, d)| (n.clone(), info.type_ref(d)))
                .collect();
            info.layouts.insert(
                class.qualname.clone(),
                (fields, class.final_methods.clone()),
            );
        }
        for (span, name) in &facts.inlines {
            info.inlines.insert((span.start, span.end), name.clone());
        }
        for (span, name) in &facts.finals {
            info.finals.insert((span.start, span.end), name.clone());
        }
        for checks in &facts.arg_checks {
            let list = checks
                .checks
                .iter()
                .map(|(i, d)| (*i, info.type_ref(d)))
                .collect();
            info.arg_checks.insert(checks.qualname.clone(), list);
        }
        info
    }

    /// The exact descriptor of a checked container: `__static__.chklist[T]!`.
    fn checked_type(&self, b: &CheckedBuild) -> TypeRef {
        let name = if b.dict { "chkdict" } else { "chklist" };
        TypeRef {
            args: b.args.iter().map(|a| self.type_ref(a)).collect(),
            exact: true,
            ..TypeRef::class("__static__", name)
        }
    }

    /// The `FAST_LEN` oparg for the container at `key`.
    pub(crate) fn fast_len_kind(&self, key: Key) -> u32 {
        let Some(c) = self.containers.get(&key) else {
            return fast_len::ANY;
        };
        let (kind, exact) = match c.kind {
            ContainerKind::List => (fast_len::LIST, c.exact),
            ContainerKind::CheckedList => (fast_len::LIST, false),
            ContainerKind::Tuple => (fast_len::TUPLE, c.exact),
            ContainerKind::Dict => (fast_len::DICT, c.exact),
            ContainerKind::CheckedDict => (fast_len::DICT, false),
            ContainerKind::Set => (fast_len::SET, c.exact),
            ContainerKind::Str => (fast_len::STR, c.exact),
            ContainerKind::Array(_) => (fast_len::ARRAY, true),
        };
        if exact {
            kind
        } else {
            kind | fast_len::INEXACT
        }
    }

    /// The `SEQUENCE_GET`/`SET` kind for the container at `key` (`None`: not a sequence
    /// the opcodes handle).
    pub(crate) fn seq_kind(&self, key: Key) -> Option<u32> {
        let c = self.containers.get(&key)?;
        Some(match c.kind {
            ContainerKind::List if c.exact => seq::LIST,
            ContainerKind::List => seq::LIST_INEXACT,
            ContainerKind::Tuple if c.exact => seq::TUPLE,
            ContainerKind::CheckedList => seq::CHECKED_LIST,
            ContainerKind::Array(p) => seq::array_of(code_of(p)),
            _ => return None,
        })
    }

    /// Whether `module` (a runtime name) is this module.
    pub(crate) fn is_own_module(&self, module: &str) -> bool {
        self.rename.as_ref().is_some_and(|(_, to)| to == module)
    }

    fn module(&self, module: &str) -> String {
        match &self.rename {
            Some((from, to)) if from == module => to.clone(),
            _ => module.to_string(),
        }
    }

    pub(crate) fn type_ref(&self, d: &TypeDescr) -> TypeRef {
        TypeRef {
            primitive: d.primitive,
            optional: d.optional,
            exact: d.exact,
            ..TypeRef::class(&self.module(&d.module), &d.name)
        }
    }

    /// The descriptor of a function; `None` for one that cannot be named from outside its
    /// scope (a nested function).
    pub(crate) fn func_ref(&self, f: &FunctionDescr) -> Option<FuncRef> {
        if f.qualname.contains('<') {
            return None;
        }
        let module = self.module(&f.module);
        Some(match f.qualname.rsplit_once('.') {
            Some((class, name)) => FuncRef {
                owner: FuncOwner::Class(TypeRef::class(&module, class)),
                name: name.to_string(),
            },
            None => FuncRef {
                owner: FuncOwner::Module(module),
                name: f.qualname.clone(),
            },
        })
    }
}
