//! Methods of `dict`, `set` and `frozenset`, and the dict views.

use std::rc::Rc;

use super::{check_args, def_class};
use crate::interp::Interp;
use crate::object::{ExcKind, PyDict, PyErr, PyResult, PyStr, Value, new_dict};

type Kw = [(Rc<PyStr>, Value)];

pub fn install(interp: &mut Interp) {
    let k = interp.types.dict.clone();
    let m: &[(&'static str, crate::object::NativeFn)] = &[
        ("get", get),
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("pop", pop),
        ("popitem", popitem),
        ("setdefault", setdefault),
        ("update", update),
        ("copy", copy),
        ("clear", clear),
        ("__len__", len),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__repr__", repr),
        ("__eq__", eq),
    ];
    for (name, f) in m {
        def_class(&k, name, *f);
    }
    k.dict.set_item(
        "fromkeys",
        Value::ClassMethod(Rc::new(super::native("fromkeys", fromkeys))),
    );
    for k in [interp.types.set.clone(), interp.types.frozenset.clone()] {
        let m: &[(&'static str, crate::object::NativeFn)] = &[
            ("copy", set_copy),
            ("union", union),
            ("intersection", intersection),
            ("difference", difference),
            ("symmetric_difference", symmetric_difference),
            ("issubset", issubset),
            ("issuperset", issuperset),
            ("isdisjoint", isdisjoint),
            ("__len__", len),
            ("__contains__", contains),
            ("__iter__", iter),
            ("__repr__", repr),
        ];
        for (name, f) in m {
            def_class(&k, name, *f);
        }
    }
    let s = interp.types.set.clone();
    let m: &[(&'static str, crate::object::NativeFn)] = &[
        ("add", add),
        ("remove", remove),
        ("discard", discard),
        ("pop", set_pop),
        ("clear", clear),
        ("update", set_update),
        ("intersection_update", intersection_update),
        ("difference_update", difference_update),
    ];
    for (name, f) in m {
        def_class(&s, name, *f);
    }
}

/// The items a dict view shows (keys, values, or `(key, value)` tuples).
pub fn view_items(d: &PyDict, kind: u8) -> Vec<Value> {
    match kind {
        0 => d.keys(),
        1 => d.values(),
        _ => d
            .items()
            .into_iter()
            .map(|(k, v)| Value::tuple(vec![k, v]))
            .collect(),
    }
}

fn this(args: &[Value]) -> PyResult<Rc<PyDict>> {
    match args.first() {
        Some(Value::Dict(d) | Value::Set(d) | Value::FrozenSet(d)) => Ok(d.clone()),
        Some(v) => match crate::interp::unwrap_base(v) {
            Some(Value::Dict(d) | Value::Set(d) | Value::FrozenSet(d)) => Ok(d),
            _ => Err(PyErr::type_error("descriptor requires a 'dict' object")),
        },
        None => Err(PyErr::type_error("descriptor requires a 'dict' object")),
    }
}

fn get(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("get", args, 2, 3)?;
    let d = this(args)?;
    Ok(interp
        .dict_get(&d, &args[1])?
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn view(args: &[Value], kind: u8) -> PyResult<Value> {
    Ok(Value::View(Rc::new((this(args)?, kind))))
}

fn keys(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    view(args, 0)
}

fn values(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    view(args, 1)
}

fn items(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    view(args, 2)
}

fn pop(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("pop", args, 2, 3)?;
    let d = this(args)?;
    let key = interp.dict_find_key(&d, args[1].clone())?;
    match d.remove(&key) {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(default) => Ok(default.clone()),
            None => Err(PyErr::with_arg(ExcKind::KeyError, args[1].clone())),
        },
    }
}

fn popitem(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let d = this(args)?;
    let last = d.map.borrow_mut().pop();
    match last {
        Some((k, v)) => Ok(Value::tuple(vec![k.value, v])),
        None => Err(PyErr::new(
            ExcKind::KeyError,
            "popitem(): dictionary is empty",
        )),
    }
}

fn setdefault(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("setdefault", args, 2, 3)?;
    let d = this(args)?;
    if let Some(v) = interp.dict_get(&d, &args[1])? {
        return Ok(v);
    }
    let v = args.get(2).cloned().unwrap_or(Value::None);
    let key = interp.make_key(args[1].clone())?;
    d.set(key, v.clone());
    Ok(v)
}

fn update(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    check_args("update", args, 1, 2)?;
    let d = this(args)?;
    if let Some(src) = args.get(1) {
        interp.dict_update(&d, src.clone(), None)?;
    }
    for (k, v) in kwargs {
        d.set_str(Value::Str(k.clone()), v.clone());
    }
    Ok(Value::None)
}

fn copy(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Dict(Rc::new(this(args)?.copy())))
}

fn clear(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    this(args)?.clear();
    Ok(Value::None)
}

fn len(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Int(this(args)?.len() as i64))
}

fn getitem(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__getitem__", args, 2, 2)?;
    let d = this(args)?;
    match interp.dict_get(&d, &args[1])? {
        Some(v) => Ok(v),
        None => Err(PyErr::with_arg(ExcKind::KeyError, args[1].clone())),
    }
}

fn setitem(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__setitem__", args, 3, 3)?;
    interp.set_item(&Value::Dict(this(args)?), args[1].clone(), args[2].clone())?;
    Ok(Value::None)
}

fn delitem(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__delitem__", args, 2, 2)?;
    interp.del_item(&Value::Dict(this(args)?), args[1].clone())?;
    Ok(Value::None)
}

fn contains(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__contains__", args, 2, 2)?;
    let d = this(args)?;
    Ok(Value::Bool(interp.dict_get(&d, &args[1])?.is_some()))
}

fn iter(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    interp.get_iter(Value::Dict(this(args)?))
}

fn repr(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or_default();
    let v = crate::interp::unwrap_base(&v).unwrap_or(v);
    Ok(Value::from_string(interp.repr(&v)?))
}

fn eq(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__eq__", args, 2, 2)?;
    let other = crate::interp::unwrap_base(&args[1]).unwrap_or_else(|| args[1].clone());
    interp.rich_compare(2, &Value::Dict(this(args)?), &other)
}

fn fromkeys(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("fromkeys", args, 2, 3)?;
    let d = new_dict();
    let v = args.get(2).cloned().unwrap_or(Value::None);
    for k in interp.collect(args[1].clone())? {
        let key = interp.make_key(k)?;
        d.set(key, v.clone());
    }
    Ok(Value::Dict(d))
}

fn set_value(args: &[Value], d: PyDict) -> Value {
    let d = Rc::new(d);
    if matches!(args.first(), Some(Value::FrozenSet(_))) {
        Value::FrozenSet(d)
    } else {
        Value::Set(d)
    }
}

fn as_set(interp: &mut Interp, v: &Value) -> PyResult<Value> {
    match v {
        Value::Set(_) | Value::FrozenSet(_) => Ok(v.clone()),
        other => {
            let d = new_dict();
            for item in interp.collect(other.clone())? {
                let key = interp.make_key(item)?;
                d.set(key, Value::None);
            }
            Ok(Value::Set(d))
        }
    }
}

fn set_copy(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(set_value(args, this(args)?.copy()))
}

fn set_op(interp: &mut Interp, args: &[Value], op: u8) -> PyResult<Value> {
    let mut acc = match args.first() {
        Some(v) => crate::interp::unwrap_base(v).unwrap_or_else(|| v.clone()),
        None => return Err(PyErr::type_error("set method needs self")),
    };
    if let Value::Set(d) = &acc {
        acc = Value::Set(Rc::new(d.copy()));
    }
    for other in &args[1..] {
        let o = as_set(interp, other)?;
        acc = super::set_binary(interp, op, &acc, &o, false)?;
    }
    Ok(acc)
}

fn union(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    set_op(interp, args, b'|')
}

fn intersection(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    set_op(interp, args, b'&')
}

fn difference(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    set_op(interp, args, b'-')
}

fn symmetric_difference(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    set_op(interp, args, b'^')
}

fn subset_test(interp: &mut Interp, args: &[Value], op: u32) -> PyResult<Value> {
    check_args("issubset", args, 2, 2)?;
    let me = Value::Set(this(args)?);
    let other = as_set(interp, &args[1])?;
    interp.rich_compare(op, &me, &other)
}

fn issubset(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    subset_test(interp, args, 1)
}

fn issuperset(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    subset_test(interp, args, 5)
}

fn isdisjoint(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("isdisjoint", args, 2, 2)?;
    let d = this(args)?;
    for item in interp.collect(args[1].clone())? {
        if interp.dict_get(&d, &item)?.is_some() {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn add(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("add", args, 2, 2)?;
    let d = this(args)?;
    let key = interp.make_key(args[1].clone())?;
    d.set(key, Value::None);
    Ok(Value::None)
}

fn remove(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("remove", args, 2, 2)?;
    let d = this(args)?;
    let key = interp.dict_find_key(&d, args[1].clone())?;
    match d.remove(&key) {
        Some(_) => Ok(Value::None),
        None => Err(PyErr::with_arg(ExcKind::KeyError, args[1].clone())),
    }
}

fn discard(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("discard", args, 2, 2)?;
    let d = this(args)?;
    let key = interp.dict_find_key(&d, args[1].clone())?;
    d.remove(&key);
    Ok(Value::None)
}

fn set_pop(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let d = this(args)?;
    let first = d.map.borrow_mut().shift_remove_index(0);
    match first {
        Some((k, _)) => Ok(k.value),
        None => Err(PyErr::new(ExcKind::KeyError, "pop from an empty set")),
    }
}

fn set_update(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let d = this(args)?;
    for other in &args[1..] {
        for item in interp.collect(other.clone())? {
            let key = interp.make_key(item)?;
            d.set(key, Value::None);
        }
    }
    Ok(Value::None)
}

fn intersection_update(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let d = this(args)?;
    let r = set_op(interp, args, b'&')?;
    if let Value::Set(n) | Value::FrozenSet(n) = r {
        *d.map.borrow_mut() = n.map.borrow().clone();
    }
    Ok(Value::None)
}

fn difference_update(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let d = this(args)?;
    let r = set_op(interp, args, b'-')?;
    if let Value::Set(n) | Value::FrozenSet(n) = r {
        *d.map.borrow_mut() = n.map.borrow().clone();
    }
    Ok(Value::None)
}
