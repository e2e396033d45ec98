//! `Array[T]` element access from dynamic code: native `__getitem__`/`__setitem__` of the
//! `__static__.staticarray` classes (static code uses `SEQUENCE_GET`/`SEQUENCE_SET`).
//!
//! Input: an array instance (a list-backed instance whose class carries `_item_code`, the
//! element's primitive type code), an index and, for stores, a value. Output: the element
//! boxed, or the store checked against the element type ("bad value 'str' for
//! staticarray[int64]", `OverflowError` out of range). Slices are refused.

use crate::interp::Interp;
use crate::object::{PyDict, PyErr, PyResult, PyStr, Value};

use super::prim;

thread_local! {
    static ITEM_CODE: Value = Value::Str(PyStr::intern("_item_code"));
}

fn parts(interp: &mut Interp, args: &[Value]) -> PyResult<(Value, i64, u32)> {
    let (Some(this), Some(index)) = (args.first(), args.get(1)) else {
        return Err(PyErr::type_error("expected an array and an index"));
    };
    let Value::Instance(inst) = this else {
        return Err(PyErr::type_error(
            "descriptor requires a 'staticarray' object",
        ));
    };
    let code = match ITEM_CODE.with(|name| inst.class().lookup(name)) {
        Some(Value::Int(c)) => c as u32,
        _ => prim::code::INT64,
    };
    let list = inst.base_value.borrow().clone();
    let i = match index {
        Value::Int(i) => *i,
        Value::Bool(b) => i64::from(*b),
        Value::Slice(_) => return Err(PyErr::type_error("Static arrays cannot be sliced")),
        other => interp.index_of(other)?,
    };
    Ok((list, i, code))
}

fn position(i: i64, len: usize) -> PyResult<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if (0..len as i64).contains(&j) {
        Ok(j as usize)
    } else {
        Err(PyErr::index_error("array index out of range"))
    }
}

fn array_getitem(
    interp: &mut Interp,
    args: &[Value],
    _: &[(std::rc::Rc<PyStr>, Value)],
) -> PyResult<Value> {
    let (list, i, _) = parts(interp, args)?;
    let Value::List(l) = list else {
        return Err(PyErr::type_error("uninitialised staticarray"));
    };
    let l = l.borrow();
    Ok(l[position(i, l.len())?].clone())
}

fn array_setitem(
    interp: &mut Interp,
    args: &[Value],
    _: &[(std::rc::Rc<PyStr>, Value)],
) -> PyResult<Value> {
    let (list, i, code) = parts(interp, args)?;
    let value = args.get(2).cloned().unwrap_or_default();
    let stored = match prim::unbox(code, &value)? {
        Some(v) if !matches!(value, Value::Float(_)) || !prim::is_int(code) => {
            prim::box_value(code, v)
        }
        _ => {
            let class = args
                .first()
                .map(|a| interp.types.type_of(a).name())
                .unwrap_or_default();
            return Err(PyErr::type_error(format!(
                "bad value '{}' for {class}",
                interp.types.type_of(&value).name()
            )));
        }
    };
    let Value::List(l) = list else {
        return Err(PyErr::type_error("uninitialised staticarray"));
    };
    let mut l = l.borrow_mut();
    let at = position(i, l.len())?;
    let old = std::mem::replace(&mut l[at], stored);
    drop(l);
    drop(old);
    Ok(Value::None)
}

/// Puts the natives in the `__static__` namespace before its body runs.
pub fn install(dict: &PyDict) {
    crate::builtins::def(dict, "_array_getitem", array_getitem);
    crate::builtins::def(dict, "_array_setitem", array_setitem);
}
