//! Inline fast paths of the eval loop: the cases of the hottest instructions that need no
//! call out of the loop (machine `int` and `float` arithmetic and comparisons, list and
//! tuple indexing by a machine `int`, copying an inline local).
//!
//! Input: borrowed operands. Output: `Some(result)` when the fast case applies, `None` when
//! the caller must take the general path (which handles every case, these included, so a
//! fast path only ever changes speed, never behaviour). Every function here is
//! `#[inline(always)]`: the point is that the eval loop's arm does the work itself, with no
//! call, no `PyResult` returned through memory and no out-of-line `drop` of an inline value.

use super::compare::{EQ, GT, LE, LT, NE};
use super::numeric::{ADD, AND, INPLACE, MUL, OR, SUB, TRUEDIV, XOR};
use super::subscript::norm_index;
use crate::object::Value;

/// `a <op> b` for two machine ints or floats (and their mixes), when it cannot fail and
/// needs no big integer.
#[inline(always)]
pub(super) fn binary(op: u32, a: &Value, b: &Value) -> Option<Value> {
    let base = if op >= INPLACE { op - INPLACE } else { op };
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            let r = match base {
                ADD => x.checked_add(*y),
                SUB => x.checked_sub(*y),
                MUL => x.checked_mul(*y),
                AND => Some(x & y),
                OR => Some(x | y),
                XOR => Some(x ^ y),
                _ => None,
            };
            r.map(Value::Int)
        }
        (Value::Float(x), Value::Float(y)) => float_op(base, *x, *y),
        (Value::Float(x), Value::Int(y)) => float_op(base, *x, int_as_float(*y)?),
        (Value::Int(x), Value::Float(y)) => float_op(base, int_as_float(*x)?, *y),
        _ => None,
    }
}

/// An `int` converted to `float` the way CPython does it, when that is exact (so the result
/// is the same as the general path's, which rounds big magnitudes its own way).
#[inline(always)]
fn int_as_float(i: i64) -> Option<f64> {
    const EXACT: i64 = 1 << 53;
    (-EXACT..=EXACT).contains(&i).then_some(i as f64)
}

#[inline(always)]
fn float_op(base: u32, x: f64, y: f64) -> Option<Value> {
    match base {
        ADD => Some(Value::Float(x + y)),
        SUB => Some(Value::Float(x - y)),
        MUL => Some(Value::Float(x * y)),
        TRUEDIV if y != 0.0 => Some(Value::Float(x / y)),
        _ => None,
    }
}

/// `a <op> b` for two machine ints or two floats.
#[inline(always)]
pub(super) fn compare(op: u32, a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(ordered(op, x, y)),
        (Value::Float(x), Value::Float(y)) => Some(ordered(op, x, y)),
        _ => None,
    }
}

/// `x <op> y` by `PartialOrd` (so a NaN compares false, except with `!=`).
#[inline(always)]
fn ordered<T: PartialOrd>(op: u32, x: &T, y: &T) -> bool {
    match op {
        LT => x < y,
        LE => x <= y,
        EQ => x == y,
        NE => x != y,
        GT => x > y,
        _ => x >= y,
    }
}

/// `seq[index]` for a list or tuple and an in-range machine-int index.
#[inline(always)]
pub(super) fn get_item(seq: &Value, index: &Value) -> Option<Value> {
    let Value::Int(i) = index else {
        return None;
    };
    match seq {
        Value::List(l) => {
            let l = l.borrow();
            let i = norm_index(*i, l.len())?;
            l.get(i).map(copy_value)
        }
        Value::Tuple(t) => {
            let i = norm_index(*i, t.len())?;
            t.get(i).map(copy_value)
        }
        _ => None,
    }
}

/// `seq[index] = value` for a list and an in-range machine-int index. Gives the value back
/// when the fast case does not apply.
#[inline(always)]
pub(super) fn set_item(seq: &Value, index: &Value, value: Value) -> Result<(), Value> {
    if let (Value::List(l), Value::Int(i)) = (seq, index)
        && let Ok(mut items) = l.try_borrow_mut()
        && let Some(i) = norm_index(*i, items.len())
        && let Some(slot) = items.get_mut(i)
    {
        let old = std::mem::replace(slot, value);
        drop(items);
        // The old element is dropped after the borrow ends: its `__del__` may touch the list.
        release(old);
        return Ok(());
    }
    Err(value)
}

/// A copy of `v`: inline values are copied without the out-of-line `clone`.
#[inline(always)]
pub(super) fn copy_value(v: &Value) -> Value {
    match v {
        Value::Int(i) => Value::Int(*i),
        Value::Float(x) => Value::Float(*x),
        Value::Bool(b) => Value::Bool(*b),
        Value::None => Value::None,
        other => other.clone(),
    }
}

/// Drops `v`, skipping the out-of-line `drop` for values that own nothing.
#[inline(always)]
pub(super) fn release(v: Value) {
    match v {
        Value::Null | Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) => {
            std::mem::forget(v)
        }
        other => drop(other),
    }
}
