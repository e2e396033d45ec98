//! Methods of `bytes` that mirror `str` methods: the bytes are viewed as Latin-1 text, the
//! `str` method runs, and text results are turned back into bytes.

use std::rc::Rc;

use super::def_class;
use crate::interp::Interp;
use crate::object::{NativeFn, PyErr, PyResult, PyStr, Value};

type Kw = [(Rc<PyStr>, Value)];

fn to_text(b: &[u8]) -> Value {
    Value::from_string(b.iter().map(|&c| char::from(c)).collect())
}

fn to_bytes(v: Value) -> Value {
    match v {
        Value::Str(s) => Value::Bytes(Rc::new(
            s.as_str().chars().map(|c| c as u32 as u8).collect(),
        )),
        Value::List(l) => {
            let items = l.borrow().iter().cloned().map(to_bytes).collect();
            Value::list(items)
        }
        Value::Tuple(t) => Value::tuple(t.iter().cloned().map(to_bytes).collect()),
        other => other,
    }
}

fn convert_arg(v: &Value) -> Value {
    match v {
        Value::Bytes(b) => to_text(b),
        Value::ByteArray(b) => to_text(&b.borrow()),
        Value::Tuple(t) => Value::tuple(t.iter().map(convert_arg).collect()),
        other => other.clone(),
    }
}

fn via_str(interp: &mut Interp, name: &str, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let Some(Value::Bytes(this)) = args.first() else {
        return Err(PyErr::type_error(format!(
            "descriptor '{name}' requires a 'bytes' object"
        )));
    };
    let mut text_args = vec![to_text(this)];
    text_args.extend(args[1..].iter().map(convert_arg));
    let method = interp
        .types
        .str_
        .lookup_str(name)
        .ok_or_else(|| PyErr::attribute_error(name.to_owned()))?;
    let kw: Vec<(Rc<PyStr>, Value)> = kwargs
        .iter()
        .map(|(k, v)| (k.clone(), convert_arg(v)))
        .collect();
    let r = interp.call_kw(&method, &text_args, &kw)?;
    Ok(to_bytes(r))
}

macro_rules! via {
    ($($f:ident => $name:literal),* $(,)?) => {
        $(fn $f(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
            via_str(interp, $name, args, kwargs)
        })*
        const METHODS: &[(&str, NativeFn)] = &[$(($name, $f)),*];
    };
}

via! {
    upper => "upper", lower => "lower", strip => "strip", lstrip => "lstrip", rstrip => "rstrip",
    split => "split", rsplit => "rsplit", startswith => "startswith", endswith => "endswith",
    find => "find", rfind => "rfind", index => "index", count => "count", replace => "replace",
    isdigit => "isdigit", isalpha => "isalpha", isspace => "isspace", title => "title",
    capitalize => "capitalize", center => "center", ljust => "ljust", rjust => "rjust",
    splitlines => "splitlines", partition => "partition", zfill => "zfill",
}

fn fromhex(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let Some(Value::Str(s)) = args.get(1) else {
        return Err(PyErr::type_error("fromhex() argument must be str"));
    };
    let digits: Vec<char> = s.as_str().chars().filter(|c| !c.is_whitespace()).collect();
    let mut out = Vec::new();
    for pair in digits.chunks(2) {
        let text: String = pair.iter().collect();
        let byte = u8::from_str_radix(&text, 16)
            .map_err(|_| PyErr::value_error("non-hexadecimal number found in fromhex() arg"))?;
        out.push(byte);
    }
    Ok(Value::Bytes(Rc::new(out)))
}

pub fn install(interp: &mut Interp) {
    let b = interp.types.bytes.clone();
    for (name, f) in METHODS {
        def_class(&b, name, *f);
    }
    b.dict.set_item(
        "fromhex",
        Value::ClassMethod(Rc::new(super::native("fromhex", fromhex))),
    );
}
