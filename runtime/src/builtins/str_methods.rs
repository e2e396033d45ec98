//! Methods of `str` (and the few of `bytes` that programs use).

use std::rc::Rc;

use super::{check_args, def_class, kwarg};
use crate::interp::Interp;
use crate::object::{PyErr, PyResult, PyStr, Value};

type Kw = [(Rc<PyStr>, Value)];

pub fn install(interp: &mut Interp) {
    let k = interp.types.str_.clone();
    let m: &[(&'static str, crate::object::NativeFn)] = &[
        ("join", join),
        ("split", split),
        ("rsplit", rsplit),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("startswith", startswith),
        ("endswith", endswith),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("replace", replace),
        ("format", format),
        ("splitlines", splitlines),
        ("partition", partition),
        ("rpartition", rpartition),
        ("encode", encode),
        ("expandtabs", expandtabs),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("__len__", len),
        ("__contains__", contains),
        ("__getitem__", getitem),
        ("__add__", add),
        ("__mul__", mul),
        ("__mod__", modulo),
        ("__hash__", hash),
        ("__eq__", eq),
        ("__lt__", lt),
        ("__str__", str_),
        ("__repr__", repr),
        ("__format__", dunder_format),
        ("__iter__", iter),
    ];
    for (name, f) in m {
        def_class(&k, name, *f);
    }
    super::str_case::install(&k);
    super::str_translate::install(&k);
    let b = interp.types.bytes.clone();
    def_class(&b, "decode", decode);
    def_class(&b, "hex", bytes_hex);
    def_class(&b, "join", bytes_join);
    def_class(&b, "__len__", len);
    let ba = interp.types.bytearray.clone();
    def_class(&ba, "decode", decode);
    def_class(&ba, "append", bytearray_append);
    def_class(&ba, "extend", bytearray_extend);
}

/// `self` as a `str` (also for instances of `str` subclasses).
pub(super) fn this(args: &[Value]) -> PyResult<Rc<PyStr>> {
    match args.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(v) => match crate::interp::unwrap_base(v) {
            Some(Value::Str(s)) => Ok(s),
            _ => Err(PyErr::type_error("descriptor requires a 'str' object")),
        },
        None => Err(PyErr::type_error("descriptor requires a 'str' object")),
    }
}

pub(super) fn str_arg(
    interp: &Interp,
    args: &[Value],
    i: usize,
    what: &str,
) -> PyResult<Rc<PyStr>> {
    match args.get(i) {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => Err(PyErr::type_error(format!(
            "{what} arg must be None or str, not {}",
            interp.types.type_of(other).name()
        ))),
        None => Err(PyErr::type_error(format!(
            "{what}() takes at least 1 argument (0 given)"
        ))),
    }
}

pub(super) fn s(v: String) -> PyResult<Value> {
    Ok(Value::from_string(v))
}

fn char_index(text: &str, byte: usize) -> i64 {
    text[..byte].chars().count() as i64
}

/// The `[start:end]` window of a search method, as byte offsets.
fn window(
    interp: &mut Interp,
    st: &PyStr,
    args: &[Value],
    from: usize,
) -> PyResult<(usize, usize)> {
    let n = st.char_len() as i64;
    let get = |interp: &mut Interp, i: usize, default: i64| -> PyResult<i64> {
        match args.get(i) {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let x = interp.index_of(v)?;
                Ok(if x < 0 { (x + n).max(0) } else { x.min(n) })
            }
        }
    };
    let a = get(interp, from, 0)?;
    let b = get(interp, from + 1, n)?;
    Ok((
        st.byte_offset(a as usize),
        st.byte_offset(b.max(a) as usize),
    ))
}

fn join(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("join", args, 2, 2)?;
    let sep = this(args)?;
    let items = interp.collect(args[1].clone())?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        match item {
            Value::Str(x) => out.push_str(x.as_str()),
            other => match crate::interp::unwrap_base(other) {
                Some(Value::Str(x)) => out.push_str(x.as_str()),
                _ => {
                    return Err(PyErr::type_error(format!(
                        "sequence item {i}: expected str instance, {} found",
                        interp.types.type_of(other).name()
                    )));
                }
            },
        }
    }
    s(out)
}

