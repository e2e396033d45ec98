//! Methods of `int`, `float`, `bool` and `complex`, and complex arithmetic.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed};

use super::{check_args, def_class};
use crate::interp::Interp;
use crate::object::int::{self, Int, big_to_value};
use crate::object::{ExcKind, PyErr, PyResult, PyStr, Value};

type Kw = [(Rc<PyStr>, Value)];

pub fn install(interp: &mut Interp) {
    let k = interp.types.int.clone();
    def_class(&k, "bit_length", bit_length);
    def_class(&k, "bit_count", bit_count);
    def_class(&k, "conjugate", int_self);
    def_class(&k, "__index__", int_self);
    def_class(&k, "__int__", int_self);
    def_class(&k, "__float__", int_float);
    def_class(&k, "__hash__", num_hash);
    def_class(&k, "__repr__", num_repr);
    def_class(&k, "__add__", int_add);
    def_class(&k, "to_bytes", to_bytes);
    k.dict.set_item(
        "from_bytes",
        Value::ClassMethod(Rc::new(super::native("from_bytes", from_bytes))),
    );
    let f = interp.types.float.clone();
    def_class(&f, "is_integer", is_integer);
    def_class(&f, "as_integer_ratio", as_integer_ratio);
    def_class(&f, "__int__", float_int);
    def_class(&f, "__float__", float_self);
    def_class(&f, "__hash__", num_hash);
    def_class(&f, "__repr__", num_repr);
    def_class(&f, "hex", float_hex);
    def_class(&f, "conjugate", float_self);
    def_class(
        &interp.types.complex.clone(),
        "conjugate",
        complex_conjugate,
    );
}

/// A float with no fractional part to an `int` value.
pub fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        ));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(Value::Int(t as i64));
    }
    Ok(big_to_value(BigInt::from_f64(t).unwrap_or_default()))
}

fn int_arg(args: &[Value]) -> PyResult<Int<'_>> {
    args.first()
        .and_then(Int::of)
        .ok_or_else(|| PyErr::type_error("descriptor requires an 'int' object"))
}

fn bit_length(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Int(match int_arg(args)? {
        Int::Small(i) => 64 - i64::from(i.unsigned_abs().leading_zeros()),
        Int::Big(b) => b.abs().bits() as i64,
    }))
}

fn bit_count(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Int(match int_arg(args)? {
        Int::Small(i) => i64::from(i.unsigned_abs().count_ones()),
        Int::Big(b) => b
            .abs()
            .to_u32_digits()
            .1
            .iter()
            .map(|d| i64::from(d.count_ones()))
            .sum(),
    }))
}

fn int_self(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(match int_arg(args)? {
        Int::Small(i) => Value::Int(i),
        Int::Big(b) => Value::Big(Rc::new(b.clone())),
    })
}

fn int_float(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Float(int::to_f64(&int_arg(args)?)))
}

fn int_add(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__add__", args, 2, 2)?;
    let a = crate::interp::unwrap_base(&args[0]).unwrap_or_else(|| args[0].clone());
    if Int::of(&args[1]).is_none() {
        return Ok(Value::NotImplemented);
    }
    interp.binary_op(0, a, args[1].clone())
}

fn num_hash(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or_default();
    let v = crate::interp::unwrap_base(&v).unwrap_or(v);
    Ok(Value::Int(interp.hash(&v)?))
}

fn num_repr(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or_default();
    let v = crate::interp::unwrap_base(&v).unwrap_or(v);
    Ok(Value::from_string(interp.repr(&v)?))
}

fn to_bytes(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let n = int_arg(args)?.to_big();
    let length = match super::arg_or_kw(args, kwargs, 1, "length") {
        Some(l) => interp.index_of(&l)?.max(0) as usize,
        None => 1,
    };
    let order = super::arg_or_kw(args, kwargs, 2, "byteorder").unwrap_or(Value::str("big"));
    let signed = match super::kwarg(kwargs, "signed") {
        Some(s) => interp.truthy(&s)?,
        None => false,
    };
    if n.is_negative() && !signed {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "can't convert negative int to unsigned",
        ));
    }
    let mut bytes = n.to_signed_bytes_le();
    let fill = if n.is_negative() { 0xff } else { 0 };
    if !signed && bytes.len() > length && bytes.last() == Some(&0) {
        bytes.pop();
    }
    if bytes.len() > length {
        return Err(PyErr::new(ExcKind::OverflowError, "int too big to convert"));
    }
    bytes.resize(length, fill);
    if order.as_str().is_some_and(|o| o.as_str() == "big") {
        bytes.reverse();
    }
    Ok(Value::Bytes(Rc::new(bytes)))
}

