//! Operators: binary and unary arithmetic, comparisons and truth tests, on modelled
//! values; user classes through their dunder methods. Any operator applied to a value
//! of a non-strict module is an error.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use rustpython_parser::ast;

use super::errors::ErrorKind;
use super::interp::{Env, Eval, Interp};
use super::values::{ObjectData, Value, as_int, values_equal};
use crate::diagnostics::Span;

/// Exponents above this give an opaque `int` rather than a huge computed one.
const MAX_EXPONENT: u32 = 4096;

pub(crate) fn operator_symbol(op: ast::Operator) -> &'static str {
    match op {
        ast::Operator::Add => "+",
        ast::Operator::Sub => "-",
        ast::Operator::Mult => "*",
        ast::Operator::MatMult => "@",
        ast::Operator::Div => "/",
        ast::Operator::Mod => "%",
        ast::Operator::Pow => "**",
        ast::Operator::LShift => "<<",
        ast::Operator::RShift => ">>",
        ast::Operator::BitOr => "|",
        ast::Operator::BitXor => "^",
        ast::Operator::BitAnd => "&",
        ast::Operator::FloorDiv => "//",
    }
}

fn operator_dunder(op: ast::Operator) -> (&'static str, &'static str) {
    match op {
        ast::Operator::Add => ("__add__", "__radd__"),
        ast::Operator::Sub => ("__sub__", "__rsub__"),
        ast::Operator::Mult => ("__mul__", "__rmul__"),
        ast::Operator::MatMult => ("__matmul__", "__rmatmul__"),
        ast::Operator::Div => ("__truediv__", "__rtruediv__"),
        ast::Operator::Mod => ("__mod__", "__rmod__"),
        ast::Operator::Pow => ("__pow__", "__rpow__"),
        ast::Operator::LShift => ("__lshift__", "__rlshift__"),
        ast::Operator::RShift => ("__rshift__", "__rrshift__"),
        ast::Operator::BitOr => ("__or__", "__ror__"),
        ast::Operator::BitXor => ("__xor__", "__rxor__"),
        ast::Operator::BitAnd => ("__and__", "__rand__"),
        ast::Operator::FloorDiv => ("__floordiv__", "__rfloordiv__"),
    }
}

fn compare_symbol(op: ast::CmpOp) -> &'static str {
    match op {
        ast::CmpOp::Eq => "==",
        ast::CmpOp::NotEq => "!=",
        ast::CmpOp::Lt => "<",
        ast::CmpOp::LtE => "<=",
        ast::CmpOp::Gt => ">",
        ast::CmpOp::GtE => ">=",
        ast::CmpOp::Is => "is",
        ast::CmpOp::IsNot => "is not",
        ast::CmpOp::In => "in",
        ast::CmpOp::NotIn => "not in",
    }
}

