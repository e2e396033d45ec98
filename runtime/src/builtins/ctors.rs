//! Constructors of the built-in types (`int(...)`, `list(...)`, ...) as their `__new__`, and
//! the methods every object has (`object.__init__`, `BaseException.__init__`, ...).

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;

use super::{check_args, def_class, kwarg};
use crate::interp::Interp;
use crate::object::int::{Int, big_to_value};
use crate::object::{BaseKind, Class, ExcKind, PyErr, PyResult, PyStr, Range, Value, new_dict};

type Kw = [(Rc<PyStr>, Value)];

pub fn install(interp: &mut Interp) {
    let t = &interp.types;
    let new = |k: &Rc<Class>, f| def_class(k, "__new__", f);
    new(&t.int, int_new);
    new(&t.bool_, bool_new);
    new(&t.float, float_new);
    new(&t.complex, complex_new);
    new(&t.str_, str_new);
    new(&t.list, list_new);
    new(&t.tuple, tuple_new);
    new(&t.dict, dict_new);
    new(&t.set, set_new);
    new(&t.frozenset, set_new);
    new(&t.range, range_new);
    new(&t.slice, slice_new);
    new(&t.bytes, bytes_new);
    new(&t.bytearray, bytearray_new);
    new(&t.type_, type_new);
    new(&t.property, property_new);
    new(&t.staticmethod, staticmethod_new);
    new(&t.classmethod, classmethod_new);
    new(&t.super_, super_new);
    new(&t.object, object_new);
    def_class(&t.object, "__init__", object_init);
    def_class(&t.object, "__setattr__", object_setattr);
    def_class(&t.object, "__getattribute__", object_getattribute);
    def_class(&t.object, "__eq__", object_eq);
    def_class(&t.object, "__ne__", object_ne);
    def_class(&t.object, "__hash__", object_hash);
    def_class(&t.object, "__repr__", object_repr);
    def_class(&t.object, "__str__", object_str);
    def_class(&t.object, "__format__", object_format);
    def_class(&t.object, "__delattr__", object_delattr);
    def_class(&t.object, "__dir__", object_dir);
    def_class(&t.object, "__reduce_ex__", object_reduce);
    def_class(&t.object, "__reduce__", object_reduce);
    t.object.dict.set_item(
        "__init_subclass__",
        Value::ClassMethod(Rc::new(super::native("__init_subclass__", noop))),
    );
    t.object.dict.set_item("__doc__", Value::None);
    def_class(&t.list, "__init__", list_init);
    def_class(&t.dict, "__init__", dict_init);
    def_class(&t.set, "__init__", set_init);
    let base = t.exc(ExcKind::BaseException).clone();
    def_class(&base, "__init__", exception_init);
    def_class(&base, "with_traceback", exception_with_traceback);
    def_class(&base, "add_note", exception_add_note);
    def_class(&t.type_, "mro", type_mro);
    def_class(&t.type_, "__subclasses__", type_subclasses);
    def_class(&t.property, "setter", property_setter);
    def_class(&t.property, "getter", property_getter);
    def_class(&t.property, "deleter", property_deleter);
    def_class(&t.property, "__get__", property_get);
}

/// `object.__reduce_ex__` / `__reduce__`: `(copyreg.__newobj__, (cls,), state, None, None)`
/// with the instance `__dict__` as state (what `copy` and `pickle` use for plain instances).
fn object_reduce(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let Some(obj) = args.first() else {
        return Err(PyErr::type_error("__reduce_ex__() needs an argument"));
    };
    let klass = interp.types.type_of(obj);
    let Value::Instance(inst) = obj else {
        return Err(PyErr::type_error(format!(
            "cannot pickle '{}' object",
            klass.name()
        )));
    };
    let copyreg = interp.import_dotted("copyreg")?;
    let newobj = interp.get_attr(&copyreg, &Value::str("__newobj__"))?;
    let state = match &inst.dict {
        Some(d) if !d.is_empty() => Value::Dict(d.clone()),
        _ => Value::None,
    };
    Ok(Value::tuple(vec![
        newobj,
        Value::tuple(vec![Value::Class(klass)]),
        state,
        Value::None,
        Value::None,
    ]))
}

