//! `str.maketrans` and `str.translate`. Input: the strings or the mapping of a translation
//! table; output: the table (a dict from code points) or the translated string.

use std::rc::Rc;

use super::str_methods::{s, this};
use crate::interp::Interp;
use crate::object::{Class, ExcKind, PyErr, PyResult, PyStr, Value, new_dict};

type Kw = [(Rc<PyStr>, Value)];

/// Registers `maketrans` (a static method) and `translate` on `str`.
pub(super) fn install(k: &Rc<Class>) {
    k.dict.set_item(
        "maketrans",
        Value::StaticMethod(Rc::new(super::native("maketrans", maketrans))),
    );
    super::def_class(k, "translate", translate);
}

fn code_point(c: char) -> Value {
    Value::Int(i64::from(u32::from(c)))
}

fn maketrans(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let table = new_dict();
    match args {
        [Value::Dict(d)] => {
            for (k, v) in d.items() {
                let key = match &k {
                    Value::Str(st) => {
                        let mut chars = st.as_str().chars();
                        match (chars.next(), chars.next()) {
                            (Some(c), None) => code_point(c),
                            _ => {
                                return Err(PyErr::value_error(
                                    "string keys in translate table must be of length 1",
                                ));
                            }
                        }
                    }
                    Value::Int(_) | Value::Bool(_) => k.clone(),
                    _ => {
                        return Err(PyErr::type_error(
                            "keys in translate table must be strings or integers",
                        ));
                    }
                };
                let key = interp.make_key(key)?;
                table.set(key, v);
            }
        }
        [_] => {
            return Err(PyErr::type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        }
        [x, y] | [x, y, _] => {
            let (Value::Str(x), Value::Str(y)) = (x, y) else {
                return Err(PyErr::type_error("maketrans() arguments must be strings"));
            };
            if x.as_str().chars().count() != y.as_str().chars().count() {
                return Err(PyErr::value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (a, b) in x.as_str().chars().zip(y.as_str().chars()) {
                let key = interp.make_key(code_point(a))?;
                table.set(key, code_point(b));
            }
            if let Some(z) = args.get(2) {
                let Value::Str(z) = z else {
                    return Err(PyErr::type_error("maketrans() argument 3 must be str"));
                };
                for c in z.as_str().chars() {
                    let key = interp.make_key(code_point(c))?;
                    table.set(key, Value::None);
                }
            }
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "maketrans() takes from 1 to 3 positional arguments but {} were given",
                args.len()
            )));
        }
    }
    Ok(Value::Dict(table))
}

fn translate(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let text = this(args)?;
    let Some(table) = args.get(1) else {
        return Err(PyErr::type_error(
            "str.translate() takes exactly one argument (0 given)",
        ));
    };
    let mut out = String::with_capacity(text.as_str().len());
    for c in text.as_str().chars() {
        let mapped = match interp.get_item(table, code_point(c)) {
            Ok(v) => v,
            Err(e) if interp.err_is(&e, ExcKind::LookupError) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match &mapped {
            Value::None => {}
            Value::Str(st) => out.push_str(st.as_str()),
            Value::Int(i) => match u32::try_from(*i).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => {
                    return Err(PyErr::value_error(
                        "character mapping must be in range(0x110000)",
                    ));
                }
            },
            _ => {
                return Err(PyErr::type_error(
                    "character mapping must return integer, None or str",
                ));
            }
        }
    }
    s(out)
}