fn split_common(interp: &mut Interp, args: &[Value], kwargs: &Kw, right: bool) -> PyResult<Value> {
    let st = this(args)?;
    let sep = args
        .get(1)
        .cloned()
        .or_else(|| kwarg(kwargs, "sep"))
        .unwrap_or(Value::None);
    let maxsplit = match args.get(2).cloned().or_else(|| kwarg(kwargs, "maxsplit")) {
        Some(v) => interp.index_of(&v)?,
        None => -1,
    };
    let text = st.as_str();
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let parts: Vec<String> = match sep {
        Value::None => {
            let mut parts: Vec<String> = Vec::new();
            if right {
                let mut rest = text.trim_end();
                while !rest.is_empty() {
                    if parts.len() == limit {
                        parts.push(rest.to_owned());
                        break;
                    }
                    match rest.rfind(char::is_whitespace) {
                        Some(p) => {
                            let w = rest[p..].chars().next().map_or(1, char::len_utf8);
                            parts.push(rest[p + w..].to_owned());
                            rest = rest[..p].trim_end();
                        }
                        None => {
                            parts.push(rest.to_owned());
                            break;
                        }
                    }
                }
                parts.reverse();
            } else {
                let mut rest = text.trim_start();
                while !rest.is_empty() {
                    if parts.len() == limit {
                        parts.push(rest.to_owned());
                        break;
                    }
                    match rest.find(char::is_whitespace) {
                        Some(p) => {
                            parts.push(rest[..p].to_owned());
                            rest = rest[p..].trim_start();
                        }
                        None => {
                            parts.push(rest.to_owned());
                            break;
                        }
                    }
                }
            }
            parts
        }
        Value::Str(sep) => {
            if sep.len_bytes() == 0 {
                return Err(PyErr::value_error("empty separator"));
            }
            if right {
                let mut v: Vec<String> = text
                    .rsplitn(limit.saturating_add(1), sep.as_str())
                    .map(str::to_owned)
                    .collect();
                v.reverse();
                v
            } else {
                text.splitn(limit.saturating_add(1), sep.as_str())
                    .map(str::to_owned)
                    .collect()
            }
        }
        other => {
            return Err(PyErr::type_error(format!(
                "must be str or None, not {}",
                interp.types.type_of(&other).name()
            )));
        }
    };
    Ok(Value::list(
        parts.into_iter().map(Value::from_string).collect(),
    ))
}

fn split(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    split_common(interp, args, kwargs, false)
}

fn rsplit(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    split_common(interp, args, kwargs, true)
}

fn strip_common(interp: &mut Interp, args: &[Value], left: bool, right: bool) -> PyResult<Value> {
    let st = this(args)?;
    let text = st.as_str();
    let r = match args.get(1) {
        None | Some(Value::None) => {
            let t = if left { text.trim_start() } else { text };
            if right { t.trim_end() } else { t }
        }
        Some(_) => {
            let chars = str_arg(interp, args, 1, "strip")?;
            let set: Vec<char> = chars.as_str().chars().collect();
            let t = if left {
                text.trim_start_matches(&set[..])
            } else {
                text
            };
            if right {
                t.trim_end_matches(&set[..])
            } else {
                t
            }
        }
    };
    if r.len() == text.len() {
        return Ok(Value::Str(st.clone()));
    }
    Ok(Value::str(r))
}

fn strip(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    strip_common(interp, args, true, true)
}

fn lstrip(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    strip_common(interp, args, true, false)
}

fn rstrip(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    strip_common(interp, args, false, true)
}