fn noop(_: &mut Interp, _: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::None)
}

/// The class passed as `cls` to `__new__`.
fn cls_arg(args: &[Value]) -> PyResult<Rc<Class>> {
    match args.first() {
        Some(Value::Class(k)) => Ok(k.clone()),
        _ => Err(PyErr::type_error("__new__ requires a type argument")),
    }
}

/// Wraps a built-in value for a subclass of a built-in type.
fn wrap(interp: &mut Interp, klass: &Rc<Class>, value: Value) -> Value {
    if klass.is_builtin {
        value
    } else {
        interp.new_instance(klass, value)
    }
}

/// `int(x)` for a string in base `base`.
pub fn parse_int(text: &str, base: u32) -> Option<Value> {
    let t = text.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (base, t) = if base == 0 || base == 16 || base == 8 || base == 2 {
        let lower = t.to_ascii_lowercase();
        if (base == 0 || base == 16) && lower.starts_with("0x") {
            (16, &t[2..])
        } else if (base == 0 || base == 8) && lower.starts_with("0o") {
            (8, &t[2..])
        } else if (base == 0 || base == 2) && lower.starts_with("0b") {
            (2, &t[2..])
        } else if base == 0 {
            if t.len() > 1 && t.starts_with('0') && t.chars().any(|c| c != '0' && c != '_') {
                return None;
            }
            (10, t)
        } else {
            (base, t)
        }
    } else {
        (base, t)
    };
    if t.is_empty() || t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return None;
    }
    let digits: String = t.chars().filter(|&c| c != '_').collect();
    if !digits.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    let b = BigInt::parse_bytes(digits.as_bytes(), base)?;
    Some(big_to_value(if neg { -b } else { b }))
}

fn int_new(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let klass = cls_arg(args)?;
    let x = args.get(1).cloned().or_else(|| kwarg(kwargs, "x"));
    let base = args.get(2).cloned().or_else(|| kwarg(kwargs, "base"));
    let v = match (x, base) {
        (None, _) => Value::Int(0),
        (Some(Value::Str(s)), base) => {
            let b = match base {
                Some(b) => interp.index_of(&b)?,
                None => 10,
            };
            if b != 0 && !(2..=36).contains(&b) {
                return Err(PyErr::value_error(
                    "int() base must be >= 2 and <= 36, or 0",
                ));
            }
            parse_int(s.as_str(), b as u32).ok_or_else(|| {
                PyErr::value_error(format!(
                    "invalid literal for int() with base {b}: {}",
                    crate::interp::str_repr(s.as_str())
                ))
            })?
        }
        (Some(Value::Bytes(bytes)), base) => {
            let b = match base {
                Some(b) => interp.index_of(&b)?,
                None => 10,
            };
            let s = String::from_utf8_lossy(&bytes).into_owned();
            parse_int(&s, b as u32).ok_or_else(|| {
                PyErr::value_error(format!(
                    "invalid literal for int() with base {b}: {}",
                    crate::interp::bytes_repr(&bytes)
                ))
            })?
        }
        (Some(_), Some(_)) => {
            return Err(PyErr::type_error(
                "int() can't convert non-string with explicit base",
            ));
        }
        (Some(x), None) => to_int(interp, &x)?,
    };
    Ok(wrap(interp, &klass, v))
}

/// `int(x)` for a non-string.
pub fn to_int(interp: &mut Interp, x: &Value) -> PyResult<Value> {
    match x {
        Value::Int(_) | Value::Big(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        Value::Float(f) => super::float_to_int(f.trunc()),
        Value::Instance(inst) => {
            let klass = inst.class();
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(m) = klass.lookup_str(name)
                    && !matches!(m, Value::Builtin(_))
                {
                    return interp.call_value(&m, std::slice::from_ref(x), None);
                }
            }
            if let Some(inner) = crate::interp::unwrap_base(x) {
                return to_int(interp, &inner);
            }
            Err(PyErr::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                klass.name()
            )))
        }
        other => Err(PyErr::type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            interp.types.type_of(other).name()
        ))),
    }
}

fn bool_new(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    match args.get(1) {
        Some(v) => Ok(Value::Bool(interp.truthy(v)?)),
        None => Ok(Value::Bool(false)),
    }
}

