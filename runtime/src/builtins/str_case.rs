//! Methods of `str` that change case, classify characters or pad: `upper`, `title`,
//! `isdigit`, `center`, `zfill` and the like. Input: the receiver (and padding arguments);
//! output: the new string or the predicate's answer.

use std::rc::Rc;

use super::str_methods::{s, this};
use crate::interp::Interp;
use crate::object::{Class, PyErr, PyResult, PyStr, Value};

type Kw = [(Rc<PyStr>, Value)];

/// Registers these methods on `str`.
pub(super) fn install(k: &Rc<Class>) {
    let m: &[(&'static str, crate::object::NativeFn)] = &[
        ("upper", upper),
        ("lower", lower),
        ("casefold", lower),
        ("capitalize", capitalize),
        ("title", title),
        ("swapcase", swapcase),
        ("isdigit", isdigit),
        ("isdecimal", isdigit),
        ("isnumeric", isnumeric),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("isidentifier", isidentifier),
        ("isascii", isascii),
        ("istitle", istitle),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
    ];
    for (name, f) in m {
        super::def_class(k, name, *f);
    }
}

fn upper(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    s(this(args)?.as_str().to_uppercase())
}

fn lower(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    s(this(args)?.as_str().to_lowercase())
}

fn capitalize(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let st = this(args)?;
    let mut chars = st.as_str().chars();
    let out = match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + &chars.as_str().to_lowercase(),
        None => String::new(),
    };
    s(out)
}

fn title(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let st = this(args)?;
    let mut out = String::new();
    let mut prev_cased = false;
    for c in st.as_str().chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic();
    }
    s(out)
}

fn swapcase(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let st = this(args)?;
    s(st.as_str()
        .chars()
        .flat_map(|c| {
            if c.is_uppercase() {
                c.to_lowercase().collect::<Vec<_>>()
            } else {
                c.to_uppercase().collect()
            }
        })
        .collect())
}

fn pred(args: &[Value], f: impl Fn(char) -> bool) -> PyResult<Value> {
    let st = this(args)?;
    Ok(Value::Bool(
        !st.as_str().is_empty() && st.as_str().chars().all(f),
    ))
}

fn isdigit(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    pred(args, |c| c.is_ascii_digit())
}

fn isnumeric(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    pred(args, char::is_numeric)
}

fn isalpha(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    pred(args, char::is_alphabetic)
}

fn isalnum(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    pred(args, char::is_alphanumeric)
}

fn isspace(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    pred(args, char::is_whitespace)
}

fn isascii(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Bool(this(args)?.as_str().is_ascii()))
}

fn isupper(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let st = this(args)?;
    let t = st.as_str();
    Ok(Value::Bool(
        t.chars().any(char::is_uppercase) && !t.chars().any(char::is_lowercase),
    ))
}

fn islower(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let st = this(args)?;
    let t = st.as_str();
    Ok(Value::Bool(
        t.chars().any(char::is_lowercase) && !t.chars().any(char::is_uppercase),
    ))
}

fn istitle(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let st = this(args)?;
    let mut prev_cased = false;
    let mut any = false;
    for c in st.as_str().chars() {
        if c.is_uppercase() {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(any))
}

fn isidentifier(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let st = this(args)?;
    let mut chars = st.as_str().chars();
    let ok = match chars.next() {
        Some(c) => {
            (c.is_alphabetic() || c == '_') && chars.all(|c| c.is_alphanumeric() || c == '_')
        }
        None => false,
    };
    Ok(Value::Bool(ok))
}

fn pad_args(interp: &mut Interp, args: &[Value]) -> PyResult<(Rc<PyStr>, usize, char)> {
    let st = this(args)?;
    let width = match args.get(1) {
        Some(v) => interp.index_of(v)?.max(0) as usize,
        None => return Err(PyErr::type_error("expected at least 1 argument")),
    };
    let fill = match args.get(2) {
        Some(Value::Str(f)) if f.char_len() == 1 => f.char_at(0).unwrap_or(' '),
        Some(_) => {
            return Err(PyErr::type_error(
                "The fill character must be exactly one character long",
            ));
        }
        None => ' ',
    };
    Ok((st, width, fill))
}

fn center(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let (st, width, fill) = pad_args(interp, args)?;
    let n = st.char_len();
    if width <= n {
        return Ok(Value::Str(st));
    }
    let total = width - n;
    let left = total / 2 + (total & width & 1);
    let f = |k| std::iter::repeat_n(fill, k).collect::<String>();
    s(format!("{}{}{}", f(left), st.as_str(), f(total - left)))
}

fn ljust(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let (st, width, fill) = pad_args(interp, args)?;
    let n = st.char_len();
    s(format!(
        "{}{}",
        st.as_str(),
        std::iter::repeat_n(fill, width.saturating_sub(n)).collect::<String>()
    ))
}

fn rjust(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let (st, width, fill) = pad_args(interp, args)?;
    let n = st.char_len();
    s(format!(
        "{}{}",
        std::iter::repeat_n(fill, width.saturating_sub(n)).collect::<String>(),
        st.as_str()
    ))
}

fn zfill(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let (st, width, _) = pad_args(interp, args)?;
    let t = st.as_str();
    let n = st.char_len();
    if width <= n {
        return Ok(Value::Str(st.clone()));
    }
    let zeros = "0".repeat(width - n);
    s(match t.chars().next() {
        Some(c @ ('+' | '-')) => format!("{c}{zeros}{}", &t[1..]),
        _ => format!("{zeros}{t}"),
    })
}