fn affix(interp: &mut Interp, args: &[Value], start: bool) -> PyResult<Value> {
    let st = this(args)?;
    let (a, b) = window(interp, &st, args, 2)?;
    let text = &st.as_str()[a..b];
    let test = |p: &str| {
        if start {
            text.starts_with(p)
        } else {
            text.ends_with(p)
        }
    };
    match args.get(1) {
        Some(Value::Str(p)) => Ok(Value::Bool(test(p.as_str()))),
        Some(Value::Tuple(t)) => Ok(Value::Bool(
            t.iter()
                .any(|p| p.as_str().is_some_and(|p| test(p.as_str()))),
        )),
        Some(other) => Err(PyErr::type_error(format!(
            "{} first arg must be str or a tuple of str, not {}",
            if start { "startswith" } else { "endswith" },
            interp.types.type_of(other).name()
        ))),
        None => Err(PyErr::type_error(
            "startswith() takes at least 1 argument (0 given)",
        )),
    }
}

fn startswith(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    affix(interp, args, true)
}

fn endswith(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    affix(interp, args, false)
}

fn find_common(interp: &mut Interp, args: &[Value], rev: bool) -> PyResult<Option<i64>> {
    let st = this(args)?;
    let sub = str_arg(interp, args, 1, "find")?;
    let (a, b) = window(interp, &st, args, 2)?;
    let text = &st.as_str()[a..b];
    let r = if rev {
        text.rfind(sub.as_str())
    } else {
        text.find(sub.as_str())
    };
    Ok(r.map(|p| char_index(st.as_str(), a + p)))
}

fn find(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Int(find_common(interp, args, false)?.unwrap_or(-1)))
}

fn rfind(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Int(find_common(interp, args, true)?.unwrap_or(-1)))
}

fn index(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    find_common(interp, args, false)?
        .map(Value::Int)
        .ok_or_else(|| PyErr::value_error("substring not found"))
}

fn rindex(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    find_common(interp, args, true)?
        .map(Value::Int)
        .ok_or_else(|| PyErr::value_error("substring not found"))
}

fn count(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let st = this(args)?;
    let sub = str_arg(interp, args, 1, "count")?;
    let (a, b) = window(interp, &st, args, 2)?;
    let text = &st.as_str()[a..b];
    if sub.len_bytes() == 0 {
        return Ok(Value::Int(text.chars().count() as i64 + 1));
    }
    Ok(Value::Int(text.matches(sub.as_str()).count() as i64))
}

fn replace(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("replace", args, 3, 4)?;
    let st = this(args)?;
    let old = str_arg(interp, args, 1, "replace")?;
    let new = str_arg(interp, args, 2, "replace")?;
    let n = match args.get(3) {
        Some(v) => interp.index_of(v)?,
        None => -1,
    };
    if n < 0 {
        return s(st.as_str().replace(old.as_str(), new.as_str()));
    }
    s(st.as_str().replacen(old.as_str(), new.as_str(), n as usize))
}