/// `float(text)`.
pub fn parse_float(text: &str) -> Option<f64> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    let neg = lower.starts_with('-');
    let special = match body {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if neg { -v } else { v });
    }
    if t.contains("__") || t.starts_with('_') || t.ends_with('_') {
        return None;
    }
    let cleaned: String = t.chars().filter(|&c| c != '_').collect();
    if cleaned.is_empty()
        || !cleaned
            .chars()
            .all(|c| c.is_ascii_digit() || "+-.eE".contains(c))
    {
        return None;
    }
    cleaned.parse::<f64>().ok()
}

fn float_new(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let klass = cls_arg(args)?;
    let v = match args.get(1) {
        None => 0.0,
        Some(x) => to_float(interp, x)?,
    };
    Ok(wrap(interp, &klass, Value::Float(v)))
}

pub fn to_float(interp: &mut Interp, x: &Value) -> PyResult<f64> {
    match x {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(f64::from(u8::from(*b))),
        Value::Big(b) => {
            let f = crate::object::int::to_f64(&Int::Big(b));
            if f.is_infinite() {
                return Err(PyErr::new(
                    ExcKind::OverflowError,
                    "int too large to convert to float",
                ));
            }
            Ok(f)
        }
        Value::Str(s) => parse_float(s.as_str()).ok_or_else(|| {
            PyErr::value_error(format!(
                "could not convert string to float: {}",
                crate::interp::str_repr(s.as_str())
            ))
        }),
        Value::Instance(inst) => {
            let klass = inst.class();
            for name in ["__float__", "__index__"] {
                if let Some(m) = klass.lookup_str(name)
                    && !matches!(m, Value::Builtin(_))
                {
                    let r = interp.call_value(&m, std::slice::from_ref(x), None)?;
                    return to_float(interp, &r);
                }
            }
            if let Some(inner) = crate::interp::unwrap_base(x) {
                return to_float(interp, &inner);
            }
            Err(PyErr::type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                klass.name()
            )))
        }
        other => Err(PyErr::type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            interp.types.type_of(other).name()
        ))),
    }
}

fn complex_new(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let re = match args.get(1) {
        Some(Value::Complex(c)) => return Ok(Value::Complex(c.clone())),
        Some(v) => to_float(interp, v)?,
        None => 0.0,
    };
    let im = match args.get(2) {
        Some(v) => to_float(interp, v)?,
        None => 0.0,
    };
    Ok(Value::Complex(Rc::new((re, im))))
}

fn str_new(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let klass = cls_arg(args)?;
    let v = match args.get(1).cloned().or_else(|| kwarg(kwargs, "object")) {
        None => Value::str(""),
        Some(Value::Bytes(b)) if args.len() > 2 || kwarg(kwargs, "encoding").is_some() => {
            Value::from_string(String::from_utf8_lossy(&b).into_owned())
        }
        Some(x) => Value::from_string(interp.str_of(&x)?),
    };
    Ok(wrap(interp, &klass, v))
}

fn list_new(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let klass = cls_arg(args)?;
    if !klass.is_builtin {
        return Ok(interp.new_instance(&klass, Value::list(Vec::new())));
    }
    check_args("list", &args[1..], 0, 1)?;
    let items = match args.get(1) {
        Some(x) => interp.collect(x.clone())?,
        None => Vec::new(),
    };
    Ok(Value::list(items))
}

fn list_init(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let target = match args.first() {
        Some(Value::List(l)) => Some(l.clone()),
        Some(v) => match crate::interp::unwrap_base(v) {
            Some(Value::List(l)) => Some(l),
            _ => None,
        },
        None => None,
    };
    if let Some(l) = target {
        let items = match args.get(1) {
            Some(x) => interp.collect(x.clone())?,
            None => Vec::new(),
        };
        *l.borrow_mut() = items;
    }
    Ok(Value::None)
}

fn tuple_new(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let klass = cls_arg(args)?;
    check_args("tuple", &args[1..], 0, 1)?;
    let v = match args.get(1) {
        Some(Value::Tuple(t)) => Value::Tuple(t.clone()),
        Some(x) => Value::tuple(interp.collect(x.clone())?),
        None => Value::tuple(Vec::new()),
    };
    Ok(wrap(interp, &klass, v))
}

