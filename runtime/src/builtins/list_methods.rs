//! Methods of `list` and `tuple`.

use std::cell::RefCell;
use std::rc::Rc;

use super::{check_args, def_class, kwarg};
use crate::interp::Interp;
use crate::object::{PyErr, PyResult, PyStr, Value};

type Kw = [(Rc<PyStr>, Value)];
type List = Rc<RefCell<Vec<Value>>>;

pub fn install(interp: &mut Interp) {
    let k = interp.types.list.clone();
    let m: &[(&'static str, crate::object::NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("pop", pop),
        ("insert", insert),
        ("remove", remove),
        ("index", index),
        ("count", count),
        ("sort", sort),
        ("reverse", reverse),
        ("copy", copy),
        ("clear", clear),
        ("__len__", len),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__eq__", eq),
        ("__add__", add),
        ("__iadd__", iadd),
        ("__repr__", repr),
    ];
    for (name, f) in m {
        def_class(&k, name, *f);
    }
    let t = interp.types.tuple.clone();
    let m: &[(&'static str, crate::object::NativeFn)] = &[
        ("index", index),
        ("count", count),
        ("__len__", len),
        ("__getitem__", getitem),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__eq__", eq),
        ("__add__", add),
        ("__repr__", repr),
        ("__hash__", hash),
    ];
    for (name, f) in m {
        def_class(&t, name, *f);
    }
}

fn this(args: &[Value]) -> PyResult<List> {
    match args.first() {
        Some(Value::List(l)) => Ok(l.clone()),
        Some(v) => match crate::interp::unwrap_base(v) {
            Some(Value::List(l)) => Ok(l),
            _ => Err(PyErr::type_error("descriptor requires a 'list' object")),
        },
        None => Err(PyErr::type_error("descriptor requires a 'list' object")),
    }
}

/// `self` as a sequence value (list or tuple), unwrapping subclasses.
fn seq(args: &[Value]) -> PyResult<Value> {
    match args.first() {
        Some(v @ (Value::List(_) | Value::Tuple(_))) => Ok(v.clone()),
        Some(v) => {
            crate::interp::unwrap_base(v).ok_or_else(|| PyErr::type_error("sequence expected"))
        }
        None => Err(PyErr::type_error("sequence expected")),
    }
}

fn items_of(v: &Value) -> Vec<Value> {
    match v {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => (**t).clone(),
        _ => Vec::new(),
    }
}

fn append(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("append", args, 2, 2)?;
    this(args)?.borrow_mut().push(args[1].clone());
    Ok(Value::None)
}

fn extend(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("extend", args, 2, 2)?;
    let l = this(args)?;
    let items = interp.collect(args[1].clone())?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn pop(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("pop", args, 1, 2)?;
    let l = this(args)?;
    let len = l.borrow().len();
    if len == 0 {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let i = match args.get(1) {
        Some(v) => {
            let i = interp.index_of(v)?;
            let i = if i < 0 { i + len as i64 } else { i };
            if i < 0 || i >= len as i64 {
                return Err(PyErr::index_error("pop index out of range"));
            }
            i as usize
        }
        None => len - 1,
    };
    Ok(l.borrow_mut().remove(i))
}

fn insert(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("insert", args, 3, 3)?;
    let l = this(args)?;
    let len = l.borrow().len() as i64;
    let i = interp.index_of(&args[1])?;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.borrow_mut().insert(i as usize, args[2].clone());
    Ok(Value::None)
}

fn remove(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("remove", args, 2, 2)?;
    let l = this(args)?;
    let items = l.borrow().clone();
    for (i, x) in items.iter().enumerate() {
        if x.is(&args[1]) || interp.eq(x, &args[1])? {
            let old = l.borrow_mut().remove(i);
            drop(old);
            return Ok(Value::None);
        }
    }
    Err(PyErr::value_error("list.remove(x): x not in list"))
}

fn index(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("index", args, 2, 4)?;
    let s = seq(args)?;
    let items = items_of(&s);
    let n = items.len() as i64;
    let bound = |interp: &mut Interp, i: usize, d: i64| -> PyResult<usize> {
        Ok(match args.get(i) {
            Some(v) => {
                let x = interp.index_of(v)?;
                (if x < 0 { (x + n).max(0) } else { x.min(n) }) as usize
            }
            None => d as usize,
        })
    };
    let start = bound(interp, 2, 0)?;
    let stop = bound(interp, 3, n)?;
    for (i, x) in items.iter().enumerate().take(stop).skip(start) {
        if x.is(&args[1]) || interp.eq(x, &args[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(PyErr::value_error(if matches!(s, Value::List(_)) {
        format!("{} is not in list", interp.repr(&args[1])?)
    } else {
        "tuple.index(x): x not in tuple".into()
    }))
}

fn count(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("count", args, 2, 2)?;
    let items = items_of(&seq(args)?);
    let mut n = 0;
    for x in &items {
        if x.is(&args[1]) || interp.eq(x, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn sort(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    check_args("sort", args, 1, 1)?;
    let l = this(args)?;
    let items = std::mem::take(&mut *l.borrow_mut());
    let key = kwarg(kwargs, "key");
    let reverse = match kwarg(kwargs, "reverse") {
        Some(r) => interp.truthy(&r)?,
        None => false,
    };
    let fast =
        key.as_ref().is_none_or(Value::is_none) && items.iter().all(|v| matches!(v, Value::Int(_)));
    if fast {
        let mut items = items;
        items.sort_by_key(|v| if let Value::Int(i) = v { *i } else { 0 });
        if reverse {
            // Stable reverse: equal ints are indistinguishable.
            items.reverse();
        }
        *l.borrow_mut() = items;
        return Ok(Value::None);
    }
    match super::functions::sort_values(interp, items.clone(), key.as_ref(), reverse) {
        Ok(sorted) => {
            *l.borrow_mut() = sorted;
            Ok(Value::None)
        }
        Err(e) => {
            *l.borrow_mut() = items;
            Err(e)
        }
    }
}

fn reverse(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    this(args)?.borrow_mut().reverse();
    Ok(Value::None)
}

fn copy(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::list(this(args)?.borrow().clone()))
}

fn clear(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let l = this(args)?;
    let old = std::mem::take(&mut *l.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn len(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Int(items_of(&seq(args)?).len() as i64))
}

fn getitem(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__getitem__", args, 2, 2)?;
    interp.get_item(&seq(args)?, args[1].clone())
}

fn setitem(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__setitem__", args, 3, 3)?;
    interp.set_item(&Value::List(this(args)?), args[1].clone(), args[2].clone())?;
    Ok(Value::None)
}

fn delitem(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__delitem__", args, 2, 2)?;
    interp.del_item(&Value::List(this(args)?), args[1].clone())?;
    Ok(Value::None)
}

fn contains(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__contains__", args, 2, 2)?;
    Ok(Value::Bool(interp.contains(&seq(args)?, &args[1])?))
}

fn iter(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    interp.get_iter(seq(args)?)
}

fn eq(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__eq__", args, 2, 2)?;
    let other = crate::interp::unwrap_base(&args[1]).unwrap_or_else(|| args[1].clone());
    interp.rich_compare(2, &seq(args)?, &other)
}

fn add(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__add__", args, 2, 2)?;
    interp.binary_op(0, seq(args)?, args[1].clone())
}

fn iadd(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__iadd__", args, 2, 2)?;
    let l = this(args)?;
    let items = interp.collect(args[1].clone())?;
    l.borrow_mut().extend(items);
    Ok(args[0].clone())
}

fn repr(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::from_string(interp.repr(&seq(args)?)?))
}

fn hash(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Int(interp.hash(&seq(args)?)?))
}
