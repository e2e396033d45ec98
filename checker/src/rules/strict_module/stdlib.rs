//! Models of the stdlib modules a strict module may use at module level: `typing`
//! (where `TYPE_CHECKING` is `False`, as at run time), `dataclasses`, `enum`,
//! `functools`, `abc`, `collections`, `re`, `math`, `__future__`, and the markers
//! `__static__` and `__strict__`. Their values are modelled; a name of such a module
//! that the model does not know is unknown (non-strict), except in the type-only
//! modules (`typing`, `__static__`, ...) where it is a safe opaque value.

use std::rc::Rc;

use indexmap::IndexMap;

use super::builtins::kwarg;
use super::call::Kwargs;
use super::interp::{Env, Eval, Interp};
use super::values::{Class, InitField, ModuleObject, Object, ObjectData, Value, as_int};
use crate::diagnostics::Span;

/// Modelled module names.
pub(crate) const MODELLED: &[&str] = &[
    "typing",
    "typing_extensions",
    "dataclasses",
    "enum",
    "functools",
    "abc",
    "collections",
    "collections.abc",
    "re",
    "math",
    "sys",
    "__future__",
    "__static__",
    "__static__.compiler_flags",
    "__strict__",
];

const TYPING_FUNCTIONS: &[&str] = &[
    "cast",
    "overload",
    "final",
    "no_type_check",
    "runtime_checkable",
    "TypeVar",
    "NewType",
    "ParamSpec",
    "TypeVarTuple",
    "dataclass_transform",
    "assert_never",
    "reveal_type",
    "get_type_hints",
];

/// Functions that return their (first) argument unchanged: decorators with no effect.
const IDENTITY: &[&str] = &[
    "typing.overload",
    "typing.final",
    "typing.no_type_check",
    "typing.runtime_checkable",
    "typing.reveal_type",
    "typing.assert_never",
    "abc.abstractmethod",
    "functools.total_ordering",
    "enum.unique",
    "__strict__.loose_slots",
    "__strict__.strict_slots",
    "__strict__.allow_side_effects",
    "__static__.inline",
    "__static__.allow_weakrefs",
    "__static__.dynamic_return",
    "__static__.box",
    "__static__.unbox",
    "__static__.native",
];

