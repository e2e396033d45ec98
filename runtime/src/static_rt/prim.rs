//! Primitive values: type codes, width normalisation, boxing and unboxing, and the
//! arithmetic of `PRIMITIVE_BINARY_OP`, `PRIMITIVE_UNARY_OP`, `PRIMITIVE_COMPARE_OP` and
//! `CONVERT_PRIMITIVE`.
//!
//! Input: unboxed operands (`Value::Int` for every integer type, `Value::Float` for `double`,
//! `Value::Bool` for `cbool`) and an operator id or type code. Output: the unboxed result, or
//! the Python exception (`ZeroDivisionError` for division by zero, `OverflowError("int
//! overflow")` when a Python int does not fit the type it is unboxed to).
//!
//! Representation: an integer primitive is kept normalised to its width (an `int8` is always
//! in `-128..=127`, a `uint16` in `0..=65535`) so that it is, bit for bit, the Python `int` it
//! boxes to; `uint64` keeps its bit pattern (values above `i64::MAX` are negative `i64`s and
//! box to a big int). Arithmetic runs on 64 bits with two's-complement wrapping; the result
//! wraps to the declared width where it is stored, boxed or returned ([`normalize`]).

use num_bigint::BigInt;

use crate::object::{ExcKind, PyErr, PyResult, Value};

// Type codes and operator ids: the codegen/runtime contract.
pub use cinder_codegen::format::static_ops::{
    binop, compare as cmp, type_code as code, unary as unop,
};

/// Whether `type_code` is one of the integer types (`char` included).
pub fn is_int(type_code: u32) -> bool {
    type_code <= code::INT64 || type_code == code::CHAR
}

/// `v` wrapped to the width of integer type `type_code` (two's complement).
#[inline]
pub fn wrap(type_code: u32, v: i64) -> i64 {
    match type_code {
        code::UINT8 => v as u8 as i64,
        code::INT8 | code::CHAR => v as i8 as i64,
        code::UINT16 => v as u16 as i64,
        code::INT16 => v as i16 as i64,
        code::UINT32 => v as u32 as i64,
        code::INT32 => v as i32 as i64,
        _ => v,
    }
}

/// An unboxed operand as 64 bits (integers and `cbool`).
#[inline]
pub fn as_bits(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        Value::Bool(b) => i64::from(*b),
        Value::Float(f) => *f as i64,
        _ => 0,
    }
}

#[inline]
fn as_f64(v: &Value) -> f64 {
    match v {
        Value::Float(f) => *f,
        Value::Int(i) => *i as f64,
        Value::Bool(b) => f64::from(u8::from(*b)),
        _ => 0.0,
    }
}

/// An unboxed value stored into a place of type `type_code` (`STORE_LOCAL`, a primitive
/// field, `RETURN_PRIMITIVE`): wrapped to the width, or made a `bool` / `float`.
#[inline]
pub fn normalize(type_code: u32, v: Value) -> Value {
    match (type_code, &v) {
        (code::DOUBLE | code::SINGLE, Value::Float(_)) => v,
        (code::DOUBLE | code::SINGLE, _) => Value::Float(as_f64(&v)),
        (code::BOOL, Value::Bool(_)) => v,
        (code::BOOL, _) => Value::Bool(as_bits(&v) != 0),
        (code::INT64 | code::UINT64, Value::Int(_)) => v,
        _ if is_int(type_code) => Value::Int(wrap(type_code, as_bits(&v))),
        _ => v,
    }
}

/// The zero of a primitive type (an unassigned primitive local or field).
pub fn zero(type_code: u32) -> Value {
    match type_code {
        code::DOUBLE | code::SINGLE => Value::Float(0.0),
        code::BOOL => Value::Bool(false),
        _ => Value::Int(0),
    }
}

/// `PRIMITIVE_BOX`: the Python object for an unboxed value.
#[inline]
pub fn box_value(type_code: u32, v: Value) -> Value {
    match (type_code, &v) {
        (code::UINT64, Value::Int(i)) if *i < 0 => {
            crate::object::big_to_value(BigInt::from(*i as u64))
        }
        _ => normalize(type_code, v),
    }
}

fn overflow() -> PyErr {
    PyErr::new(ExcKind::OverflowError, "int overflow")
}