fn dict_new(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let klass = cls_arg(args)?;
    if !klass.is_builtin {
        return Ok(interp.new_instance(&klass, Value::Dict(new_dict())));
    }
    let d = new_dict();
    if let Some(src) = args.get(1) {
        interp.dict_update(&d, src.clone(), None)?;
    }
    for (k, v) in kwargs {
        d.set_str(Value::Str(k.clone()), v.clone());
    }
    Ok(Value::Dict(d))
}

fn dict_init(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let target = args.first().and_then(crate::interp::unwrap_base);
    if let Some(Value::Dict(d)) = target {
        if let Some(src) = args.get(1) {
            interp.dict_update(&d, src.clone(), None)?;
        }
        for (k, v) in kwargs {
            d.set_str(Value::Str(k.clone()), v.clone());
        }
    }
    Ok(Value::None)
}

fn set_new(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let klass = cls_arg(args)?;
    let frozen = Rc::ptr_eq(&klass, &interp.types.frozenset);
    if !klass.is_builtin {
        return Ok(interp.new_instance(&klass, Value::Set(new_dict())));
    }
    let d = new_dict();
    if let Some(src) = args.get(1) {
        for item in interp.collect(src.clone())? {
            let key = interp.make_key(item)?;
            d.set(key, Value::None);
        }
    }
    Ok(if frozen {
        Value::FrozenSet(d)
    } else {
        Value::Set(d)
    })
}

fn set_init(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    if let Some(Value::Set(d)) = args.first().and_then(crate::interp::unwrap_base)
        && let Some(src) = args.get(1)
    {
        for item in interp.collect(src.clone())? {
            let key = interp.make_key(item)?;
            d.set(key, Value::None);
        }
    }
    Ok(Value::None)
}

fn range_new(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let nums = &args[1..];
    check_args("range", nums, 1, 3)?;
    let mut vals = Vec::with_capacity(3);
    for v in nums {
        vals.push(match v {
            Value::Int(i) => *i,
            Value::Bool(b) => i64::from(*b),
            Value::Float(_) => {
                return Err(PyErr::type_error(
                    "'float' object cannot be interpreted as an integer",
                ));
            }
            // Bounds beyond 64 bits are clamped (a limit of this runtime's `range`): the
            // stdlib's `range(1 << 1000)` only asks for the iterator's type.
            Value::Big(b) => {
                if b.sign() == num_bigint::Sign::Minus {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                }
            }
            other => interp.index_of(other)?,
        });
    }
    let (start, stop, step) = match vals.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        _ => (0, 0, 1),
    };
    if step == 0 {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(Range { start, stop, step })))
}

fn slice_new(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let a = &args[1..];
    check_args("slice", a, 1, 3)?;
    let s = match a {
        [stop] => [Value::None, stop.clone(), Value::None],
        [start, stop] => [start.clone(), stop.clone(), Value::None],
        [start, stop, step] => [start.clone(), stop.clone(), step.clone()],
        _ => [Value::None, Value::None, Value::None],
    };
    Ok(Value::Slice(Rc::new(s)))
}

fn bytes_from(interp: &mut Interp, args: &[Value]) -> PyResult<Vec<u8>> {
    Ok(match args.get(1) {
        None => Vec::new(),
        Some(Value::Str(s)) => {
            if args.len() < 3 {
                return Err(PyErr::type_error("string argument without an encoding"));
            }
            s.as_str().as_bytes().to_vec()
        }
        Some(Value::Int(n)) => vec![0; (*n).max(0) as usize],
        Some(Value::Bytes(b)) => (**b).clone(),
        Some(Value::ByteArray(b)) => b.borrow().clone(),
        Some(x) => {
            let mut out = Vec::new();
            for item in interp.collect(x.clone())? {
                let n = interp.index_of(&item)?;
                out.push(
                    u8::try_from(n)
                        .map_err(|_| PyErr::value_error("bytes must be in range(0, 256)"))?,
                );
            }
            out
        }
    })
}

fn bytes_new(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Bytes(Rc::new(bytes_from(interp, args)?)))
}

fn bytearray_new(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::ByteArray(Rc::new(RefCell::new(bytes_from(
        interp, args,
    )?))))
}

