//! The `builtins` module, the methods of the built-in types, and the native modules.
//!
//! Input: an [`Interp`] being set up. Output: its `builtins` dict filled and the built-in
//! classes' dicts holding their methods (as [`Builtin`]s taking `self` first).

mod build_class;
mod bytes_methods;
mod ctors;
mod dict_methods;
mod dynamic_code;
mod functions;
mod iters;
mod list_methods;
mod modules;
mod numbers;
mod str_case;
mod str_methods;
mod str_translate;

pub use dict_methods::view_items;
pub use iters::iter_next_slow;
pub use modules::native_module;
pub use numbers::{complex_binary, complex_pow, float_to_int};

use std::rc::Rc;

use crate::interp::Interp;
use crate::object::{Builtin, Class, NativeFn, PyDict, PyErr, PyResult, PyStr, Value};

/// Registers a native function in a dict.
pub(crate) fn def(dict: &PyDict, name: &'static str, func: NativeFn) {
    dict.set_item(
        name,
        Value::Builtin(Rc::new(Builtin {
            name,
            func,
            bound: None,
        })),
    );
}

pub(crate) fn def_class(klass: &Rc<Class>, name: &'static str, func: NativeFn) {
    def(&klass.dict, name, func);
}

/// A native function value.
pub(crate) fn native(name: &'static str, func: NativeFn) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        func,
        bound: None,
    }))
}

/// Positional argument `i`, or a `TypeError` naming the function.
pub(crate) fn arg<'a>(args: &'a [Value], i: usize, func: &str) -> PyResult<&'a Value> {
    args.get(i).ok_or_else(|| {
        PyErr::type_error(format!(
            "{func}() missing required argument (pos {})",
            i + 1
        ))
    })
}

/// Keyword argument `name`, if given.
pub(crate) fn kwarg(kwargs: &[(Rc<PyStr>, Value)], name: &str) -> Option<Value> {
    kwargs
        .iter()
        .find(|(k, _)| k.as_str() == name)
        .map(|(_, v)| v.clone())
}

/// Positional argument `i` or keyword `name`.
pub(crate) fn arg_or_kw(
    args: &[Value],
    kwargs: &[(Rc<PyStr>, Value)],
    i: usize,
    name: &str,
) -> Option<Value> {
    args.get(i).cloned().or_else(|| kwarg(kwargs, name))
}

pub(crate) fn check_args(func: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    if args.len() < min || args.len() > max {
        if min == max {
            return Err(PyErr::type_error(format!(
                "{func}() takes exactly {min} argument{} ({} given)",
                if min == 1 { "" } else { "s" },
                args.len()
            )));
        }
        if args.len() < min {
            return Err(PyErr::type_error(format!(
                "{func} expected at least {min} argument{}, got {}",
                if min == 1 { "" } else { "s" },
                args.len()
            )));
        }
        return Err(PyErr::type_error(format!(
            "{func} expected at most {max} argument{}, got {}",
            if max == 1 { "" } else { "s" },
            args.len()
        )));
    }
    Ok(())
}

/// `ascii()`: escapes every non-ASCII character of a repr.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

/// Set operators `-`, `&`, `|`, `^` on sets and frozensets.
pub fn set_binary(
    interp: &mut Interp,
    op: u8,
    a: &Value,
    b: &Value,
    inplace: bool,
) -> PyResult<Value> {
    let (Value::Set(x) | Value::FrozenSet(x)) = a else {
        return Err(PyErr::type_error("set expected"));
    };
    let (Value::Set(y) | Value::FrozenSet(y)) = b else {
        return Err(PyErr::type_error("set expected"));
    };
    let _ = interp;
    let xm = x.map.borrow().clone();
    let ym = y.map.borrow().clone();
    let mut out = crate::object::DictMap::default();
    match op {
        b'-' => {
            for (k, v) in xm.iter() {
                if !ym.contains_key(k) {
                    out.insert(k.clone(), v.clone());
                }
            }
        }
        b'&' => {
            for (k, v) in xm.iter() {
                if ym.contains_key(k) {
                    out.insert(k.clone(), v.clone());
                }
            }
        }
        b'|' => {
            out = xm.clone();
            for (k, v) in ym.iter() {
                if !out.contains_key(k) {
                    out.insert(k.clone(), v.clone());
                }
            }
        }
        _ => {
            for (k, v) in xm.iter() {
                if !ym.contains_key(k) {
                    out.insert(k.clone(), v.clone());
                }
            }
            for (k, v) in ym.iter() {
                if !xm.contains_key(k) {
                    out.insert(k.clone(), v.clone());
                }
            }
        }
    }
    if inplace && matches!(a, Value::Set(_)) {
        *x.map.borrow_mut() = out;
        return Ok(a.clone());
    }
    let d = Rc::new(PyDict {
        map: std::cell::RefCell::new(out),
    });
    Ok(if matches!(a, Value::FrozenSet(_)) {
        Value::FrozenSet(d)
    } else {
        Value::Set(d)
    })
}

/// Fills `builtins` and the built-in classes.
pub fn install(interp: &mut Interp) {
    ctors::install(interp);
    functions::install(interp);
    str_methods::install(interp);
    bytes_methods::install(interp);
    list_methods::install(interp);
    dict_methods::install(interp);
    numbers::install(interp);
    iters::install(interp);
    build_class::install(interp);
    let b = interp.builtins.clone();
    for (name, klass) in interp.types.named() {
        b.set_item(name, Value::Class(klass));
    }
    b.set_item("None", Value::None);
    b.set_item("True", Value::Bool(true));
    b.set_item("False", Value::Bool(false));
    b.set_item("Ellipsis", Value::Ellipsis);
    b.set_item("NotImplemented", Value::NotImplemented);
    crate::object::bump_type_epoch();
    b.set_item("__name__", Value::str("builtins"));
    b.set_item("__debug__", Value::Bool(true));
    let env_error = b.get_item("OSError").unwrap_or_default();
    b.set_item("EnvironmentError", env_error.clone());
    b.set_item("IOError", env_error);
    let module = interp.new_module("builtins", None);
    let module = crate::object::Module {
        name: module.name.clone(),
        dict: b,
        frozen: std::cell::Cell::new(false),
    };
    interp
        .modules
        .set_item("builtins", Value::Module(Rc::new(module)));
}
