//! `BINARY_OP` and the unary operators: fast paths for `int` and `float`, then the sequence
//! operators, then the dunder protocol (`__add__`/`__radd__`, in-place `__iadd__`).

use std::rc::Rc;

use cinder_codegen::format::opcodes::{BINARY_OPS, Opcode};

use super::Interp;
use crate::object::float::float_divmod;
use crate::object::int::{self, Int};
use crate::object::{ExcKind, PyErr, PyResult, Value};

pub(super) const ADD: u32 = 0;
pub(super) const AND: u32 = 1;
const FLOORDIV: u32 = 2;
const LSHIFT: u32 = 3;
const MATMUL: u32 = 4;
pub(super) const MUL: u32 = 5;
const MOD: u32 = 6;
pub(super) const OR: u32 = 7;
const POW: u32 = 8;
const RSHIFT: u32 = 9;
pub(super) const SUB: u32 = 10;
pub(super) const TRUEDIV: u32 = 11;
pub(super) const XOR: u32 = 12;
pub(super) const INPLACE: u32 = 13;

const DUNDERS: [(&str, &str, &str); 13] = [
    ("__add__", "__radd__", "__iadd__"),
    ("__and__", "__rand__", "__iand__"),
    ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    ("__lshift__", "__rlshift__", "__ilshift__"),
    ("__matmul__", "__rmatmul__", "__imatmul__"),
    ("__mul__", "__rmul__", "__imul__"),
    ("__mod__", "__rmod__", "__imod__"),
    ("__or__", "__ror__", "__ior__"),
    ("__pow__", "__rpow__", "__ipow__"),
    ("__rshift__", "__rrshift__", "__irshift__"),
    ("__sub__", "__rsub__", "__isub__"),
    ("__truediv__", "__rtruediv__", "__itruediv__"),
    ("__xor__", "__rxor__", "__ixor__"),
];

fn float_of(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::Big(b) => Some(int::to_f64(&Int::Big(b))),
        _ => None,
    }
}

impl Interp {
    /// `a <op> b` for `BINARY_OP`'s operator index (13 and up: in-place forms).
    #[inline]
    pub fn binary_op(&mut self, op: u32, a: Value, b: Value) -> PyResult<Value> {
        // Fast paths: machine ints and floats, no allocation.
        if let Some(r) = super::fast::binary(op, &a, &b) {
            return Ok(r);
        }
        self.binary_op_slow(op, a, b)
    }