fn type_new(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    match args {
        [_, x] => Ok(Value::Class(interp.types.type_of(x))),
        [meta, name, bases, ns] => {
            let meta = match meta {
                Value::Class(k) => k.clone(),
                _ => return Err(PyErr::type_error("type.__new__ requires a type")),
            };
            if let Some(winner) = derived_metaclass(interp, &meta, bases)?
                && let Some(new) = winner.lookup_str("__new__")
                && !matches!(new, Value::Builtin(_))
            {
                // `type(name, bases, ns)` with a base whose metaclass has its own `__new__`:
                // CPython hands the call over to that metaclass.
                let new = match new {
                    Value::StaticMethod(f) => (*f).clone(),
                    other => other,
                };
                let mut all = vec![
                    Value::Class(winner),
                    name.clone(),
                    bases.clone(),
                    ns.clone(),
                ];
                let mut names = Vec::with_capacity(kwargs.len());
                for (k, v) in kwargs {
                    names.push(Value::Str(k.clone()));
                    all.push(v.clone());
                }
                let kw_names = (!names.is_empty()).then(|| Value::tuple(names));
                return interp.call_value(&new, &all, kw_names.as_ref());
            }
            super::build_class::create_class(interp, &meta, name, bases, ns, kwargs)
        }
        _ => Err(PyErr::type_error("type() takes 1 or 3 arguments")),
    }
}

/// The metaclass of `bases` more derived than `meta`, when `meta` is `type` itself.
fn derived_metaclass(
    interp: &mut Interp,
    meta: &Rc<Class>,
    bases: &Value,
) -> PyResult<Option<Rc<Class>>> {
    if !Rc::ptr_eq(meta, &interp.types.type_) {
        return Ok(None);
    }
    let mut winner: Option<Rc<Class>> = None;
    for b in interp.collect(bases.clone())? {
        if let Value::Class(k) = b
            && let Some(m) = k.metaclass.borrow().clone()
            && !Rc::ptr_eq(&m, meta)
            && winner.as_ref().is_none_or(|w| m.is_subclass(w))
        {
            winner = Some(m);
        }
    }
    Ok(winner)
}

fn object_new(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let klass = cls_arg(args)?;
    interp.object_new(&klass, &[], None)
}

fn object_init(_: &mut Interp, _: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_setattr(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__setattr__", args, 3, 3)?;
    match &args[0] {
        Value::Instance(inst) => match &inst.dict {
            Some(d) => d.set_str(args[1].clone(), args[2].clone()),
            None => return Err(interp.no_attribute(&args[0], &args[1])),
        },
        other => interp.set_attr(other, &args[1], args[2].clone())?,
    }
    Ok(Value::None)
}

fn object_delattr(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__delattr__", args, 2, 2)?;
    if let Value::Instance(inst) = &args[0]
        && let Some(d) = &inst.dict
        && d.remove_str(&args[1]).is_some()
    {
        return Ok(Value::None);
    }
    Err(interp.no_attribute(&args[0], &args[1]))
}

fn object_getattribute(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__getattribute__", args, 2, 2)?;
    match interp.get_attr_opt(&args[0], &args[1])? {
        Some(v) => Ok(v),
        None => Err(interp.no_attribute(&args[0], &args[1])),
    }
}

fn object_eq(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__eq__", args, 2, 2)?;
    Ok(if args[0].is(&args[1]) {
        Value::Bool(true)
    } else {
        Value::NotImplemented
    })
}

fn object_ne(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__ne__", args, 2, 2)?;
    let r = interp.rich_compare(2, &args[0], &args[1])?;
    if matches!(r, Value::NotImplemented) {
        return Ok(r);
    }
    Ok(Value::Bool(!interp.truthy(&r)?))
}

fn object_hash(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__hash__", args, 1, 1)?;
    Ok(Value::Int(args[0].id() >> 4))
}

fn object_repr(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__repr__", args, 1, 1)?;
    let v = &args[0];
    if let Value::Instance(inst) = v {
        let klass = inst.class();
        if klass.base_kind == BaseKind::Exception || !inst.base_value.borrow().is_null() {
            // Built-in repr of the payload.
            let k = klass.clone();
            let _ = k;
        }
        let module = match klass.dict.get_item("__module__") {
            Some(Value::Str(m)) => format!("{}.", m.as_str()),
            _ => String::new(),
        };
        return Ok(Value::from_string(format!(
            "<{module}{} object at 0x{:x}>",
            klass.qualname.borrow().as_str(),
            v.id()
        )));
    }
    Ok(Value::from_string(interp.repr(v)?))
}

fn object_str(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__str__", args, 1, 1)?;
    Ok(Value::from_string(interp.repr(&args[0])?))
}

fn object_format(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__format__", args, 2, 2)?;
    Ok(Value::from_string(interp.format(&args[0], &args[1])?))
}

fn object_dir(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let dir = interp.builtin("dir").unwrap_or_default();
    interp.call_value(&dir, args, None)
}

fn exception_init(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    if let Some(Value::Instance(inst)) = args.first() {
        *inst.base_value.borrow_mut() = Value::tuple(args[1..].to_vec());
    }
    Ok(Value::None)
}

fn exception_with_traceback(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or_default())
}

