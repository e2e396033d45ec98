//! The value model of the strict-module interpreter.
//!
//! Immutable Python values (`None`, `bool`, `int`, `float`, `str`, `bytes`, `tuple`) are
//! plain variants; everything mutable or with identity (lists, dicts, sets, functions,
//! classes, instances, modules) is an [`Object`] that records its *owner*: the module
//! whose top level created it. Two more kinds of values stand for what the analysis does
//! not know: [`Value::Unknown`] comes from a non-strict module and may not be used at
//! module level; [`Value::Opaque`] is a known-safe value the model is imprecise about (a
//! compiled regex, a `TypeVar`, a typing special form): every use of it is allowed and
//! gives another opaque value. [`Value::Poisoned`] replaces a value whose computation
//! already failed with a reported error, so one mistake gives one diagnostic.

use std::cell::RefCell;
use std::rc::Rc;

use indexmap::IndexMap;
use num_bigint::BigInt;
use rustpython_parser::ast;

/// A namespace: a module's globals, a class body, or a function's locals.
pub(crate) type Scope<'a> = Rc<RefCell<IndexMap<String, Value<'a>>>>;

pub(crate) fn new_scope<'a>() -> Scope<'a> {
    Rc::new(RefCell::new(IndexMap::new()))
}

#[derive(Clone)]
pub(crate) enum Value<'a> {
    None,
    Ellipsis,
    NotImplemented,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Value<'a>]>),
    Object(Rc<Object<'a>>),
    /// A value from a non-strict module, with its display name (`<imported module os>`).
    Unknown(Rc<str>),
    /// A safe value that the model does not track precisely, with a description.
    Opaque(Rc<str>),
    /// The result of a computation that already reported an error.
    Poisoned,
}

/// A value with identity, owned by the module whose top level created it.
pub(crate) struct Object<'a> {
    pub owner: Rc<str>,
    pub data: RefCell<ObjectData<'a>>,
}

