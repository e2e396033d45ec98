//! The functions of `builtins`: `print`, `len`, `sorted`, `isinstance`, `getattr`, ...

use std::rc::Rc;

use super::{arg_or_kw, check_args, def, kwarg};
use crate::interp::Interp;
use crate::object::int::{self, Int};
use crate::object::{ExcKind, NativeIter, PyErr, PyResult, PyStr, Value};

type Kw = [(Rc<PyStr>, Value)];

pub fn install(interp: &mut Interp) {
    let b = interp.builtins.clone();
    def(&b, "print", print);
    def(&b, "len", len);
    def(&b, "repr", repr);
    def(&b, "ascii", ascii);
    def(&b, "abs", abs);
    def(&b, "min", min);
    def(&b, "max", max);
    def(&b, "sum", sum);
    def(&b, "any", any);
    def(&b, "all", all);
    def(&b, "sorted", sorted);
    def(&b, "isinstance", isinstance);
    def(&b, "issubclass", issubclass);
    def(&b, "getattr", getattr);
    def(&b, "setattr", setattr);
    def(&b, "hasattr", hasattr);
    def(&b, "delattr", delattr);
    def(&b, "id", id);
    def(&b, "hash", hash);
    def(&b, "iter", iter);
    def(&b, "next", next);
    def(&b, "chr", chr);
    def(&b, "ord", ord);
    def(&b, "hex", hex);
    def(&b, "bin", bin);
    def(&b, "oct", oct);
    def(&b, "format", format);
    def(&b, "callable", callable);
    def(&b, "round", round);
    def(&b, "divmod", divmod);
    def(&b, "pow", pow);
    def(&b, "input", input);
    super::dynamic_code::install(&b);
    def(&b, "vars", vars);
    def(&b, "dir", dir);
    def(&b, "globals", no_frame);
    def(&b, "locals", no_frame);
    def(&b, "open", open);
}

fn print(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let sep = match kwarg(kwargs, "sep") {
        Some(Value::Str(s)) => s.as_str().to_owned(),
        Some(Value::None) | None => " ".into(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "sep must be None or a string, not {}",
                interp.types.type_of(&other).name()
            )));
        }
    };
    let end = match kwarg(kwargs, "end") {
        Some(Value::Str(s)) => s.as_str().to_owned(),
        Some(Value::None) | None => "\n".into(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "end must be None or a string, not {}",
                interp.types.type_of(&other).name()
            )));
        }
    };
    let mut text = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        text.push_str(&interp.str_of(a)?);
    }
    text.push_str(&end);
    let file = kwarg(kwargs, "file").unwrap_or(Value::None);
    super::modules::write_to(interp, &file, &text)?;
    if kwarg(kwargs, "flush").is_some_and(|f| matches!(f, Value::Bool(true))) {
        interp.flush();
    }
    Ok(Value::None)
}

fn len(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("len", args, 1, 1)?;
    Ok(Value::Int(interp.len(&args[0])? as i64))
}

fn repr(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("repr", args, 1, 1)?;
    Ok(Value::from_string(interp.repr(&args[0])?))
}

fn ascii(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("ascii", args, 1, 1)?;
    Ok(Value::from_string(super::ascii_escape(
        &interp.repr(&args[0])?,
    )))
}

fn abs(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("abs", args, 1, 1)?;
    match &args[0] {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Complex(c) => Ok(Value::Float(c.0.hypot(c.1))),
        v => match Int::of(v) {
            Some(Int::Small(i)) if i >= 0 => Ok(Value::Int(i)),
            Some(i) => {
                if int::cmp(&i, &Int::Small(0)) == std::cmp::Ordering::Less {
                    Ok(int::neg(&i))
                } else {
                    Ok(v.clone())
                }
            }
            None => {
                let klass = interp.types.type_of(v);
                match klass.lookup_str("__abs__") {
                    Some(m) => interp.call_value(&m, std::slice::from_ref(v), None),
                    None => Err(PyErr::type_error(format!(
                        "bad operand type for abs(): '{}'",
                        klass.name()
                    ))),
                }
            }
        },
    }
}