impl<'a> Interp<'a> {
    /// `left op right`; `in_place` for augmented assignment (lists extend in place).
    pub(crate) fn binary(
        &mut self,
        env: &Env<'a>,
        op: ast::Operator,
        left: Value<'a>,
        right: Value<'a>,
        span: Span,
        in_place: bool,
    ) -> Eval<'a> {
        let symbol = operator_symbol(op);
        if left.is_unknown() || right.is_unknown() {
            return self.error(
                env,
                ErrorKind::UnknownBinaryOp {
                    left: left.describe(),
                    op: symbol.to_string(),
                    right: right.describe(),
                },
                span,
            );
        }
        if matches!(left, Value::Poisoned) || matches!(right, Value::Poisoned) {
            return Ok(Value::Poisoned);
        }
        if matches!(left, Value::Opaque(_)) || matches!(right, Value::Opaque(_)) {
            return Ok(Value::Opaque(Rc::from("<value>")));
        }
        let left = self.payload(&left);
        let right = self.payload(&right);
        if let Some(result) = self.builtin_binary(env, op, &left, &right, span, in_place)? {
            return Ok(result);
        }
        let (name, reflected) = operator_dunder(op);
        if let Some(method) = self.lookup_special(&left, name) {
            let result = self.call_value(
                env,
                &method,
                vec![left.clone(), right.clone()],
                Vec::new(),
                span,
            )?;
            if !matches!(result, Value::NotImplemented) {
                return Ok(result);
            }
        }
        if let Some(method) = self.lookup_special(&right, reflected) {
            let result = self.call_value(
                env,
                &method,
                vec![right.clone(), left.clone()],
                Vec::new(),
                span,
            )?;
            if !matches!(result, Value::NotImplemented) {
                return Ok(result);
            }
        }
        // `X | Y` on classes builds a union type.
        if op == ast::Operator::BitOr && (left.as_class().is_some() || right.as_class().is_some()) {
            return Ok(Value::Opaque(Rc::from("<union type>")));
        }
        let message = format!(
            "unsupported operand type(s) for {symbol}: '{}' and '{}'",
            left.type_name(),
            right.type_name()
        );
        self.raise(env, "TypeError", &message, span)
    }

    /// The builtin value inside an instance of an `int`/`str` subclass (`IntEnum`).
    pub(crate) fn payload(&self, value: &Value<'a>) -> Value<'a> {
        if let Value::Object(o) = value
            && let ObjectData::Instance(inst) = &*o.data.borrow()
            && let Some(first) = inst.args.first()
            && matches!(first, Value::Int(_) | Value::Str(_) | Value::Float(_))
            && self
                .builtin_base(&inst.class)
                .is_some_and(|b| matches!(b, "int" | "str" | "float"))
        {
            return first.clone();
        }
        value.clone()
    }

    fn builtin_binary(
        &mut self,
        env: &Env<'a>,
        op: ast::Operator,
        left: &Value<'a>,
        right: &Value<'a>,
        span: Span,
        in_place: bool,
    ) -> Eval<'a, Option<Value<'a>>> {
        use ast::Operator as Op;
        if let (Op::Mod, Value::Str(template)) = (op, left) {
            let template = template.clone();
            return self.percent_format(env, &template, right, span).map(Some);
        }
        if let (Some(a), Some(b)) = (as_int(left), as_int(right)) {
            return self.int_binary(env, op, a, b, span).map(Some);
        }
        let as_float = |v: &Value<'a>| match v {
            Value::Float(f) => Some(*f),
            other => as_int(other).and_then(|i| i.to_f64()),
        };
        if matches!(left, Value::Float(_)) || matches!(right, Value::Float(_)) {
            if let (Some(a), Some(b)) = (as_float(left), as_float(right)) {
                if b == 0.0 && matches!(op, Op::Div | Op::FloorDiv | Op::Mod) {
                    return self.raise(env, "ZeroDivisionError", "float division by zero", span);
                }
                let result = match op {
                    Op::Add => a + b,
                    Op::Sub => a - b,
                    Op::Mult => a * b,
                    Op::Div => a / b,
                    Op::FloorDiv => (a / b).floor(),
                    Op::Mod => a - b * (a / b).floor(),
                    Op::Pow => a.powf(b),
                    _ => return Ok(None),
                };
                return Ok(Some(Value::Float(result)));
            }
            return Ok(None);
        }
        let result = match (op, left, right) {
            (Op::Add, Value::Str(a), Value::Str(b)) => Value::str(&format!("{a}{b}")),
            (Op::Mult, Value::Str(s), n) | (Op::Mult, n, Value::Str(s)) if as_int(n).is_some() => {
                let count = as_int(n).and_then(|c| c.to_usize()).unwrap_or(0);
                if s.len().saturating_mul(count) > 1 << 20 {
                    Value::Opaque(Rc::from("<str>"))
                } else {
                    Value::str(&s.repeat(count))
                }
            }
            (Op::Add, Value::Tuple(a), Value::Tuple(b)) => {
                Value::Tuple(a.iter().chain(b.iter()).cloned().collect())
            }
            (Op::Mult, Value::Tuple(t), n) | (Op::Mult, n, Value::Tuple(t))
                if as_int(n).is_some() =>
            {
                let count = as_int(n).and_then(|c| c.to_usize()).unwrap_or(0);
                if t.len().saturating_mul(count) > super::interp::ITERATION_LIMIT {
                    return self.error(env, ErrorKind::TooManyIterations, span);
                }
                Value::Tuple((0..count).flat_map(|_| t.iter().cloned()).collect())
            }
            (_, Value::Object(a), _) => {
                let left_data = list_or_set(a);
                match (op, left_data, right) {
                    (Op::Add, Some(Kind::List(items)), Value::Object(b)) => {
                        let Some(Kind::List(more)) = list_or_set(b) else {
                            return Ok(None);
                        };
                        if in_place {
                            self.check_mutation(env, a, span)?;
                            if let ObjectData::List(l) = &mut *a.data.borrow_mut() {
                                l.extend(more);
                            }
                            left.clone()
                        } else {
                            let mut all = items;
                            all.extend(more);
                            Value::object(&self.owner, ObjectData::List(all))
                        }
                    }
                    (Op::Mult, Some(Kind::List(items)), n) if as_int(n).is_some() => {
                        let count = as_int(n).and_then(|c| c.to_usize()).unwrap_or(0);
                        if items.len().saturating_mul(count) > super::interp::ITERATION_LIMIT {
                            return self.error(env, ErrorKind::TooManyIterations, span);
                        }
                        let all = (0..count).flat_map(|_| items.iter().cloned()).collect();
                        Value::object(&self.owner, ObjectData::List(all))
                    }
                    (
                        Op::BitOr | Op::BitAnd | Op::Sub | Op::BitXor,
                        Some(Kind::Set(items)),
                        Value::Object(b),
                    ) => {
                        let Some(Kind::Set(other)) = list_or_set(b) else {
                            return Ok(None);
                        };
                        let contains = |set: &[Value<'a>], v: &Value<'a>| {
                            set.iter().any(|x| values_equal(x, v))
                        };
                        let result: Vec<Value<'a>> = match op {
                            Op::BitOr => items
                                .iter()
                                .chain(other.iter().filter(|v| !contains(&items, v)))
                                .cloned()
                                .collect(),
                            Op::BitAnd => items
                                .iter()
                                .filter(|v| contains(&other, v))
                                .cloned()
                                .collect(),
                            Op::Sub => items
                                .iter()
                                .filter(|v| !contains(&other, v))
                                .cloned()
                                .collect(),
                            _ => items
                                .iter()
                                .filter(|v| !contains(&other, v))
                                .chain(other.iter().filter(|v| !contains(&items, v)))
                                .cloned()
                                .collect(),
                        };
                        if in_place {
                            self.check_mutation(env, a, span)?;
                            if let ObjectData::Set { items, .. } = &mut *a.data.borrow_mut() {
                                *items = result;
                            }
                            left.clone()
                        } else {
                            self.new_set(env, result, false, span)?
                        }
                    }
                    (Op::BitOr, Some(Kind::Dict(items)), Value::Object(b)) => {
                        let Some(Kind::Dict(more)) = list_or_set(b) else {
                            return Ok(None);
                        };
                        if in_place {
                            for (k, v) in more {
                                self.dict_insert(env, left, k, v, span)?;
                            }
                            left.clone()
                        } else {
                            let dict = self.new_dict(items);
                            for (k, v) in more {
                                self.dict_insert(env, &dict, k, v, span)?;
                            }
                            dict
                        }
                    }
                    _ => return Ok(None),
                }
            }
            _ => return Ok(None),
        };
        Ok(Some(result))
    }

    fn int_binary(
        &mut self,
        env: &Env<'a>,
        op: ast::Operator,
        a: BigInt,
        b: BigInt,
        span: Span,
    ) -> Eval<'a> {
        use ast::Operator as Op;
        let zero_check = matches!(op, Op::Div | Op::FloorDiv | Op::Mod);
        if zero_check && b.is_zero() {
            let message = if op == Op::Div {
                "division by zero"
            } else {
                "integer division or modulo by zero"
            };
            return self.raise(env, "ZeroDivisionError", message, span);
        }
        Ok(match op {
            Op::Add => Value::Int(a + b),
            Op::Sub => Value::Int(a - b),
            Op::Mult => Value::Int(a * b),
            Op::FloorDiv => Value::Int(floor_div_mod(&a, &b).0),
            Op::Mod => Value::Int(floor_div_mod(&a, &b).1),
            Op::Div => {
                Value::Float(a.to_f64().unwrap_or(f64::NAN) / b.to_f64().unwrap_or(f64::NAN))
            }
            Op::Pow => {
                if b.is_negative() {
                    let base = a.to_f64().unwrap_or(f64::NAN);
                    Value::Float(base.powf(b.to_f64().unwrap_or(f64::NAN)))
                } else {
                    match b.to_u32().filter(|e| *e <= MAX_EXPONENT) {
                        Some(e) => Value::Int(num_traits::pow(a, e as usize)),
                        None => Value::Opaque(Rc::from("<int>")),
                    }
                }
            }
            Op::LShift | Op::RShift => {
                if b.is_negative() {
                    return self.raise(env, "ValueError", "negative shift count", span);
                }
                match b.to_usize().filter(|s| *s <= MAX_EXPONENT as usize) {
                    Some(shift) if op == Op::LShift => Value::Int(a << shift),
                    Some(shift) => Value::Int(a >> shift),
                    None => Value::Opaque(Rc::from("<int>")),
                }
            }
            Op::BitOr => Value::Int(a | b),
            Op::BitAnd => Value::Int(a & b),
            Op::BitXor => Value::Int(a ^ b),
            Op::MatMult => {
                return self.raise(
                    env,
                    "TypeError",
                    "unsupported operand type(s) for @: 'int' and 'int'",
                    span,
                );
            }
        })
    }

    pub(crate) fn unary(
        &mut self,
        env: &Env<'a>,
        op: ast::UnaryOp,
        operand: Value<'a>,
        span: Span,
    ) -> Eval<'a> {
        let symbol = match op {
            ast::UnaryOp::Invert => "~",
            ast::UnaryOp::Not => "not",
            ast::UnaryOp::UAdd => "+",
            ast::UnaryOp::USub => "-",
        };
        if let Value::Unknown(name) = &operand {
            return self.error(
                env,
                ErrorKind::UnknownUnaryOp {
                    op: symbol.to_string(),
                    value: name.to_string(),
                },
                span,
            );
        }
        if op == ast::UnaryOp::Not {
            return Ok(Value::Bool(!self.truthy(env, &operand, span)?));
        }
        let operand = self.payload(&operand);
        match (&operand, as_int(&operand)) {
            (Value::Poisoned, _) => Ok(Value::Poisoned),
            (Value::Opaque(_), _) => Ok(operand.clone()),
            (_, Some(i)) => Ok(Value::Int(match op {
                ast::UnaryOp::Invert => -i - 1,
                ast::UnaryOp::USub => -i,
                _ => i,
            })),
            (Value::Float(f), _) if op != ast::UnaryOp::Invert => {
                Ok(Value::Float(if op == ast::UnaryOp::USub { -f } else { *f }))
            }
            _ => {
                let name = match op {
                    ast::UnaryOp::Invert => "__invert__",
                    ast::UnaryOp::USub => "__neg__",
                    _ => "__pos__",
                };
                if let Some(method) = self.lookup_special(&operand, name) {
                    return self.call_value(env, &method, vec![operand.clone()], Vec::new(), span);
                }
                let message = format!(
                    "bad operand type for unary {symbol}: '{}'",
                    operand.type_name()
                );
                self.raise(env, "TypeError", &message, span)
            }
        }
    }

    pub(crate) fn compare(
        &mut self,
        env: &Env<'a>,
        op: ast::CmpOp,
        left: &Value<'a>,
        right: &Value<'a>,
        span: Span,
    ) -> Eval<'a> {
        use ast::CmpOp as C;
        match op {
            C::Is | C::IsNot => {
                let same = identical(left, right);
                return Ok(Value::Bool(same == (op == C::Is)));
            }
            _ => {}
        }
        if left.is_unknown() || right.is_unknown() {
            return self.error(
                env,
                ErrorKind::UnknownBinaryOp {
                    left: left.describe(),
                    op: compare_symbol(op).to_string(),
                    right: right.describe(),
                },
                span,
            );
        }
        if matches!(left, Value::Poisoned | Value::Opaque(_))
            || matches!(right, Value::Poisoned | Value::Opaque(_))
        {
            return Ok(Value::Opaque(Rc::from("<bool>")));
        }
        let as_tuple = |me: &Self, v: &Value<'a>| match me.tuple_fields(v) {
            Some(fields) => Value::Tuple(Rc::from(fields)),
            None => v.clone(),
        };
        let (left, right) = (&as_tuple(self, left), &as_tuple(self, right));
        match op {
            C::In | C::NotIn => {
                let found = self.contains(env, right, left, span)?;
                Ok(Value::Bool(found == (op == C::In)))
            }
            C::Eq | C::NotEq => {
                let (l, r) = (self.payload(left), self.payload(right));
                if let Some(method) = self.lookup_special(&l, "__eq__") {
                    let result = self.call_value(
                        env,
                        &method,
                        vec![l.clone(), r.clone()],
                        Vec::new(),
                        span,
                    )?;
                    if !matches!(result, Value::NotImplemented) {
                        let truth = self.truthy(env, &result, span)?;
                        return Ok(Value::Bool(truth == (op == C::Eq)));
                    }
                }
                Ok(Value::Bool(values_equal(&l, &r) == (op == C::Eq)))
            }
            _ => {
                let (l, r) = (self.payload(left), self.payload(right));
                match order(&l, &r) {
                    Some(ordering) => Ok(Value::Bool(match op {
                        C::Lt => ordering.is_lt(),
                        C::LtE => ordering.is_le(),
                        C::Gt => ordering.is_gt(),
                        _ => ordering.is_ge(),
                    })),
                    None => {
                        let name = match op {
                            C::Lt => "__lt__",
                            C::LtE => "__le__",
                            C::Gt => "__gt__",
                            _ => "__ge__",
                        };
                        if let Some(method) = self.lookup_special(&l, name) {
                            return self.call_value(
                                env,
                                &method,
                                vec![l.clone(), r.clone()],
                                Vec::new(),
                                span,
                            );
                        }
                        let message = format!(
                            "'{}' not supported between instances of '{}' and '{}'",
                            compare_symbol(op),
                            l.type_name(),
                            r.type_name()
                        );
                        self.raise(env, "TypeError", &message, span)
                    }
                }
            }
        }
    }

    /// `bool(value)`.
    pub(crate) fn truthy(
        &mut self,
        env: &Env<'a>,
        value: &Value<'a>,
        span: Span,
    ) -> Eval<'a, bool> {
        Ok(match value {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => !i.is_zero(),
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Ellipsis | Value::NotImplemented | Value::Opaque(_) => true,
            Value::Poisoned => false,
            Value::Unknown(name) => {
                return self.error(
                    env,
                    ErrorKind::UnknownBool {
                        value: name.to_string(),
                    },
                    span,
                );
            }
            Value::Object(o) => {
                let length = match &*o.data.borrow() {
                    ObjectData::List(items) => Some(items.len()),
                    ObjectData::Dict { items, .. } => Some(items.len()),
                    ObjectData::Set { items, .. } => Some(items.len()),
                    ObjectData::Range { start, stop, step } => {
                        Some(range_len(*start, *stop, *step))
                    }
                    ObjectData::Instance(_) => None,
                    _ => Some(1),
                };
                match length {
                    Some(n) => n > 0,
                    None => {
                        let payload = self.payload(value);
                        if !matches!(payload, Value::Object(_)) {
                            return self.truthy(env, &payload, span);
                        }
                        if let Some(method) = self.lookup_special(value, "__bool__") {
                            let result = self.call_value(
                                env,
                                &method,
                                vec![value.clone()],
                                Vec::new(),
                                span,
                            )?;
                            return self.truthy(env, &result, span);
                        }
                        if let Some(method) = self.lookup_special(value, "__len__") {
                            let result = self.call_value(
                                env,
                                &method,
                                vec![value.clone()],
                                Vec::new(),
                                span,
                            )?;
                            return self.truthy(env, &result, span);
                        }
                        true
                    }
                }
            }
        })
    }
}