fn from_bytes(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let data = match args.get(1) {
        Some(Value::Bytes(b)) => (**b).clone(),
        Some(Value::ByteArray(b)) => b.borrow().clone(),
        Some(other) => {
            let mut out = Vec::new();
            for x in interp.collect(other.clone())? {
                out.push(interp.index_of(&x)? as u8);
            }
            out
        }
        None => {
            return Err(PyErr::type_error(
                "from_bytes() missing required argument 'bytes'",
            ));
        }
    };
    let order = super::arg_or_kw(args, kwargs, 2, "byteorder").unwrap_or(Value::str("big"));
    let signed = match super::kwarg(kwargs, "signed") {
        Some(s) => interp.truthy(&s)?,
        None => false,
    };
    let mut le = data;
    if order.as_str().is_some_and(|o| o.as_str() == "big") {
        le.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&le)
    } else {
        BigInt::from_bytes_le(num_bigint::Sign::Plus, &le)
    };
    Ok(big_to_value(n))
}

fn float_arg(args: &[Value]) -> PyResult<f64> {
    match args.first() {
        Some(Value::Float(f)) => Ok(*f),
        Some(v) => match crate::interp::unwrap_base(v) {
            Some(Value::Float(f)) => Ok(f),
            _ => Err(PyErr::type_error("descriptor requires a 'float' object")),
        },
        None => Err(PyErr::type_error("descriptor requires a 'float' object")),
    }
}

fn is_integer(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let f = float_arg(args)?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn as_integer_ratio(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let f = float_arg(args)?;
    if !f.is_finite() {
        return Err(PyErr::new(
            ExcKind::OverflowError,
            "cannot convert Infinity to integer ratio",
        ));
    }
    let (m, e) = crate::object::float::frexp(f);
    let mut mant = m;
    let mut exp = e;
    while mant.fract() != 0.0 {
        mant *= 2.0;
        exp -= 1;
    }
    let n = BigInt::from_f64(mant).unwrap_or_default();
    let (num, den) = if exp >= 0 {
        (n << exp as usize, BigInt::from(1))
    } else {
        (n, BigInt::from(1) << (-exp) as usize)
    };
    Ok(Value::tuple(vec![big_to_value(num), big_to_value(den)]))
}

fn float_int(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    float_to_int(float_arg(args)?)
}

fn float_self(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(Value::Float(float_arg(args)?))
}

fn float_hex(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let f = float_arg(args)?;
    if f == 0.0 {
        return Ok(Value::str(if f.is_sign_negative() {
            "-0x0.0p+0"
        } else {
            "0x0.0p+0"
        }));
    }
    let (m, e) = crate::object::float::frexp(f.abs());
    let bits = ((m * 2.0 - 1.0) * (1u64 << 52) as f64) as u64;
    let sign = if f < 0.0 { "-" } else { "" };
    Ok(Value::from_string(format!(
        "{sign}0x1.{bits:013x}p{:+}",
        e - 1
    )))
}

fn complex_conjugate(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    match args.first() {
        Some(Value::Complex(c)) => Ok(Value::Complex(Rc::new((c.0, -c.1)))),
        _ => Err(PyErr::type_error("descriptor requires a 'complex' object")),
    }
}

fn as_complex(v: &Value) -> Option<(f64, f64)> {
    match v {
        Value::Complex(c) => Some(**c),
        Value::Float(f) => Some((*f, 0.0)),
        other => Int::of(other).map(|i| (int::to_f64(&i), 0.0)),
    }
}

/// `a ** b` on complex numbers.
pub fn complex_pow(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    if b == (0.0, 0.0) {
        return (1.0, 0.0);
    }
    if a == (0.0, 0.0) {
        return (0.0, 0.0);
    }
    let r = a.0.hypot(a.1);
    let theta = a.1.atan2(a.0);
    let log_r = r.ln();
    let new_r = (b.0 * log_r - b.1 * theta).exp();
    let new_theta = b.1 * log_r + b.0 * theta;
    (new_r * new_theta.cos(), new_r * new_theta.sin())
}

/// Arithmetic where one side is complex.
pub fn complex_binary(op: u32, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (as_complex(a), as_complex(b)) else {
        return Ok(None);
    };
    let r = match op {
        0 => (x.0 + y.0, x.1 + y.1),
        10 => (x.0 - y.0, x.1 - y.1),
        5 => (x.0 * y.0 - x.1 * y.1, x.0 * y.1 + x.1 * y.0),
        11 => {
            let d = y.0 * y.0 + y.1 * y.1;
            if d == 0.0 {
                return Err(PyErr::new(
                    ExcKind::ZeroDivisionError,
                    "complex division by zero",
                ));
            }
            ((x.0 * y.0 + x.1 * y.1) / d, (x.1 * y.0 - x.0 * y.1) / d)
        }
        8 => complex_pow(x, y),
        _ => return Ok(None),
    };
    Ok(Some(Value::Complex(Rc::new(r))))
}