/// `str.format(*args, **kwargs)`.
fn format(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let st = this(args)?;
    let pos = &args[1..];
    let chars: Vec<char> = st.as_str().chars().collect();
    let mut out = String::new();
    let mut auto = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace (allowing nested {} in the spec).
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                if chars[j] == '{' {
                    depth += 1;
                } else if chars[j] == '}' {
                    depth -= 1;
                }
                j += 1;
            }
            if depth != 0 {
                return Err(PyErr::value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j - 1].iter().collect();
            i = j;
            let (name_conv, spec) = match field.find(':') {
                Some(p) => (field[..p].to_owned(), field[p + 1..].to_owned()),
                None => (field.clone(), String::new()),
            };
            let (name, conv) = match name_conv.find('!') {
                Some(p) => (name_conv[..p].to_owned(), name_conv[p + 1..].chars().next()),
                None => (name_conv, None),
            };
            // First part of the field name: index or keyword; then .attr / [key] parts.
            let first_end = name.find(['.', '[']).unwrap_or(name.len());
            let first = &name[..first_end];
            let mut value = if first.is_empty() {
                let v = pos.get(auto).cloned().ok_or_else(|| {
                    PyErr::index_error(format!(
                        "Replacement index {auto} out of range for positional args tuple"
                    ))
                })?;
                auto += 1;
                v
            } else if let Ok(n) = first.parse::<usize>() {
                pos.get(n).cloned().ok_or_else(|| {
                    PyErr::index_error(format!(
                        "Replacement index {n} out of range for positional args tuple"
                    ))
                })?
            } else {
                kwarg(kwargs, first).ok_or_else(|| {
                    PyErr::with_arg(crate::object::ExcKind::KeyError, Value::str(first))
                })?
            };
            let mut rest = &name[first_end..];
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('.') {
                    let end = r.find(['.', '[']).unwrap_or(r.len());
                    value = interp.get_attr(&value, &Value::str(&r[..end]))?;
                    rest = &r[end..];
                } else if let Some(r) = rest.strip_prefix('[') {
                    let end = r
                        .find(']')
                        .ok_or_else(|| PyErr::value_error("Missing ']' in format string"))?;
                    let key = &r[..end];
                    let k = match key.parse::<i64>() {
                        Ok(n) => Value::Int(n),
                        Err(_) => Value::str(key),
                    };
                    value = interp.get_item(&value, k)?;
                    rest = &r[end + 1..];
                } else {
                    break;
                }
            }
            let value = match conv {
                Some('r') => Value::from_string(interp.repr(&value)?),
                Some('s') => Value::from_string(interp.str_of(&value)?),
                Some('a') => Value::from_string(super::ascii_escape(&interp.repr(&value)?)),
                _ => value,
            };
            // Nested fields in the spec.
            let spec = if spec.contains('{') {
                let mut nested_args = vec![Value::str(&spec)];
                nested_args.extend_from_slice(pos);
                match format(interp, &nested_args, kwargs)? {
                    Value::Str(x) => x.as_str().to_owned(),
                    _ => spec,
                }
            } else {
                spec
            };
            out.push_str(&interp.format(&value, &Value::from_string(spec))?);
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(PyErr::value_error(
                "Single '}' encountered in format string",
            ));
        } else {
            out.push(c);
            i += 1;
        }
    }
    s(out)
}

fn splitlines(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let st = this(args)?;
    let keep = match args.get(1).cloned().or_else(|| kwarg(kwargs, "keepends")) {
        Some(v) => interp.truthy(&v)?,
        None => false,
    };
    let text = st.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < bytes.len() {
        let (p, c) = bytes[i];
        if matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        ) {
            let mut end = p + c.len_utf8();
            if c == '\r' && bytes.get(i + 1).is_some_and(|&(_, n)| n == '\n') {
                end += 1;
                i += 1;
            }
            out.push(Value::str(if keep {
                &text[start..end]
            } else {
                &text[start..p]
            }));
            start = end;
        }
        i += 1;
    }
    if start < text.len() {
        out.push(Value::str(&text[start..]));
    }
    Ok(Value::list(out))
}

fn partition_common(interp: &mut Interp, args: &[Value], rev: bool) -> PyResult<Value> {
    let st = this(args)?;
    let sep = str_arg(interp, args, 1, "partition")?;
    if sep.len_bytes() == 0 {
        return Err(PyErr::value_error("empty separator"));
    }
    let t = st.as_str();
    let found = if rev {
        t.rfind(sep.as_str())
    } else {
        t.find(sep.as_str())
    };
    Ok(Value::tuple(match found {
        Some(p) => vec![
            Value::str(&t[..p]),
            Value::Str(sep.clone()),
            Value::str(&t[p + sep.len_bytes()..]),
        ],
        None if rev => vec![Value::str(""), Value::str(""), Value::Str(st.clone())],
        None => vec![Value::Str(st.clone()), Value::str(""), Value::str("")],
    }))
}

fn partition(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    partition_common(interp, args, false)
}

fn rpartition(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    partition_common(interp, args, true)
}

fn encode(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let st = this(args)?;
    Ok(Value::Bytes(Rc::new(st.as_str().as_bytes().to_vec())))
}