/// `a is b`: identity for objects, equality of the same type for immutable values.
fn identical<'a>(a: &Value<'a>, b: &Value<'a>) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => Rc::ptr_eq(x, y),
        (Value::Unknown(x), Value::Unknown(y)) => x == y,
        (Value::Unknown(_), _) | (_, Value::Unknown(_)) => false,
        _ => a.type_name() == b.type_name() && values_equal(a, b),
    }
}

/// Ordering of numbers, strings and sequences of them.
pub(crate) fn order<'a>(a: &Value<'a>, b: &Value<'a>) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(x.cmp(y)),
        (Value::Tuple(x), Value::Tuple(y)) => {
            for (p, q) in x.iter().zip(y.iter()) {
                if !values_equal(p, q) {
                    return order(p, q);
                }
            }
            Some(x.len().cmp(&y.len()))
        }
        (Value::Float(_), _) | (_, Value::Float(_)) => {
            let f = |v: &Value<'_>| match v {
                Value::Float(f) => Some(*f),
                other => as_int(other).and_then(|i| i.to_f64()),
            };
            f(a)?.partial_cmp(&f(b)?)
        }
        _ => Some(as_int(a)?.cmp(&as_int(b)?)),
    }
}

/// Python's `//` and `%` (rounding towards negative infinity); `b` is not zero.
pub(crate) fn floor_div_mod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    let mut q = a / b;
    let mut r = a % b;
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        q -= 1;
        r += b;
    }
    (q, r)
}

pub(crate) fn range_len(start: i64, stop: i64, step: i64) -> usize {
    if step > 0 && start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else if step < 0 && start > stop {
        ((start - stop - 1) / (-step) + 1) as usize
    } else {
        0
    }
}

enum Kind<'a> {
    List(Vec<Value<'a>>),
    Set(Vec<Value<'a>>),
    Dict(Vec<(Value<'a>, Value<'a>)>),
}

fn list_or_set<'a>(object: &Rc<super::values::Object<'a>>) -> Option<Kind<'a>> {
    match &*object.data.borrow() {
        ObjectData::List(items) => Some(Kind::List(items.clone())),
        ObjectData::Set { items, .. } => Some(Kind::Set(items.clone())),
        ObjectData::Dict { items, .. } => Some(Kind::Dict(items.clone())),
        _ => None,
    }
}