fn min_max(interp: &mut Interp, args: &[Value], kwargs: &Kw, want_max: bool) -> PyResult<Value> {
    let name = if want_max { "max" } else { "min" };
    let items = if args.len() == 1 {
        interp.collect(args[0].clone())?
    } else if args.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name} expected at least 1 argument, got 0"
        )));
    } else {
        args.to_vec()
    };
    let key = kwarg(kwargs, "key").filter(|k| !k.is_none());
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => interp.call_value(f, std::slice::from_ref(&item), None)?,
            None => item.clone(),
        };
        best = match best {
            None => Some((k, item)),
            Some((bk, bv)) => {
                let better = if want_max {
                    interp.lt(&bk, &k)?
                } else {
                    interp.lt(&k, &bk)?
                };
                if better {
                    Some((k, item))
                } else {
                    Some((bk, bv))
                }
            }
        };
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match kwarg(kwargs, "default") {
            Some(d) => Ok(d),
            None => Err(PyErr::value_error(format!(
                "{name}() arg is an empty sequence"
            ))),
        },
    }
}

fn min(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    min_max(interp, args, kwargs, false)
}

fn max(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    min_max(interp, args, kwargs, true)
}

fn sum(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    check_args("sum", args, 1, 2)?;
    let mut acc = arg_or_kw(args, kwargs, 1, "start").unwrap_or(Value::Int(0));
    if matches!(acc, Value::Str(_)) {
        return Err(PyErr::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let it = interp.get_iter(args[0].clone())?;
    while let Some(x) = interp.next(&it)? {
        acc = interp.binary_op(0, acc, x)?;
    }
    Ok(acc)
}

fn any(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("any", args, 1, 1)?;
    let it = interp.get_iter(args[0].clone())?;
    while let Some(x) = interp.next(&it)? {
        if interp.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("all", args, 1, 1)?;
    let it = interp.get_iter(args[0].clone())?;
    while let Some(x) = interp.next(&it)? {
        if !interp.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// A stable merge sort that only uses `<` and stops at the first error.
pub fn sort_values(
    interp: &mut Interp,
    items: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let keys: Vec<Value> = match key {
        Some(f) if !f.is_none() => {
            let mut ks = Vec::with_capacity(items.len());
            for it in &items {
                ks.push(interp.call_value(f, std::slice::from_ref(it), None)?);
            }
            ks
        }
        _ => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    let mut buf = idx.clone();
    merge_sort(interp, &keys, &mut idx, &mut buf)?;
    if reverse {
        idx.reverse();
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

fn merge_sort(
    interp: &mut Interp,
    keys: &[Value],
    idx: &mut [usize],
    buf: &mut [usize],
) -> PyResult<()> {
    let n = idx.len();
    if n <= 1 {
        return Ok(());
    }
    if n <= 8 {
        // Insertion sort.
        for i in 1..n {
            let mut j = i;
            while j > 0 && interp.lt(&keys[idx[j]], &keys[idx[j - 1]])? {
                idx.swap(j, j - 1);
                j -= 1;
            }
        }
        return Ok(());
    }
    let mid = n / 2;
    {
        let (l, r) = idx.split_at_mut(mid);
        let (bl, br) = buf.split_at_mut(mid);
        merge_sort(interp, keys, l, bl)?;
        merge_sort(interp, keys, r, br)?;
    }
    if !interp.lt(&keys[idx[mid]], &keys[idx[mid - 1]])? {
        return Ok(());
    }
    buf[..n].copy_from_slice(idx);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < mid && j < n {
        if interp.lt(&keys[buf[j]], &keys[buf[i]])? {
            idx[k] = buf[j];
            j += 1;
        } else {
            idx[k] = buf[i];
            i += 1;
        }
        k += 1;
    }
    while i < mid {
        idx[k] = buf[i];
        i += 1;
        k += 1;
    }
    while j < n {
        idx[k] = buf[j];
        j += 1;
        k += 1;
    }
    Ok(())
}

fn sorted(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    check_args("sorted", args, 1, 1)?;
    let items = interp.collect(args[0].clone())?;
    let key = kwarg(kwargs, "key");
    let reverse = match kwarg(kwargs, "reverse") {
        Some(r) => interp.truthy(&r)?,
        None => false,
    };
    Ok(Value::list(sort_values(
        interp,
        items,
        key.as_ref(),
        reverse,
    )?))
}

/// `isinstance(v, classinfo)`.
pub fn is_instance(interp: &mut Interp, v: &Value, classinfo: &Value) -> PyResult<bool> {
    match classinfo {
        Value::Class(k) => {
            if interp.types.type_of(v).is_subclass(k) {
                return Ok(true);
            }
            if let Some(check) = k
                .metaclass
                .borrow()
                .clone()
                .and_then(|m| m.lookup_str("__instancecheck__"))
            {
                let r = interp.call_value(&check, &[classinfo.clone(), v.clone()], None)?;
                return interp.truthy(&r);
            }
            Ok(false)
        }
        Value::Tuple(items) => {
            for item in items.iter() {
                if is_instance(interp, v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(PyErr::type_error(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        )),
    }
}

fn isinstance(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("isinstance", args, 2, 2)?;
    Ok(Value::Bool(is_instance(interp, &args[0], &args[1])?))
}

fn issubclass(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("issubclass", args, 2, 2)?;
    let Value::Class(k) = &args[0] else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    // A metaclass's `__subclasscheck__` (abc.ABCMeta: registered virtual subclasses).
    if let Value::Class(c) = &args[1] {
        let hook = c
            .metaclass
            .borrow()
            .clone()
            .and_then(|m| m.lookup_str("__subclasscheck__"));
        if let (false, Some(hook)) = (k.is_subclass(c), hook) {
            let r = interp.call_value(&hook, &[args[1].clone(), args[0].clone()], None)?;
            return Ok(Value::Bool(interp.truthy(&r)?));
        }
    }
    fn check(k: &Rc<crate::object::Class>, info: &Value) -> PyResult<bool> {
        match info {
            Value::Class(c) => Ok(k.is_subclass(c)),
            Value::Tuple(items) => {
                for i in items.iter() {
                    if check(k, i)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(PyErr::type_error(
                "issubclass() arg 2 must be a class, a tuple of classes, or a union",
            )),
        }
    }
    let _ = interp;
    Ok(Value::Bool(check(k, &args[1])?))
}

fn attr_name(interp: &Interp, v: &Value) -> PyResult<Value> {
    match v {
        Value::Str(_) => Ok(v.clone()),
        other => Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            interp.types.type_of(other).name()
        ))),
    }
}

fn getattr(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("getattr", args, 2, 3)?;
    let name = attr_name(interp, &args[1])?;
    match interp.get_attr(&args[0], &name) {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 3 && interp.err_is(&e, ExcKind::AttributeError) => {
            Ok(args[2].clone())
        }
        Err(e) => Err(e),
    }
}

fn setattr(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("setattr", args, 3, 3)?;
    let name = attr_name(interp, &args[1])?;
    interp.set_attr(&args[0], &name, args[2].clone())?;
    Ok(Value::None)
}

fn hasattr(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("hasattr", args, 2, 2)?;
    let name = attr_name(interp, &args[1])?;
    match interp.get_attr(&args[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if interp.err_is(&e, ExcKind::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn delattr(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("delattr", args, 2, 2)?;
    let name = attr_name(interp, &args[1])?;
    interp.del_attr(&args[0], &name)?;
    Ok(Value::None)
}

fn id(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("id", args, 1, 1)?;
    Ok(Value::Int(args[0].id()))
}

fn hash(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("hash", args, 1, 1)?;
    Ok(Value::Int(interp.hash(&args[0])?))
}

fn iter(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("iter", args, 1, 2)?;
    if args.len() == 2 {
        return Ok(crate::interp::native_iter(NativeIter::Callable {
            func: args[0].clone(),
            sentinel: args[1].clone(),
        }));
    }
    interp.get_iter(args[0].clone())
}

fn next(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("next", args, 1, 2)?;
    let it = &args[0];
    let is_iterator = match it {
        Value::Iter(_) | Value::Generator(_) => true,
        other => interp.types.type_of(other).lookup_str("__next__").is_some(),
    };
    if !is_iterator {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            interp.types.type_of(it).name()
        )));
    }
    if let Value::Generator(g) = it {
        return match interp.resume(g, Value::None, None)? {
            Ok(v) => Ok(v),
            Err(r) => match args.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(if r.is_none() {
                    PyErr::bare(ExcKind::StopIteration)
                } else {
                    PyErr::with_arg(ExcKind::StopIteration, r)
                }),
            },
        };
    }
    match interp.next(it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::bare(ExcKind::StopIteration)),
        },
    }
}

fn chr(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("chr", args, 1, 1)?;
    let n = interp.index_of(&args[0])?;
    let c = u32::try_from(n)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| PyErr::value_error("chr() arg not in range(0x110000)"))?;
    Ok(Value::from_string(c.to_string()))
}

fn ord(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("ord", args, 1, 1)?;
    match &args[0] {
        Value::Str(s) if s.char_len() == 1 => {
            Ok(Value::Int(i64::from(s.char_at(0).map_or(0, |c| c as u32))))
        }
        Value::Str(s) => Err(PyErr::type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.char_len()
        ))),
        Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(i64::from(b[0]))),
        other => Err(PyErr::type_error(format!(
            "ord() expected string of length 1, but {} found",
            interp.types.type_of(other).name()
        ))),
    }
}

fn radix(interp: &mut Interp, args: &[Value], name: &str, r: u32, prefix: &str) -> PyResult<Value> {
    check_args(name, args, 1, 1)?;
    let v = match Int::of(&args[0]) {
        Some(_) => args[0].clone(),
        None => Value::Int(interp.index_of(&args[0])?),
    };
    let i = Int::of(&v).unwrap_or(Int::Small(0));
    let s = int::to_str_radix(&i, r);
    Ok(Value::from_string(match s.strip_prefix('-') {
        Some(rest) => format!("-{prefix}{rest}"),
        None => format!("{prefix}{s}"),
    }))
}

fn hex(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    radix(interp, args, "hex", 16, "0x")
}

fn bin(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    radix(interp, args, "bin", 2, "0b")
}

fn oct(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    radix(interp, args, "oct", 8, "0o")
}

fn format(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("format", args, 1, 2)?;
    let spec = args.get(1).cloned().unwrap_or(Value::str(""));
    Ok(Value::from_string(interp.format(&args[0], &spec)?))
}

fn callable(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("callable", args, 1, 1)?;
    Ok(Value::Bool(match &args[0] {
        Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
        other => interp.types.type_of(other).lookup_str("__call__").is_some(),
    }))
}

fn round(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    check_args("round", args, 1, 2)?;
    let ndigits = arg_or_kw(args, kwargs, 1, "ndigits").filter(|v| !v.is_none());
    match &args[0] {
        Value::Float(f) => match ndigits {
            None => {
                let r = f.round_ties_even();
                if !r.is_finite() {
                    return Err(PyErr::new(
                        if r.is_nan() {
                            ExcKind::ValueError
                        } else {
                            ExcKind::OverflowError
                        },
                        if r.is_nan() {
                            "cannot convert float NaN to integer"
                        } else {
                            "cannot convert float infinity to integer"
                        },
                    ));
                }
                super::float_to_int(r)
            }
            Some(n) => {
                let n = interp.index_of(&n)?;
                Ok(Value::Float(round_float(*f, n)))
            }
        },
        v if Int::of(v).is_some() => match ndigits {
            None => Ok(match v {
                Value::Bool(b) => Value::Int(i64::from(*b)),
                _ => v.clone(),
            }),
            Some(n) => {
                let n = interp.index_of(&n)?;
                if n >= 0 {
                    return Ok(v.clone());
                }
                let p = int::pow(&Int::Small(10), &Int::Small(-n))?;
                let pi = Int::of(&p).unwrap_or(Int::Small(1));
                let x = Int::of(v).unwrap_or(Int::Small(0));
                // Round half to even.
                let q = int::floordiv(&x, &pi)?;
                let r = int::modulo(&x, &pi)?;
                let twice = int::mul(&Int::of(&r).unwrap_or(Int::Small(0)), &Int::Small(2));
                let c = int::cmp(&Int::of(&twice).unwrap_or(Int::Small(0)), &pi);
                let qi = Int::of(&q).unwrap_or(Int::Small(0));
                let odd = matches!(int::modulo(&qi, &Int::Small(2))?, Value::Int(1));
                let q = if c == std::cmp::Ordering::Greater
                    || (c == std::cmp::Ordering::Equal && odd)
                {
                    int::add(&qi, &Int::Small(1))
                } else {
                    q.clone()
                };
                Ok(int::mul(&Int::of(&q).unwrap_or(Int::Small(0)), &pi))
            }
        },
        other => {
            let klass = interp.types.type_of(other);
            match klass.lookup_str("__round__") {
                Some(m) => {
                    let mut a = vec![other.clone()];
                    a.extend(ndigits);
                    interp.call_value(&m, &a, None)
                }
                None => Err(PyErr::type_error(format!(
                    "type {} doesn't define __round__ method",
                    klass.name()
                ))),
            }
        }
    }
}

/// `round(f, n)` with CPython's correctly rounded result (via decimal string conversion).
fn round_float(f: f64, n: i64) -> f64 {
    if !f.is_finite() || n > 300 {
        return f;
    }
    if n < -308 {
        return 0.0f64.copysign(f);
    }
    if n >= 0 {
        let s = format!("{:.*}", n as usize, f);
        // Rust's formatting rounds half to even on the exact binary value, like CPython.
        s.parse().unwrap_or(f)
    } else {
        let p = 10f64.powi((-n) as i32);
        let y = f / p;
        let r = y.round_ties_even();
        let r = if (y - y.trunc()).abs() == 0.5 {
            r
        } else {
            y.round()
        };
        r * p
    }
}

fn divmod(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("divmod", args, 2, 2)?;
    let q = interp.binary_op(2, args[0].clone(), args[1].clone())?;
    let r = interp.binary_op(6, args[0].clone(), args[1].clone())?;
    Ok(Value::tuple(vec![q, r]))
}

fn pow(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    check_args("pow", args, 2, 3)?;
    let m = arg_or_kw(args, kwargs, 2, "mod").filter(|v| !v.is_none());
    match m {
        Some(m) => match (Int::of(&args[0]), Int::of(&args[1]), Int::of(&m)) {
            (Some(a), Some(b), Some(c)) => int::pow_mod(&a, &b, &c),
            _ => Err(PyErr::type_error(
                "pow() 3rd argument not allowed unless all arguments are integers",
            )),
        },
        None => interp.binary_op(8, args[0].clone(), args[1].clone()),
    }
}

fn input(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    if let Some(prompt) = args.first() {
        let p = interp.str_of(prompt)?;
        interp.write_out(&p);
    }
    interp.flush();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(PyErr::new(ExcKind::EOFError, "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(Value::from_string(line))
        }
        Err(e) => Err(PyErr::new(ExcKind::OSError, e.to_string())),
    }
}

fn vars(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("vars", args, 1, 1)?;
    match interp.get_attr_opt(&args[0], &Value::str("__dict__"))? {
        Some(d) => Ok(d),
        None => Err(PyErr::type_error(
            "vars() argument must have __dict__ attribute",
        )),
    }
}

fn dir(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("dir", args, 1, 1)?;
    let mut names: Vec<String> = Vec::new();
    let v = &args[0];
    let mut add = |d: &crate::object::PyDict| {
        for k in d.keys() {
            if let Value::Str(s) = k {
                names.push(s.as_str().to_owned());
            }
        }
    };
    match v {
        Value::Module(m) => add(&m.dict),
        Value::Class(k) => {
            for c in k.mro.borrow().iter() {
                add(&c.dict);
            }
        }
        Value::Instance(inst) => {
            if let Some(d) = &inst.dict {
                add(d);
            }
            for c in inst.class().mro.borrow().iter() {
                add(&c.dict);
            }
        }
        other => {
            for c in interp.types.type_of(other).mro.borrow().iter() {
                add(&c.dict);
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(Value::list(
        names.into_iter().map(Value::from_string).collect(),
    ))
}

fn no_frame(_: &mut Interp, _: &[Value], _: &Kw) -> PyResult<Value> {
    Err(PyErr::new(
        ExcKind::SystemError,
        "globals()/locals() need a calling frame",
    ))
}

fn open(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    super::modules::open_file(interp, args, kwargs)
}