pub(crate) enum ObjectData<'a> {
    List(Vec<Value<'a>>),
    Dict {
        items: Vec<(Value<'a>, Value<'a>)>,
        /// The factory of a `collections.defaultdict`.
        default: Option<Value<'a>>,
    },
    Set {
        items: Vec<Value<'a>>,
        frozen: bool,
    },
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    /// An iterator over values computed ahead (generators are run to completion).
    Iterator {
        items: Vec<Value<'a>>,
        pos: usize,
    },
    Function(Function<'a>),
    /// A modelled builtin or stdlib function, dispatched by its qualified name.
    Builtin(Rc<str>),
    /// A method of a builtin type bound to its receiver (`items.append`).
    BoundBuiltin {
        receiver: Value<'a>,
        name: Rc<str>,
    },
    BoundMethod {
        receiver: Value<'a>,
        func: Value<'a>,
    },
    Class(Class<'a>),
    Instance(Instance<'a>),
    Module(ModuleObject<'a>),
    Property(Value<'a>),
    ClassMethod(Value<'a>),
    StaticMethod(Value<'a>),
    Partial {
        func: Value<'a>,
        args: Vec<Value<'a>>,
        kwargs: Vec<(String, Value<'a>)>,
    },
    /// `super()` inside a method: lookups start after `class` in the receiver's MRO.
    Super {
        class: Rc<Object<'a>>,
        receiver: Value<'a>,
    },
    Slice {
        lower: Value<'a>,
        upper: Value<'a>,
        step: Value<'a>,
    },
    /// The result of `dataclasses.field(...)`.
    Field {
        default: Option<Value<'a>>,
        default_factory: Option<Value<'a>>,
    },
    /// Cleared at the end of an analysis to break reference cycles.
    Cleared,
}

/// What a function needs to run: its parameters and body in the AST of its module.
#[derive(Clone, Copy)]
pub(crate) enum FunctionBody<'a> {
    Stmts(&'a [ast::Stmt]),
    Lambda(&'a ast::Expr),
}

/// The module a piece of code belongs to.
pub(crate) struct ModuleContext<'a> {
    pub name: Rc<str>,
    /// The module's file (relative imports resolve against it).
    pub file: crate::db::SourceFile,
    /// `None` for the analysed file; the path of an imported strict module otherwise.
    pub path: Option<String>,
    pub scope: Scope<'a>,
}

pub(crate) struct Function<'a> {
    pub name: String,
    pub params: &'a ast::Arguments,
    pub body: FunctionBody<'a>,
    pub module: Rc<ModuleContext<'a>>,
    /// Scopes of enclosing functions, outermost first.
    pub enclosing: Rc<[Scope<'a>]>,
    /// Defaults by parameter name (positional and keyword-only alike).
    pub defaults: Vec<(String, Value<'a>)>,
    /// The class whose body defined this function (for zero-argument `super()`).
    pub class_cell: Option<Rc<Object<'a>>>,
    /// The function's `__dict__` (`__wrapped__`, attributes set by decorators).
    pub attrs: IndexMap<String, Value<'a>>,
    pub is_generator: bool,
    pub is_async: bool,
    /// Names the body declares `global` and `nonlocal`.
    pub globals: Rc<std::collections::HashSet<String>>,
    pub nonlocals: Rc<std::collections::HashSet<String>>,
}

/// A dataclass-like field of a generated `__init__`: name and default, if any.
#[derive(Clone)]
pub(crate) struct InitField<'a> {
    pub name: String,
    pub default: Option<Value<'a>>,
    pub default_factory: Option<Value<'a>>,
}

pub(crate) struct Class<'a> {
    pub name: String,
    pub bases: Vec<Rc<Object<'a>>>,
    /// The method resolution order without the class itself.
    pub mro: Vec<Rc<Object<'a>>>,
    pub dict: IndexMap<String, Value<'a>>,
    /// Instance attributes declared by this class (`__init__` stores and annotations).
    pub slots: Vec<String>,
    /// Annotated class-level names, in order (fields of dataclasses and named tuples).
    pub annotations: Vec<String>,
    /// Set when the class body finished: class attributes are read-only afterwards.
    pub frozen: bool,
    /// The builtin type this class is, or derives its behaviour from (`int`, `Exception`).
    pub builtin: Option<&'static str>,
    /// A base the model does not know precisely (typing forms): any constructor call
    /// and attribute store is accepted.
    pub lenient: bool,
    /// Fields of a generated `__init__` (dataclasses, named tuples).
    pub init_fields: Option<Vec<InitField<'a>>>,
    /// Frozen dataclass: instances are read-only after `__init__`.
    pub frozen_instances: bool,
    pub is_enum: bool,
}

pub(crate) struct Instance<'a> {
    pub class: Rc<Object<'a>>,
    pub attrs: IndexMap<String, Value<'a>>,
    /// Constructor arguments of exceptions and values of builtin bases (`int` subclasses).
    pub args: Vec<Value<'a>>,
    /// Attribute stores are checked against the slots once `__init__` has returned.
    pub initialised: bool,
}

pub(crate) struct ModuleObject<'a> {
    pub name: Rc<str>,
    pub scope: Scope<'a>,
    /// A strict module (immutable after import) rather than a modelled stdlib module.
    pub strict: bool,
    /// Names the model does not list are opaque (typing, `__static__`) rather than
    /// unknown.
    pub opaque_fallback: bool,
}

impl<'a> Value<'a> {
    pub(crate) fn str(s: &str) -> Self {
        Value::Str(Rc::from(s))
    }

    pub(crate) fn int(i: i64) -> Self {
        Value::Int(BigInt::from(i))
    }

    pub(crate) fn object(owner: &Rc<str>, data: ObjectData<'a>) -> Self {
        Value::Object(Rc::new(Object {
            owner: owner.clone(),
            data: RefCell::new(data),
        }))
    }

    pub(crate) fn as_object(&self) -> Option<&Rc<Object<'a>>> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// The class object when this value is a class.
    pub(crate) fn as_class(&self) -> Option<&Rc<Object<'a>>> {
        self.as_object()
            .filter(|o| matches!(&*o.data.borrow(), ObjectData::Class(_)))
    }

    pub(crate) fn is_unknown(&self) -> bool {
        matches!(self, Value::Unknown(_))
    }

    /// A short description for messages: literals as Python writes them, objects as
    /// `<list>`, unknown values by their name.
    pub(crate) fn describe(&self) -> String {
        match self {
            Value::None => "None".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => format!("{f:?}"),
            Value::Str(s) => format!("'{s}'"),
            Value::Unknown(name) | Value::Opaque(name) => name.to_string(),
            Value::Poisoned => "<unknown>".into(),
            Value::Object(o) => match &*o.data.borrow() {
                ObjectData::Function(f) => format!("<function {}>", f.name),
                ObjectData::Class(c) => format!("<class {}>", c.name),
                ObjectData::Module(m) => format!("<module {}>", m.name),
                _ => format!("<{}>", self.type_name()),
            },
            Value::Bytes(_) | Value::Tuple(_) => format!("<{}>", self.type_name()),
        }
    }

    /// The name of the value's type, as `type(v).__name__`.
    pub(crate) fn type_name(&self) -> String {
        match self {
            Value::None => "NoneType".into(),
            Value::Ellipsis => "ellipsis".into(),
            Value::NotImplemented => "NotImplementedType".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) => "int".into(),
            Value::Float(_) => "float".into(),
            Value::Str(_) => "str".into(),
            Value::Bytes(_) => "bytes".into(),
            Value::Tuple(_) => "tuple".into(),
            Value::Unknown(_) | Value::Opaque(_) | Value::Poisoned => "object".into(),
            Value::Object(o) => match &*o.data.borrow() {
                ObjectData::List(_) => "list".into(),
                ObjectData::Dict { default: None, .. } => "dict".into(),
                ObjectData::Dict { .. } => "defaultdict".into(),
                ObjectData::Set { frozen: false, .. } => "set".into(),
                ObjectData::Set { frozen: true, .. } => "frozenset".into(),
                ObjectData::Range { .. } => "range".into(),
                ObjectData::Iterator { .. } => "iterator".into(),
                ObjectData::Function(_) => "function".into(),
                ObjectData::Builtin(_) | ObjectData::BoundBuiltin { .. } => {
                    "builtin_function_or_method".into()
                }
                ObjectData::BoundMethod { .. } => "method".into(),
                ObjectData::Class(_) => "type".into(),
                ObjectData::Instance(i) => class_name(&i.class),
                ObjectData::Module(_) => "module".into(),
                ObjectData::Property(_) => "property".into(),
                ObjectData::ClassMethod(_) => "classmethod".into(),
                ObjectData::StaticMethod(_) => "staticmethod".into(),
                ObjectData::Partial { .. } => "functools.partial".into(),
                ObjectData::Super { .. } => "super".into(),
                ObjectData::Field { .. } => "Field".into(),
                ObjectData::Slice { .. } => "slice".into(),
                ObjectData::Cleared => "object".into(),
            },
        }
    }
}

/// The `__name__` of a class object (empty for anything else).
pub(crate) fn class_name(klass: &Rc<Object<'_>>) -> String {
    match &*klass.data.borrow() {
        ObjectData::Class(c) => c.name.clone(),
        _ => String::new(),
    }
}

/// Python equality for the values that can be compared without running user code
/// (dict keys, set members, `==` on builtins). Objects compare by identity.
pub(crate) fn values_equal<'a>(a: &Value<'a>, b: &Value<'a>) -> bool {
    use num_traits::ToPrimitive;
    match (a, b) {
        (Value::None, Value::None)
        | (Value::Ellipsis, Value::Ellipsis)
        | (Value::NotImplemented, Value::NotImplemented) => true,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Bytes(x), Value::Bytes(y)) => x == y,
        (Value::Tuple(x), Value::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| values_equal(p, q))
        }
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Float(x), other) | (other, Value::Float(x)) => {
            as_int(other).and_then(|i| i.to_f64()) == Some(*x)
        }
        (Value::Object(x), Value::Object(y)) => {
            if Rc::ptr_eq(x, y) {
                return true;
            }
            match (&*x.data.borrow(), &*y.data.borrow()) {
                (ObjectData::List(p), ObjectData::List(q)) => {
                    p.len() == q.len() && p.iter().zip(q).all(|(l, r)| values_equal(l, r))
                }
                (ObjectData::Set { items: p, .. }, ObjectData::Set { items: q, .. }) => {
                    p.len() == q.len() && p.iter().all(|l| q.iter().any(|r| values_equal(l, r)))
                }
                (ObjectData::Dict { items: p, .. }, ObjectData::Dict { items: q, .. }) => {
                    p.len() == q.len()
                        && p.iter().all(|(k, v)| {
                            q.iter()
                                .any(|(k2, v2)| values_equal(k, k2) && values_equal(v, v2))
                        })
                }
                // Dataclasses and named tuples compare their fields.
                (ObjectData::Instance(p), ObjectData::Instance(q))
                    if Rc::ptr_eq(&p.class, &q.class) =>
                {
                    let fields = match &*p.class.data.borrow() {
                        ObjectData::Class(c) => c.init_fields.clone(),
                        _ => None,
                    };
                    match fields {
                        Some(fields) => fields.iter().all(|f| {
                            match (p.attrs.get(&f.name), q.attrs.get(&f.name)) {
                                (Some(l), Some(r)) => values_equal(l, r),
                                (None, None) => true,
                                _ => false,
                            }
                        }),
                        None => false,
                    }
                }
                _ => false,
            }
        }
        _ => match (as_int(a), as_int(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        },
    }
}

/// The integer value of an `int` or `bool`.
pub(crate) fn as_int(v: &Value<'_>) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(i.clone()),
        Value::Bool(b) => Some(BigInt::from(u8::from(*b))),
        _ => None,
    }
}

/// Whether a value may be a dict key or set member (hashable builtins and objects
/// that are not mutable containers).
pub(crate) fn is_hashable(v: &Value<'_>) -> bool {
    match v {
        Value::Tuple(items) => items.iter().all(is_hashable),
        Value::Object(o) => !matches!(
            &*o.data.borrow(),
            ObjectData::List(_) | ObjectData::Dict { .. } | ObjectData::Set { frozen: false, .. }
        ),
        _ => true,
    }
}