fn expandtabs(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let st = this(args)?;
    let size = match args.get(1) {
        Some(v) => interp.index_of(v)?.max(0) as usize,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0;
    for c in st.as_str().chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.push_str(&" ".repeat(n));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    s(out)
}

fn removeprefix(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let st = this(args)?;
    let p = str_arg(interp, args, 1, "removeprefix")?;
    s(st.as_str()
        .strip_prefix(p.as_str())
        .unwrap_or(st.as_str())
        .to_owned())
}

fn removesuffix(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let st = this(args)?;
    let p = str_arg(interp, args, 1, "removesuffix")?;
    s(st.as_str()
        .strip_suffix(p.as_str())
        .unwrap_or(st.as_str())
        .to_owned())
}

fn len(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or_default();
    let v = crate::interp::unwrap_base(&v).unwrap_or(v);
    Ok(Value::Int(interp.len(&v)? as i64))
}

fn contains(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__contains__", args, 2, 2)?;
    Ok(Value::Bool(
        interp.contains(&Value::Str(this(args)?), &args[1])?,
    ))
}

fn getitem(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__getitem__", args, 2, 2)?;
    interp.get_item(&Value::Str(this(args)?), args[1].clone())
}

fn add(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__add__", args, 2, 2)?;
    interp.binary_op(0, Value::Str(this(args)?), args[1].clone())
}

fn mul(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__mul__", args, 2, 2)?;
    interp.binary_op(5, Value::Str(this(args)?), args[1].clone())
}

fn modulo(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__mod__", args, 2, 2)?;
    interp.binary_op(6, Value::Str(this(args)?), args[1].clone())
}

fn hash(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Int(interp.hash(&Value::Str(this(args)?))?))
}

fn eq(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__eq__", args, 2, 2)?;
    match &args[1] {
        Value::Str(_) => interp.rich_compare(2, &Value::Str(this(args)?), &args[1]),
        _ => Ok(Value::NotImplemented),
    }
}

fn lt(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__lt__", args, 2, 2)?;
    match &args[1] {
        Value::Str(_) => interp.rich_compare(0, &Value::Str(this(args)?), &args[1]),
        _ => Ok(Value::NotImplemented),
    }
}

fn str_(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Str(this(args)?))
}

fn repr(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    s(crate::interp::str_repr(this(args)?.as_str()))
}

fn dunder_format(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__format__", args, 2, 2)?;
    s(interp.format(&Value::Str(this(args)?), &args[1])?)
}

fn iter(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    interp.get_iter(Value::Str(this(args)?))
}

fn bytes_of(v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Bytes(b) => Ok((**b).clone()),
        Value::ByteArray(b) => Ok(b.borrow().clone()),
        _ => Err(PyErr::type_error("a bytes-like object is required")),
    }
}

fn decode(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let b = bytes_of(args.first().unwrap_or(&Value::None))?;
    match String::from_utf8(b) {
        Ok(t) => s(t),
        Err(e) => Err(PyErr::new(
            crate::object::ExcKind::UnicodeDecodeError,
            format!(
                "'utf-8' codec can't decode byte at position {}",
                e.utf8_error().valid_up_to()
            ),
        )),
    }
}

fn bytes_hex(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let b = bytes_of(args.first().unwrap_or(&Value::None))?;
    s(b.iter().map(|x| format!("{x:02x}")).collect())
}

fn bytes_join(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("join", args, 2, 2)?;
    let sep = bytes_of(&args[0])?;
    let mut out = Vec::new();
    for (i, item) in interp.collect(args[1].clone())?.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend(bytes_of(item)?);
    }
    Ok(Value::Bytes(Rc::new(out)))
}

fn bytearray_append(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("append", args, 2, 2)?;
    if let Value::ByteArray(b) = &args[0] {
        let n = interp.index_of(&args[1])?;
        b.borrow_mut().push(
            u8::try_from(n).map_err(|_| PyErr::value_error("byte must be in range(0, 256)"))?,
        );
    }
    Ok(Value::None)
}

fn bytearray_extend(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("extend", args, 2, 2)?;
    if let Value::ByteArray(b) = &args[0] {
        let items = match &args[1] {
            Value::Bytes(x) => (**x).clone(),
            other => {
                let mut v = Vec::new();
                for item in interp.collect(other.clone())? {
                    let n = interp.index_of(&item)?;
                    v.push(
                        u8::try_from(n)
                            .map_err(|_| PyErr::value_error("byte must be in range(0, 256)"))?,
                    );
                }
                v
            }
        };
        b.borrow_mut().extend(items);
    }
    Ok(Value::None)
}
