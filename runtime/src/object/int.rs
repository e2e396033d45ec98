//! `int`: a machine-size fast path (`Value::Int`) with `num-bigint` beyond 64 bits.
//!
//! Every operation first tries `i64` arithmetic with overflow checks; only on overflow (or
//! when an operand is already big) does it go through `BigInt`. Results are normalised back to
//! `Value::Int` whenever they fit, so `Value::Big` always means "does not fit in 64 bits".

use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{PyErr, PyResult, Value};

/// The modulus of CPython's numeric hash (2**61 - 1).
pub const HASH_MODULUS: i64 = (1 << 61) - 1;

/// An integer operand, borrowed from a value (`bool` counts as `int`).
pub enum Int<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl<'a> Int<'a> {
    pub fn of(v: &'a Value) -> Option<Int<'a>> {
        match v {
            Value::Int(i) => Some(Int::Small(*i)),
            Value::Bool(b) => Some(Int::Small(i64::from(*b))),
            Value::Big(b) => Some(Int::Big(b)),
            _ => None,
        }
    }

    pub fn to_big(&self) -> BigInt {
        match self {
            Int::Small(i) => BigInt::from(*i),
            Int::Big(b) => (*b).clone(),
        }
    }
}

/// Normalises a `BigInt` into a value.
pub fn big_to_value(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::Big(Rc::new(b)),
    }
}

/// CPython's `hash()` of a machine-size int.
pub fn int_hash(i: i64) -> i64 {
    let r = if i >= 0 {
        i % HASH_MODULUS
    } else {
        -((-(i as i128)) as i64 % HASH_MODULUS)
    };
    if r == -1 { -2 } else { r }
}

pub fn big_hash(b: &BigInt) -> i64 {
    let m = BigInt::from(HASH_MODULUS);
    let r = (b.abs() % &m).to_i64().unwrap_or(0);
    let r = if b.is_negative() { -r } else { r };
    if r == -1 { -2 } else { r }
}

fn big_op(a: &Int, b: &Int, op: fn(&BigInt, &BigInt) -> BigInt) -> Value {
    big_to_value(op(&a.to_big(), &b.to_big()))
}

pub fn add(a: &Int, b: &Int) -> Value {
    if let (Int::Small(x), Int::Small(y)) = (a, b)
        && let Some(r) = x.checked_add(*y)
    {
        return Value::Int(r);
    }
    big_op(a, b, |x, y| x + y)
}

pub fn sub(a: &Int, b: &Int) -> Value {
    if let (Int::Small(x), Int::Small(y)) = (a, b)
        && let Some(r) = x.checked_sub(*y)
    {
        return Value::Int(r);
    }
    big_op(a, b, |x, y| x - y)
}

pub fn mul(a: &Int, b: &Int) -> Value {
    if let (Int::Small(x), Int::Small(y)) = (a, b)
        && let Some(r) = x.checked_mul(*y)
    {
        return Value::Int(r);
    }
    big_op(a, b, |x, y| x * y)
}

fn zero_div(msg: &str) -> PyErr {
    PyErr::new(super::ExcKind::ZeroDivisionError, msg)
}

fn is_zero(b: &Int) -> bool {
    match b {
        Int::Small(y) => *y == 0,
        Int::Big(y) => y.is_zero(),
    }
}

pub fn floordiv(a: &Int, b: &Int) -> PyResult<Value> {
    if is_zero(b) {
        return Err(zero_div("integer division or modulo by zero"));
    }
    if let (Int::Small(x), Int::Small(y)) = (a, b)
        && x.checked_div(*y).is_some()
    {
        return Ok(Value::Int(x.div_floor(y)));
    }
    Ok(big_op(a, b, |x, y| x.div_floor(y)))
}

pub fn modulo(a: &Int, b: &Int) -> PyResult<Value> {
    if is_zero(b) {
        return Err(zero_div("integer division or modulo by zero"));
    }
    if let (Int::Small(x), Int::Small(y)) = (a, b)
        && x.checked_rem(*y).is_some()
    {
        return Ok(Value::Int(x.mod_floor(y)));
    }
    Ok(big_op(a, b, |x, y| x.mod_floor(y)))
}

pub fn truediv(a: &Int, b: &Int) -> PyResult<Value> {
    if is_zero(b) {
        return Err(zero_div("division by zero"));
    }
    match (a, b) {
        (Int::Small(x), Int::Small(y)) if x.abs() < (1 << 53) && y.abs() < (1 << 53) => {
            Ok(Value::Float(*x as f64 / *y as f64))
        }
        _ => {
            let x = a.to_big();
            let y = b.to_big();
            let f = x.to_f64().unwrap_or(f64::NAN) / y.to_f64().unwrap_or(f64::NAN);
            if f.is_finite() {
                Ok(Value::Float(f))
            } else {
                Err(PyErr::new(
                    super::ExcKind::OverflowError,
                    "integer division result too large for a float",
                ))
            }
        }
    }
}