/// The range of integer type `type_code`, as 128-bit bounds.
pub fn range(type_code: u32) -> (i128, i128) {
    match type_code {
        code::UINT8 => (0, 0xFF),
        code::INT8 | code::CHAR => (-0x80, 0x7F),
        code::UINT16 => (0, 0xFFFF),
        code::INT16 => (-0x8000, 0x7FFF),
        code::UINT32 => (0, 0xFFFF_FFFF),
        code::INT32 => (-0x8000_0000, 0x7FFF_FFFF),
        code::UINT64 => (0, u64::MAX as i128),
        _ => (i64::MIN as i128, i64::MAX as i128),
    }
}

/// The Python name of a primitive type (`int64`, `double`, ...).
pub fn type_name(type_code: u32) -> &'static str {
    match type_code {
        code::UINT8 => "uint8",
        code::INT8 => "int8",
        code::UINT16 => "uint16",
        code::INT16 => "int16",
        code::UINT32 => "uint32",
        code::INT32 => "int32",
        code::UINT64 => "uint64",
        code::INT64 => "int64",
        code::DOUBLE => "double",
        code::SINGLE => "single",
        code::CHAR => "char",
        code::BOOL => "cbool",
        _ => "object",
    }
}

/// `PRIMITIVE_UNBOX`: a Python object as an unboxed value of type `type_code`. `Ok(None)`
/// when the object is not of the Python counterpart (an `int` for integer types, a `bool`
/// for `cbool`, a `float` or `int` for `double`); the caller words that `TypeError`.
pub fn unbox(type_code: u32, v: &Value) -> PyResult<Option<Value>> {
    let inner = crate::interp::unwrap_base(v);
    let v = inner.as_ref().unwrap_or(v);
    if type_code == code::DOUBLE || type_code == code::SINGLE {
        return Ok(match v {
            Value::Float(_) => Some(v.clone()),
            Value::Int(i) => Some(Value::Float(*i as f64)),
            Value::Bool(b) => Some(Value::Float(f64::from(u8::from(*b)))),
            _ => None,
        });
    }
    if type_code == code::BOOL {
        return Ok(match v {
            Value::Bool(_) => Some(v.clone()),
            Value::Int(i) => Some(Value::Bool(*i != 0)),
            _ => None,
        });
    }
    let n: i128 = match v {
        Value::Int(i) => *i as i128,
        Value::Bool(b) => i128::from(*b),
        Value::Big(b) => match i128::try_from(&**b) {
            Ok(n) => n,
            Err(_) => return Err(overflow()),
        },
        _ => return Ok(None),
    };
    let (low, high) = range(type_code);
    if n < low || n > high {
        return Err(overflow());
    }
    Ok(Some(Value::Int(n as u64 as i64)))
}

fn zero_division(what: &str) -> PyErr {
    PyErr::new(ExcKind::ZeroDivisionError, what.to_owned())
}

/// `PRIMITIVE_BINARY_OP` on 64-bit operands (wrapping); `POW_*` yield a `double`.
#[inline]
pub fn binary(op: u32, a: &Value, b: &Value) -> PyResult<Value> {
    use binop::*;
    if (ADD_DBL..=POW_DBL).contains(&op) {
        let (x, y) = (as_f64(a), as_f64(b));
        return Ok(Value::Float(match op {
            ADD_DBL => x + y,
            SUB_DBL => x - y,
            MUL_DBL => x * y,
            DIV_DBL => {
                if y == 0.0 {
                    return Err(zero_division("float division by zero"));
                }
                x / y
            }
            MOD_DBL => {
                if y == 0.0 {
                    return Err(zero_division("float modulo"));
                }
                x % y
            }
            _ => x.powf(y),
        }));
    }
    let (x, y) = (as_bits(a), as_bits(b));
    Ok(Value::Int(match op {
        ADD_INT => x.wrapping_add(y),
        SUB_INT => x.wrapping_sub(y),
        MUL_INT => x.wrapping_mul(y),
        DIV_INT | MOD_INT => {
            if y == 0 {
                return Err(zero_division("integer division or modulo by zero"));
            }
            if op == DIV_INT {
                x.wrapping_div(y)
            } else {
                x.wrapping_rem(y)
            }
        }
        DIV_UN_INT | MOD_UN_INT => {
            if y == 0 {
                return Err(zero_division("integer division or modulo by zero"));
            }
            let (ux, uy) = (x as u64, y as u64);
            (if op == DIV_UN_INT { ux / uy } else { ux % uy }) as i64
        }
        POW_INT => return Ok(Value::Float((x as f64).powf(y as f64))),
        POW_UN_INT => return Ok(Value::Float((x as u64 as f64).powf(y as u64 as f64))),
        LSHIFT_INT => {
            if (0..64).contains(&y) {
                x.wrapping_shl(y as u32)
            } else {
                0
            }
        }
        RSHIFT_INT => x >> y.clamp(0, 63),
        RSHIFT_UN_INT => {
            if (0..64).contains(&y) {
                ((x as u64) >> y) as i64
            } else {
                0
            }
        }
        XOR_INT => x ^ y,
        OR_INT => x | y,
        AND_INT => x & y,
        _ => {
            return Err(PyErr::new(
                ExcKind::SystemError,
                format!("unknown primitive binary operator {op}"),
            ));
        }
    }))
}