impl<'a> Interp<'a> {
    /// Builds the model of a stdlib module (`None` when it is not modelled).
    pub(crate) fn stdlib_module(&mut self, name: &str) -> Option<Value<'a>> {
        if !MODELLED.contains(&name) {
            return None;
        }
        let owner: Rc<str> = Rc::from(name);
        let mut scope: IndexMap<String, Value<'a>> = IndexMap::new();
        let builtin =
            |qualname: &str| Value::object(&owner, ObjectData::Builtin(Rc::from(qualname)));
        let mut opaque_fallback = false;
        match name {
            "typing" | "typing_extensions" => {
                opaque_fallback = true;
                scope.insert("TYPE_CHECKING".into(), Value::Bool(false));
                for f in TYPING_FUNCTIONS {
                    scope.insert(f.to_string(), builtin(&format!("typing.{f}")));
                }
                let named_tuple =
                    self.stdlib_class(&owner, "NamedTuple", Some("NamedTuple"), false, false);
                scope.insert("NamedTuple".into(), named_tuple);
                let typed_dict = self.stdlib_class(&owner, "TypedDict", None, false, true);
                scope.insert("TypedDict".into(), typed_dict);
            }
            "collections.abc" | "__future__" | "__static__" | "__static__.compiler_flags" => {
                opaque_fallback = true;
                if name == "__static__" {
                    for f in IDENTITY
                        .iter()
                        .filter_map(|f| f.strip_prefix("__static__."))
                    {
                        scope.insert(f.to_string(), builtin(&format!("__static__.{f}")));
                    }
                    scope.insert("cast".into(), builtin("typing.cast"));
                    scope.insert("clen".into(), builtin("len"));
                    // Primitives and checked containers behave as the builtin types
                    // they box to.
                    let aliases: &[(&[&str], &str)] = &[
                        (
                            &[
                                "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
                                "uint64", "size_t", "ssize_t", "char",
                            ],
                            "int",
                        ),
                        (&["double", "single"], "float"),
                        (&["cbool"], "bool"),
                        (&["CheckedDict", "chkdict"], "dict"),
                        (&["CheckedList", "chklist", "Array", "Vector"], "list"),
                        (&["crange"], "range"),
                    ];
                    for (names, builtin_class) in aliases {
                        if let Some(class) = self.classes.get(builtin_class) {
                            for alias in names.iter() {
                                scope.insert(alias.to_string(), Value::Object(class.clone()));
                            }
                        }
                    }
                }
            }
            "__strict__" => {
                for f in [
                    "loose_slots",
                    "strict_slots",
                    "allow_side_effects",
                    "mutable",
                    "extra_slot",
                ] {
                    scope.insert(f.to_string(), builtin(&format!("__strict__.{f}")));
                }
            }
            "dataclasses" => {
                for f in [
                    "dataclass",
                    "field",
                    "fields",
                    "asdict",
                    "astuple",
                    "replace",
                    "is_dataclass",
                ] {
                    scope.insert(f.to_string(), builtin(&format!("dataclasses.{f}")));
                }
                scope.insert(
                    "MISSING".into(),
                    Value::Opaque(Rc::from("dataclasses.MISSING")),
                );
                if let Some(class) = self.classes.get("FrozenInstanceError") {
                    scope.insert("FrozenInstanceError".into(), Value::Object(class.clone()));
                }
            }
            "enum" => {
                let enum_class = self.stdlib_class(&owner, "Enum", None, true, false);
                let mut int_enum_bases = Vec::new();
                if let Some(int) = self.classes.get("int") {
                    int_enum_bases.push(int.clone());
                }
                if let Some(e) = enum_class.as_class() {
                    int_enum_bases.push(e.clone());
                }
                let int_enum = self.derived_class(&owner, "IntEnum", int_enum_bases.clone());
                let flag = self.derived_class(
                    &owner,
                    "Flag",
                    enum_class.as_class().cloned().into_iter().collect(),
                );
                let int_flag = self.derived_class(&owner, "IntFlag", int_enum_bases);
                let mut str_enum_bases: Vec<Rc<Object<'a>>> =
                    self.classes.get("str").cloned().into_iter().collect();
                str_enum_bases.extend(enum_class.as_class().cloned());
                let str_enum = self.derived_class(&owner, "StrEnum", str_enum_bases);
                scope.insert("Enum".into(), enum_class);
                scope.insert("IntEnum".into(), int_enum);
                scope.insert("Flag".into(), flag);
                scope.insert("IntFlag".into(), int_flag);
                scope.insert("StrEnum".into(), str_enum);
                scope.insert("auto".into(), builtin("enum.auto"));
                scope.insert("unique".into(), builtin("enum.unique"));
            }
            "functools" => {
                for f in [
                    "wraps",
                    "update_wrapper",
                    "lru_cache",
                    "cache",
                    "partial",
                    "total_ordering",
                    "cached_property",
                    "reduce",
                    "singledispatch",
                ] {
                    scope.insert(f.to_string(), builtin(&format!("functools.{f}")));
                }
            }
            "abc" => {
                let abc = self.stdlib_class(&owner, "ABC", None, false, false);
                let meta = self.derived_class(
                    &owner,
                    "ABCMeta",
                    self.classes.get("type").cloned().into_iter().collect(),
                );
                scope.insert("ABC".into(), abc);
                scope.insert("ABCMeta".into(), meta);
                scope.insert("abstractmethod".into(), builtin("abc.abstractmethod"));
                scope.insert(
                    "abstractproperty".into(),
                    builtin("functools.cached_property"),
                );
            }
            "collections" => {
                for (class, tag) in [
                    ("defaultdict", "defaultdict"),
                    ("OrderedDict", "OrderedDict"),
                    ("deque", "deque"),
                    ("Counter", "Counter"),
                ] {
                    let value = self.stdlib_class(&owner, class, Some(tag), false, false);
                    scope.insert(class.to_string(), value);
                }
                scope.insert("namedtuple".into(), builtin("collections.namedtuple"));
            }
            "re" => {
                scope.insert("compile".into(), builtin("re.compile"));
                for (flag, value) in [
                    ("ASCII", 256),
                    ("A", 256),
                    ("IGNORECASE", 2),
                    ("I", 2),
                    ("LOCALE", 4),
                    ("L", 4),
                    ("MULTILINE", 8),
                    ("M", 8),
                    ("DOTALL", 16),
                    ("S", 16),
                    ("VERBOSE", 64),
                    ("X", 64),
                ] {
                    scope.insert(flag.to_string(), Value::int(value));
                }
            }
            "sys" => {
                // Only the facts a module may branch on; `sys.path`, `sys.modules` and
                // the streams stay unknown.
                let base =
                    self.stdlib_class(&owner, "NamedTuple", Some("NamedTuple"), false, false);
                let class = self.derived_class(
                    &owner,
                    "version_info",
                    base.as_class().cloned().into_iter().collect(),
                );
                let fields = ["major", "minor", "micro", "releaselevel", "serial"];
                let values = [
                    Value::int(3),
                    Value::int(11),
                    Value::int(0),
                    Value::str("final"),
                    Value::int(0),
                ];
                if let Some(c) = class.as_class()
                    && let ObjectData::Class(k) = &mut *c.data.borrow_mut()
                {
                    k.init_fields = Some(
                        fields
                            .iter()
                            .map(|f| InitField {
                                name: f.to_string(),
                                default: None,
                                default_factory: None,
                            })
                            .collect(),
                    );
                }
                if let Some(c) = class.as_class() {
                    let version = self.new_instance(c, Vec::new());
                    if let Value::Object(o) = &version
                        && let ObjectData::Instance(inst) = &mut *o.data.borrow_mut()
                    {
                        for (field, value) in fields.iter().zip(values) {
                            inst.attrs.insert(field.to_string(), value);
                        }
                        inst.initialised = true;
                    }
                    scope.insert("version_info".into(), version);
                }
                scope.insert("platform".into(), Value::str("linux"));
                scope.insert("byteorder".into(), Value::str("little"));
                scope.insert("maxsize".into(), Value::int(i64::MAX));
                scope.insert("hexversion".into(), Value::int(0x030B_00F0));
            }
            "math" => {
                scope.insert("pi".into(), Value::Float(std::f64::consts::PI));
                scope.insert("e".into(), Value::Float(std::f64::consts::E));
                scope.insert("tau".into(), Value::Float(std::f64::consts::TAU));
                scope.insert("inf".into(), Value::Float(f64::INFINITY));
                scope.insert("nan".into(), Value::Float(f64::NAN));
                for f in [
                    "floor", "ceil", "sqrt", "isclose", "log", "exp", "fabs", "gcd",
                ] {
                    scope.insert(f.to_string(), builtin(&format!("math.{f}")));
                }
            }
            _ => {}
        }
        scope.insert("__name__".into(), Value::str(name));
        let module = Value::object(
            &owner,
            ObjectData::Module(ModuleObject {
                name: owner.clone(),
                scope: Rc::new(std::cell::RefCell::new(scope)),
                strict: false,
                opaque_fallback,
            }),
        );
        self.track(&module);
        Some(module)
    }

    fn stdlib_class(
        &mut self,
        owner: &Rc<str>,
        name: &str,
        builtin: Option<&'static str>,
        is_enum: bool,
        lenient: bool,
    ) -> Value<'a> {
        let object: Vec<Rc<Object<'a>>> = self.classes.get("object").cloned().into_iter().collect();
        let class = Value::object(
            owner,
            ObjectData::Class(Class {
                name: name.to_string(),
                bases: object.clone(),
                mro: object,
                dict: IndexMap::new(),
                slots: Vec::new(),
                annotations: Vec::new(),
                frozen: true,
                builtin,
                lenient,
                init_fields: None,
                frozen_instances: false,
                is_enum,
            }),
        );
        self.track(&class);
        class
    }

    fn derived_class(
        &mut self,
        owner: &Rc<str>,
        name: &str,
        bases: Vec<Rc<Object<'a>>>,
    ) -> Value<'a> {
        let mut mro: Vec<Rc<Object<'a>>> = Vec::new();
        for base in &bases {
            let mut chain = vec![base.clone()];
            if let ObjectData::Class(c) = &*base.data.borrow() {
                chain.extend(c.mro.iter().cloned());
            }
            for class in chain {
                mro.retain(|c| !Rc::ptr_eq(c, &class));
                mro.push(class);
            }
        }
        if let Some(object) = self.classes.get("object")
            && let Some(i) = mro.iter().position(|c| Rc::ptr_eq(c, object))
        {
            let object = mro.remove(i);
            mro.push(object);
        }
        let is_enum = mro
            .iter()
            .any(|c| matches!(&*c.data.borrow(), ObjectData::Class(k) if k.is_enum));
        let class = Value::object(
            owner,
            ObjectData::Class(Class {
                name: name.to_string(),
                bases,
                mro,
                dict: IndexMap::new(),
                slots: Vec::new(),
                annotations: Vec::new(),
                frozen: true,
                builtin: None,
                lenient: false,
                init_fields: None,
                frozen_instances: false,
                is_enum,
            }),
        );
        self.track(&class);
        class
    }

    /// Calls a modelled stdlib function; `None` when `name` is not one.
    pub(crate) fn call_stdlib(
        &mut self,
        env: &Env<'a>,
        name: &str,
        args: &[Value<'a>],
        kwargs: &Kwargs<'a>,
        span: Span,
    ) -> Eval<'a, Option<Value<'a>>> {
        let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::None);
        let owner = self.owner.clone();
        if IDENTITY.contains(&name) {
            return Ok(Some(arg(0)));
        }
        let result = match name {
            "typing.cast" => arg(1),
            "typing.TypeVar" | "typing.ParamSpec" | "typing.TypeVarTuple" => Value::Opaque(
                Rc::from(format!("<{}>", name.trim_start_matches("typing."))),
            ),
            "typing.NewType" => Value::object(
                &self.builtins_owner,
                ObjectData::Builtin(Rc::from("typing.NewType.instance")),
            ),
            "typing.NewType.instance" => arg(0),
            "typing.dataclass_transform" => Value::object(
                &self.builtins_owner,
                ObjectData::Builtin(Rc::from("typing.overload")),
            ),
            "typing.get_type_hints" => Value::Opaque(Rc::from("<dict>")),
            "__strict__.mutable" => {
                if let Some(class) = arg(0).as_class() {
                    self.mutable_classes.push(class.clone());
                }
                arg(0)
            }
            "__strict__.extra_slot" => {
                if let (Some(class), Value::Str(slot)) = (arg(0).as_class(), arg(1))
                    && let ObjectData::Class(c) = &mut *class.data.borrow_mut()
                {
                    c.slots.push(slot.to_string());
                }
                Value::None
            }
            "enum.auto" => Value::Opaque(Rc::from("enum.auto()")),
            "dataclasses.dataclass" => {
                if arg(0).as_class().is_some() {
                    let frozen = match kwarg(kwargs, "frozen") {
                        Some(f) => self.truthy(env, &f.clone(), span)?,
                        None => false,
                    };
                    self.apply_dataclass(env, &arg(0), frozen, span)?
                } else {
                    Value::object(
                        &owner,
                        ObjectData::Partial {
                            func: Value::object(
                                &self.builtins_owner,
                                ObjectData::Builtin(Rc::from("dataclasses.dataclass")),
                            ),
                            args: Vec::new(),
                            kwargs: kwargs.clone(),
                        },
                    )
                }
            }
            "dataclasses.field" => Value::object(
                &owner,
                ObjectData::Field {
                    default: kwarg(kwargs, "default").cloned(),
                    default_factory: kwarg(kwargs, "default_factory").cloned(),
                },
            ),
            "dataclasses.is_dataclass" => Value::Bool(match arg(0).as_class() {
                Some(c) => {
                    matches!(&*c.data.borrow(), ObjectData::Class(k) if k.init_fields.is_some())
                }
                None => false,
            }),
            "functools.wraps" => Value::object(
                &owner,
                ObjectData::Partial {
                    func: Value::object(
                        &self.builtins_owner,
                        ObjectData::Builtin(Rc::from("functools.update_wrapper")),
                    ),
                    args: Vec::new(),
                    kwargs: vec![("wrapped".to_string(), arg(0))],
                },
            ),
            "functools.update_wrapper" => {
                let wrapper = arg(0);
                let wrapped = kwarg(kwargs, "wrapped").cloned().unwrap_or_else(|| arg(1));
                for attr in ["__name__", "__qualname__", "__doc__", "__module__"] {
                    if let Value::Object(o) = &wrapped
                        && let ObjectData::Function(f) = &*o.data.borrow()
                        && let Some(v) = f.attrs.get(attr)
                        && let Value::Object(w) = &wrapper
                        && !std::ptr::eq(&**o, &**w)
                        && let Ok(mut data) = w.data.try_borrow_mut()
                        && let ObjectData::Function(target) = &mut *data
                    {
                        target.attrs.insert(attr.to_string(), v.clone());
                    }
                }
                if let Value::Object(w) = &wrapper
                    && let Ok(mut data) = w.data.try_borrow_mut()
                    && let ObjectData::Function(target) = &mut *data
                {
                    target.attrs.insert("__wrapped__".to_string(), wrapped);
                }
                wrapper
            }
            "functools.lru_cache" | "functools.cache" => match arg(0) {
                Value::Object(_) if args.len() == 1 && kwargs.is_empty() => arg(0),
                _ => Value::object(
                    &self.builtins_owner,
                    ObjectData::Builtin(Rc::from("abc.abstractmethod")),
                ),
            },
            "functools.partial" => Value::object(
                &owner,
                ObjectData::Partial {
                    func: arg(0),
                    args: args.iter().skip(1).cloned().collect(),
                    kwargs: kwargs.clone(),
                },
            ),
            "functools.cached_property" => Value::object(&owner, ObjectData::Property(arg(0))),
            "functools.reduce" => {
                let mut items = self.iterate(env, &arg(1), span)?.into_iter();
                let mut acc = match args.get(2) {
                    Some(init) => init.clone(),
                    None => match items.next() {
                        Some(first) => first,
                        None => {
                            return self.raise(
                                env,
                                "TypeError",
                                "reduce() of empty iterable with no initial value",
                                span,
                            );
                        }
                    },
                };
                for item in items {
                    acc = self.call_value(env, &arg(0), vec![acc, item], Vec::new(), span)?;
                }
                acc
            }
            "collections.namedtuple" => {
                let fields: Vec<String> = match arg(1) {
                    Value::Str(s) => s
                        .replace(',', " ")
                        .split_whitespace()
                        .map(str::to_string)
                        .collect(),
                    other => self
                        .iterate(env, &other, span)?
                        .into_iter()
                        .filter_map(|f| {
                            if let Value::Str(s) = f {
                                Some(s.to_string())
                            } else {
                                None
                            }
                        })
                        .collect(),
                };
                let class_name = match arg(0) {
                    Value::Str(s) => s.to_string(),
                    _ => "namedtuple".to_string(),
                };
                let base = self.stdlib_class(
                    &Rc::from("collections"),
                    "NamedTuple",
                    Some("NamedTuple"),
                    false,
                    false,
                );
                let class = self.derived_class(
                    &owner,
                    &class_name,
                    base.as_class().cloned().into_iter().collect(),
                );
                if let Some(c) = class.as_class()
                    && let ObjectData::Class(k) = &mut *c.data.borrow_mut()
                {
                    k.slots = fields.clone();
                    k.init_fields = Some(
                        fields
                            .into_iter()
                            .map(|name| InitField {
                                name,
                                default: None,
                                default_factory: None,
                            })
                            .collect(),
                    );
                }
                class
            }
            "re.compile" => Value::Opaque(Rc::from("<re.Pattern>")),
            "math.floor" | "math.ceil" => match self.payload(&arg(0)) {
                Value::Float(f) => Value::int(if name == "math.floor" {
                    f.floor()
                } else {
                    f.ceil()
                } as i64),
                v if as_int(&v).is_some() => v,
                _ => Value::Opaque(Rc::from("<int>")),
            },
            "math.sqrt" | "math.log" | "math.exp" | "math.fabs" => match self.payload(&arg(0)) {
                Value::Float(f) => Value::Float(math_fn(name, f)),
                v => match as_int(&v).and_then(|i| num_traits::ToPrimitive::to_f64(&i)) {
                    Some(f) => Value::Float(math_fn(name, f)),
                    None => Value::Opaque(Rc::from("<float>")),
                },
            },
            _ if MODELLED.iter().any(|m| {
                name.strip_prefix(m)
                    .is_some_and(|rest| rest.starts_with('.'))
            }) =>
            {
                Value::Opaque(Rc::from(format!("<{name}()>")))
            }
            _ => return Ok(None),
        };
        Ok(Some(result))
    }
}

fn math_fn(name: &str, f: f64) -> f64 {
    match name {
        "math.sqrt" => f.sqrt(),
        "math.log" => f.ln(),
        "math.exp" => f.exp(),
        _ => f.abs(),
    }
}