pub fn pow(a: &Int, b: &Int) -> PyResult<Value> {
    let exp = match b {
        Int::Small(e) => *e,
        Int::Big(e) => {
            if e.is_negative() {
                return Ok(Value::Float(0.0));
            }
            return Err(PyErr::new(
                super::ExcKind::OverflowError,
                "exponent too large",
            ));
        }
    };
    if exp < 0 {
        let base = match a {
            Int::Small(x) => *x as f64,
            Int::Big(x) => x.to_f64().unwrap_or(f64::INFINITY),
        };
        if base == 0.0 {
            return Err(zero_div("0.0 cannot be raised to a negative power"));
        }
        return Ok(Value::Float(base.powf(exp as f64)));
    }
    if let Int::Small(x) = a
        && let Ok(e32) = u32::try_from(exp)
        && let Some(r) = x.checked_pow(e32)
    {
        return Ok(Value::Int(r));
    }
    let e = u32::try_from(exp)
        .map_err(|_| PyErr::new(super::ExcKind::OverflowError, "exponent too large"))?;
    Ok(big_to_value(num_traits::pow::Pow::pow(a.to_big(), e)))
}

pub fn pow_mod(a: &Int, b: &Int, m: &Int) -> PyResult<Value> {
    if is_zero(m) {
        return Err(PyErr::new(
            super::ExcKind::ValueError,
            "pow() 3rd argument cannot be 0",
        ));
    }
    let (a, b, m) = (a.to_big(), b.to_big(), m.to_big());
    if b.is_negative() {
        return Err(PyErr::new(
            super::ExcKind::ValueError,
            "base is not invertible for the given modulus",
        ));
    }
    let r = a.modpow(&b, &m.abs());
    let r = if m.is_negative() && !r.is_zero() {
        r + m
    } else {
        r
    };
    Ok(big_to_value(r))
}

pub fn neg(a: &Int) -> Value {
    match a {
        Int::Small(x) => x
            .checked_neg()
            .map_or_else(|| big_to_value(-BigInt::from(*x)), Value::Int),
        Int::Big(x) => big_to_value(-(*x).clone()),
    }
}

pub fn invert(a: &Int) -> Value {
    match a {
        Int::Small(x) => Value::Int(!x),
        Int::Big(x) => big_to_value(-(*x).clone() - BigInt::one()),
    }
}

pub fn bitop(a: &Int, b: &Int, op: u8) -> Value {
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        return Value::Int(match op {
            b'&' => x & y,
            b'|' => x | y,
            _ => x ^ y,
        });
    }
    match op {
        b'&' => big_op(a, b, |x, y| x & y),
        b'|' => big_op(a, b, |x, y| x | y),
        _ => big_op(a, b, |x, y| x ^ y),
    }
}

pub fn shift(a: &Int, b: &Int, left: bool) -> PyResult<Value> {
    let n = match b {
        Int::Small(n) if *n < 0 => {
            return Err(PyErr::new(
                super::ExcKind::ValueError,
                "negative shift count",
            ));
        }
        Int::Small(n) => *n,
        Int::Big(_) => {
            return Err(PyErr::new(
                super::ExcKind::OverflowError,
                "shift count too large",
            ));
        }
    };
    if left {
        if let Int::Small(x) = a {
            if n < 63 {
                let r = x.checked_shl(n as u32).filter(|r| r >> n == *x);
                if let Some(r) = r {
                    return Ok(Value::Int(r));
                }
            }
            if *x == 0 {
                return Ok(Value::Int(0));
            }
        }
        let n = usize::try_from(n)
            .map_err(|_| PyErr::new(super::ExcKind::OverflowError, "shift count too large"))?;
        Ok(big_to_value(a.to_big() << n))
    } else {
        match a {
            Int::Small(x) => Ok(Value::Int(if n >= 64 {
                if *x < 0 { -1 } else { 0 }
            } else {
                x >> n
            })),
            Int::Big(x) => {
                let n = usize::try_from(n).unwrap_or(usize::MAX);
                Ok(big_to_value((*x).clone() >> n))
            }
        }
    }
}

pub fn cmp(a: &Int, b: &Int) -> std::cmp::Ordering {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => x.cmp(y),
        _ => a.to_big().cmp(&b.to_big()),
    }
}

pub fn to_f64(a: &Int) -> f64 {
    match a {
        Int::Small(x) => *x as f64,
        Int::Big(x) => x.to_f64().unwrap_or(f64::INFINITY),
    }
}

/// `str(int)` in any base 2..=36 (used by `int.__repr__`, `hex`, `bin`, `oct`).
pub fn to_str_radix(a: &Int, radix: u32) -> String {
    match a {
        Int::Small(x) if radix == 10 => x.to_string(),
        _ => a.to_big().to_str_radix(radix),
    }
}