/// `PRIMITIVE_UNARY_OP`.
#[inline]
pub fn unary(op: u32, v: &Value) -> PyResult<Value> {
    Ok(match op {
        unop::NEG_INT => Value::Int(as_bits(v).wrapping_neg()),
        unop::INV_INT => Value::Int(!as_bits(v)),
        unop::NEG_DBL => Value::Float(-as_f64(v)),
        unop::NOT_INT => Value::Bool(as_bits(v) == 0),
        _ => {
            return Err(PyErr::new(
                ExcKind::SystemError,
                format!("unknown primitive unary operator {op}"),
            ));
        }
    })
}

/// `PRIMITIVE_COMPARE_OP`: a `cbool`.
#[inline]
pub fn compare(op: u32, a: &Value, b: &Value) -> PyResult<Value> {
    use cmp::*;
    let r = if op >= EQ_DBL {
        let (x, y) = (as_f64(a), as_f64(b));
        match op {
            EQ_DBL => x == y,
            NE_DBL => x != y,
            LT_DBL => x < y,
            LE_DBL => x <= y,
            GT_DBL => x > y,
            GE_DBL => x >= y,
            _ => {
                return Err(PyErr::new(
                    ExcKind::SystemError,
                    format!("unknown primitive comparison {op}"),
                ));
            }
        }
    } else {
        let (x, y) = (as_bits(a), as_bits(b));
        let (ux, uy) = (x as u64, y as u64);
        match op {
            EQ_INT => x == y,
            NE_INT => x != y,
            LT_INT => x < y,
            LE_INT => x <= y,
            GT_INT => x > y,
            GE_INT => x >= y,
            LT_UN_INT => ux < uy,
            LE_UN_INT => ux <= uy,
            GT_UN_INT => ux > uy,
            GE_UN_INT => ux >= uy,
            _ => {
                return Err(PyErr::new(
                    ExcKind::SystemError,
                    format!("unknown primitive comparison {op}"),
                ));
            }
        }
    };
    Ok(Value::Bool(r))
}

/// `CONVERT_PRIMITIVE` with operand `(to << 4) | from`: truncate or extend between integer
/// widths (sign-extending from signed types), or convert between integers and `double`.
#[inline]
pub fn convert(arg: u32, v: &Value) -> Value {
    let (to, from) = (arg >> 4, arg & 0xf);
    let from_double = from == code::DOUBLE || from == code::SINGLE;
    let to_double = to == code::DOUBLE || to == code::SINGLE;
    match (from_double, to_double) {
        (true, true) => Value::Float(as_f64(v)),
        (true, false) => normalize(to, Value::Int(as_f64(v) as i64)),
        (false, true) => {
            let bits = as_bits(v);
            Value::Float(if from == code::UINT64 {
                bits as u64 as f64
            } else {
                bits as f64
            })
        }
        (false, false) => normalize(to, Value::Int(wrap(from, as_bits(v)))),
    }
}

/// A boxed `uint64` above `i64::MAX`.
#[cfg(test)]
pub fn big_u64(v: u64) -> Value {
    Value::Big(std::rc::Rc::new(BigInt::from(v)))
}

#[cfg(test)]
mod tests;