    fn binary_op_slow(&mut self, op: u32, a: Value, b: Value) -> PyResult<Value> {
        let base = if op >= INPLACE { op - INPLACE } else { op };
        if let Some(r) = self.builtin_binary(base, &a, &b, op >= INPLACE)? {
            return Ok(r);
        }
        let Some(&(name, rname, iname)) = DUNDERS.get(base as usize) else {
            return Err(PyErr::new(ExcKind::SystemError, "bad binary operator"));
        };
        let ta = self.types.type_of(&a);
        let tb = self.types.type_of(&b);
        if op >= INPLACE
            && !ta.is_builtin
            && let Some(m) = ta.lookup_str(iname)
        {
            let r = self.call_value(&m, &[a.clone(), b.clone()], None)?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        let same = Rc::ptr_eq(&ta, &tb);
        let b_first = !same && tb.is_subclass(&ta) && !tb.is_builtin;
        if b_first && let Some(m) = tb.lookup_str(rname) {
            let r = self.call_value(&m, &[b.clone(), a.clone()], None)?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if (!ta.is_builtin || matches!(a, Value::Instance(_)))
            && let Some(m) = ta.lookup_str(name)
            && (!matches!(m, Value::Builtin(_)) || matches!(a, Value::Instance(_)))
        {
            let r = self.call_value(&m, &[a.clone(), b.clone()], None)?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if !same
            && !b_first
            && (!tb.is_builtin || matches!(b, Value::Instance(_)))
            && let Some(m) = tb.lookup_str(rname)
        {
            let r = self.call_value(&m, &[b.clone(), a.clone()], None)?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        // Subclasses of built-in types: operate on the built-in value.
        if let Value::Instance(inst) = &a {
            let inner = inst.base_value.borrow().clone();
            if !inner.is_null()
                && !matches!(inst.class().base_kind, crate::object::BaseKind::Exception)
            {
                return self.binary_op(op, inner, b);
            }
        }
        if let Value::Instance(inst) = &b {
            let inner = inst.base_value.borrow().clone();
            if !inner.is_null()
                && !matches!(inst.class().base_kind, crate::object::BaseKind::Exception)
            {
                return self.binary_op(op, a, inner);
            }
        }
        let sym = BINARY_OPS.get(op as usize).copied().unwrap_or("?");
        if base == POW && op < INPLACE {
            return Err(PyErr::type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                ta.name(),
                tb.name()
            )));
        }
        if base == ADD && matches!(a, Value::Str(_)) {
            return Err(PyErr::type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                tb.name()
            )));
        }
        if base == ADD && matches!(a, Value::List(_)) && op < INPLACE {
            return Err(PyErr::type_error(format!(
                "can only concatenate list (not \"{}\") to list",
                tb.name()
            )));
        }
        if base == ADD && matches!(a, Value::Tuple(_)) {
            return Err(PyErr::type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                tb.name()
            )));
        }
        Err(PyErr::type_error(format!(
            "unsupported operand type(s) for {sym}: '{}' and '{}'",
            ta.name(),
            tb.name()
        )))
    }

    /// The operators of the built-in types; `None` when they do not apply.
    fn builtin_binary(
        &mut self,
        op: u32,
        a: &Value,
        b: &Value,
        inplace: bool,
    ) -> PyResult<Option<Value>> {
        if let (Some(x), Some(y)) = (Int::of(a), Int::of(b)) {
            return Ok(Some(match op {
                ADD => int::add(&x, &y),
                SUB => int::sub(&x, &y),
                MUL => int::mul(&x, &y),
                FLOORDIV => int::floordiv(&x, &y)?,
                MOD => int::modulo(&x, &y)?,
                TRUEDIV => int::truediv(&x, &y)?,
                POW => int::pow(&x, &y)?,
                AND | OR | XOR => {
                    if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
                        return Ok(Some(Value::Bool(match op {
                            AND => p & q,
                            OR => p | q,
                            _ => p ^ q,
                        })));
                    }
                    int::bitop(
                        &x,
                        &y,
                        match op {
                            AND => b'&',
                            OR => b'|',
                            _ => b'^',
                        },
                    )
                }
                LSHIFT => int::shift(&x, &y, true)?,
                RSHIFT => int::shift(&x, &y, false)?,
                _ => return Ok(None),
            }));
        }
        if let (Some(x), Some(y)) = (float_of(a), float_of(b))
            && (matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)))
        {
            return Ok(Some(match op {
                ADD => Value::Float(x + y),
                SUB => Value::Float(x - y),
                MUL => Value::Float(x * y),
                TRUEDIV => {
                    if y == 0.0 {
                        return Err(PyErr::new(
                            ExcKind::ZeroDivisionError,
                            "float division by zero",
                        ));
                    }
                    Value::Float(x / y)
                }
                FLOORDIV => {
                    if y == 0.0 {
                        return Err(PyErr::new(
                            ExcKind::ZeroDivisionError,
                            "float floor division by zero",
                        ));
                    }
                    Value::Float(float_divmod(x, y).0)
                }
                MOD => {
                    if y == 0.0 {
                        return Err(PyErr::new(ExcKind::ZeroDivisionError, "float modulo"));
                    }
                    Value::Float(float_divmod(x, y).1)
                }
                POW => {
                    if x == 0.0 && y < 0.0 {
                        return Err(PyErr::new(
                            ExcKind::ZeroDivisionError,
                            "0.0 cannot be raised to a negative power",
                        ));
                    }
                    if x < 0.0 && y.fract() != 0.0 {
                        let c = crate::builtins::complex_pow((x, 0.0), (y, 0.0));
                        return Ok(Some(Value::Complex(Rc::new(c))));
                    }
                    let r = x.powf(y);
                    if r.is_infinite() && x.is_finite() && y.is_finite() {
                        return Err(PyErr::new(
                            ExcKind::OverflowError,
                            "(34, 'Numerical result out of range')",
                        ));
                    }
                    Value::Float(r)
                }
                _ => return Ok(None),
            }));
        }
        if let (Value::Complex(_), _) | (_, Value::Complex(_)) = (a, b) {
            return crate::builtins::complex_binary(op, a, b);
        }
        if matches!(op, SUB | AND | OR | XOR) {
            let as_set = |v: &Value| match v {
                Value::View(view) if view.1 != 1 => {
                    let d = crate::object::new_dict();
                    for item in crate::builtins::view_items(&view.0, view.1) {
                        if let Some(hash) = crate::object::dict::native_hash(&item) {
                            d.set(crate::object::Key { hash, value: item }, Value::None);
                        }
                    }
                    Some(Value::Set(d))
                }
                Value::Set(_) | Value::FrozenSet(_) => Some(v.clone()),
                _ => None,
            };
            if (matches!(a, Value::View(_)) || matches!(b, Value::View(_)))
                && let (Some(x), Some(y)) = (as_set(a), as_set(b))
            {
                return crate::builtins::set_binary(self, op_char(op), &x, &y, false).map(Some);
            }
        }
        Ok(match (op, a, b) {
            (ADD, Value::Str(x), Value::Str(y)) => {
                let mut s = String::with_capacity(x.len_bytes() + y.len_bytes());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Some(Value::from_string(s))
            }
            (ADD, Value::List(x), Value::List(y)) => {
                if inplace {
                    let items = y.borrow().clone();
                    x.borrow_mut().extend(items);
                    Some(a.clone())
                } else {
                    let mut v = x.borrow().clone();
                    v.extend(y.borrow().iter().cloned());
                    Some(Value::list(v))
                }
            }
            (ADD, Value::List(x), other) if inplace => {
                let items = self.collect(other.clone())?;
                x.borrow_mut().extend(items);
                Some(a.clone())
            }
            (ADD, Value::Tuple(x), Value::Tuple(y)) => {
                let mut v = (**x).clone();
                v.extend(y.iter().cloned());
                Some(Value::tuple(v))
            }
            (ADD, Value::Bytes(x), Value::Bytes(y)) => {
                let mut v = (**x).clone();
                v.extend_from_slice(y);
                Some(Value::Bytes(Rc::new(v)))
            }
            (MUL, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_), n)
                if Int::of(n).is_some() =>
            {
                Some(self.repeat(a, n, inplace)?)
            }
            (MUL, n, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_))
                if Int::of(n).is_some() =>
            {
                Some(self.repeat(b, n, false)?)
            }
            (MOD, Value::Str(fmt), args) => {
                Some(Value::from_string(self.percent_format(fmt.as_str(), args)?))
            }
            (
                SUB | AND | OR | XOR,
                Value::Set(_) | Value::FrozenSet(_),
                Value::Set(_) | Value::FrozenSet(_),
            ) => Some(crate::builtins::set_binary(
                self,
                op_char(op),
                a,
                b,
                inplace,
            )?),
            (OR, Value::Dict(x), Value::Dict(y)) => {
                if inplace {
                    for (k, v) in y.map.borrow().iter() {
                        x.map.borrow_mut().insert(k.clone(), v.clone());
                    }
                    Some(a.clone())
                } else {
                    let d = x.copy();
                    for (k, v) in y.map.borrow().iter() {
                        d.map.borrow_mut().insert(k.clone(), v.clone());
                    }
                    Some(Value::Dict(Rc::new(d)))
                }
            }
            _ => None,
        })
    }

    fn repeat(&mut self, seq: &Value, n: &Value, inplace: bool) -> PyResult<Value> {
        let n = match Int::of(n) {
            Some(Int::Small(n)) => n.max(0) as usize,
            _ => {
                return Err(PyErr::new(
                    ExcKind::OverflowError,
                    "cannot fit 'int' into an index-sized integer",
                ));
            }
        };
        Ok(match seq {
            Value::Str(s) => Value::from_string(s.as_str().repeat(n)),
            Value::Bytes(b) => Value::Bytes(Rc::new(b.repeat(n))),
            Value::Tuple(t) => {
                let mut v = Vec::with_capacity(t.len() * n);
                for _ in 0..n {
                    v.extend(t.iter().cloned());
                }
                Value::tuple(v)
            }
            Value::List(l) => {
                let items = l.borrow().clone();
                let mut v = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    v.extend(items.iter().cloned());
                }
                if inplace {
                    *l.borrow_mut() = v;
                    seq.clone()
                } else {
                    Value::list(v)
                }
            }
            _ => return Err(PyErr::type_error("can't multiply sequence")),
        })
    }

    pub fn unary_op(&mut self, op: Opcode, v: Value) -> PyResult<Value> {
        match (op, &v) {
            (Opcode::UNARY_NEGATIVE, Value::Float(f)) => return Ok(Value::Float(-f)),
            (Opcode::UNARY_POSITIVE, Value::Float(_)) => return Ok(v),
            (Opcode::UNARY_NEGATIVE, Value::Complex(c)) => {
                return Ok(Value::Complex(Rc::new((-c.0, -c.1))));
            }
            (Opcode::UNARY_POSITIVE, Value::Complex(_)) => return Ok(v),
            _ => {}
        }
        if let Some(i) = Int::of(&v) {
            return Ok(match op {
                Opcode::UNARY_NEGATIVE => int::neg(&i),
                Opcode::UNARY_INVERT => int::invert(&i),
                _ => match i {
                    Int::Small(x) => Value::Int(x),
                    Int::Big(_) => v.clone(),
                },
            });
        }
        let (name, sym) = match op {
            Opcode::UNARY_NEGATIVE => ("__neg__", "unary -"),
            Opcode::UNARY_POSITIVE => ("__pos__", "unary +"),
            _ => ("__invert__", "unary ~"),
        };
        let klass = self.types.type_of(&v);
        if let Some(m) = klass.lookup_str(name) {
            return self.call_value(&m, &[v], None);
        }
        Err(PyErr::type_error(format!(
            "bad operand type for {sym}: '{}'",
            klass.name()
        )))
    }
}

fn op_char(op: u32) -> u8 {
    match op {
        SUB => b'-',
        AND => b'&',
        OR => b'|',
        _ => b'^',
    }
}

#[allow(dead_code)]
const _USED: [u32; 2] = [MATMUL, LSHIFT];