fn exception_add_note(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("add_note", args, 2, 2)?;
    if !matches!(args[1], Value::Str(_)) {
        return Err(PyErr::type_error("note must be a str"));
    }
    if let Value::Instance(inst) = &args[0]
        && let Some(d) = &inst.dict
    {
        match d.get_item("__notes__") {
            Some(Value::List(l)) => l.borrow_mut().push(args[1].clone()),
            _ => d.set_item("__notes__", Value::list(vec![args[1].clone()])),
        }
    }
    Ok(Value::None)
}

fn type_mro(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    match args.first() {
        Some(Value::Class(k)) => Ok(Value::list(
            k.mro
                .borrow()
                .iter()
                .map(|c| Value::Class(c.clone()))
                .collect(),
        )),
        _ => Err(PyErr::type_error("mro() needs a type")),
    }
}

fn type_subclasses(_: &mut Interp, _: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::list(Vec::new()))
}

fn property_new(_: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let get = |i: usize, name: &str| {
        args.get(i)
            .cloned()
            .or_else(|| kwarg(kwargs, name))
            .unwrap_or(Value::None)
    };
    let fget = get(1, "fget");
    let mut doc = get(4, "doc");
    if doc.is_none()
        && let Value::Function(f) = &fget
    {
        doc = f.doc.borrow().clone();
    }
    Ok(Value::Property(Rc::new([
        fget,
        get(2, "fset"),
        get(3, "fdel"),
        doc,
    ])))
}

fn property_with(args: &[Value], slot: usize) -> PyResult<Value> {
    match args {
        [Value::Property(p), f] => {
            let mut parts = (**p).clone();
            parts[slot] = f.clone();
            Ok(Value::Property(Rc::new(parts)))
        }
        _ => Err(PyErr::type_error("property method takes one function")),
    }
}

fn property_setter(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    property_with(args, 1)
}

fn property_getter(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    property_with(args, 0)
}

fn property_deleter(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    property_with(args, 2)
}

fn property_get(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    match args {
        [Value::Property(_), Value::None, ..] => Ok(args[0].clone()),
        [Value::Property(p), obj, ..] => {
            interp.call_value(&p[0].clone(), std::slice::from_ref(obj), None)
        }
        _ => Err(PyErr::type_error("bad property __get__ call")),
    }
}

fn staticmethod_new(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("staticmethod", &args[1..], 1, 1)?;
    Ok(Value::StaticMethod(Rc::new(args[1].clone())))
}

fn classmethod_new(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("classmethod", &args[1..], 1, 1)?;
    Ok(Value::ClassMethod(Rc::new(args[1].clone())))
}

fn super_new(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    match &args[1..] {
        [Value::Class(k), obj] => {
            interp.types.super_check(k, obj)?;
            Ok(Value::Super(Rc::new((k.clone(), obj.clone()))))
        }
        [Value::Class(k)] => Ok(Value::Super(Rc::new((k.clone(), Value::None)))),
        [] => Err(PyErr::new(ExcKind::RuntimeError, "super(): no arguments")),
        _ => {
            let _ = interp;
            Err(PyErr::type_error("super() argument 1 must be a type"))
        }
    }
}
