//! Constants and constant folding (the part of CPython's AST optimizer that shapes
//! bytecode): literals, `-1`, tuples of constants, and simple arithmetic on literals.
//!
//! Input: an expression. Output: `Some(Constant)` when CPython would emit one `LOAD_CONST`
//! for it. Folding never changes behaviour: anything that could raise is left alone.

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use rustpython_ast as ast;

use crate::format::Constant;

/// The constant of a literal.
pub(crate) fn from_ast(value: &ast::Constant) -> Constant {
    match value {
        ast::Constant::None => Constant::None,
        ast::Constant::Bool(b) => Constant::Bool(*b),
        ast::Constant::Str(s) => Constant::Str(s.clone()),
        ast::Constant::Bytes(b) => Constant::Bytes(b.clone()),
        ast::Constant::Int(i) => Constant::int(i.clone()),
        ast::Constant::Tuple(items) => Constant::Tuple(items.iter().map(from_ast).collect()),
        ast::Constant::Float(f) => Constant::Float(*f),
        ast::Constant::Complex { real, imag } => Constant::Complex {
            real: *real,
            imag: *imag,
        },
        ast::Constant::Ellipsis => Constant::Ellipsis,
    }
}

fn big(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(BigInt::from(*i)),
        Constant::BigInt(i) => Some(i.clone()),
        _ => None,
    }
}

/// Folds `e` to a constant if CPython's optimizer would.
pub(crate) fn fold(e: &ast::Expr) -> Option<Constant> {
    match e {
        ast::Expr::Constant(c) => Some(from_ast(&c.value)),
        ast::Expr::Tuple(t) if matches!(t.ctx, ast::ExprContext::Load) => {
            let items: Option<Vec<Constant>> = t.elts.iter().map(fold).collect();
            items.map(Constant::Tuple)
        }
        ast::Expr::UnaryOp(u) => {
            let operand = fold(&u.operand)?;
            match (u.op, &operand) {
                (ast::UnaryOp::USub, Constant::Int(_) | Constant::BigInt(_)) => {
                    Some(Constant::int(-big(&operand)?))
                }
                (ast::UnaryOp::USub, Constant::Float(f)) => Some(Constant::Float(-f)),
                (ast::UnaryOp::USub, Constant::Complex { real, imag }) => Some(Constant::Complex {
                    real: -real,
                    imag: -imag,
                }),
                (
                    ast::UnaryOp::UAdd,
                    Constant::Int(_) | Constant::BigInt(_) | Constant::Float(_),
                ) => Some(operand),
                (ast::UnaryOp::Invert, Constant::Int(_) | Constant::BigInt(_)) => {
                    Some(Constant::int(-(big(&operand)?) - 1))
                }
                (ast::UnaryOp::Not, _) => truthiness(&operand).map(|b| Constant::Bool(!b)),
                _ => None,
            }
        }
        ast::Expr::BinOp(b) => {
            let left = fold(&b.left)?;
            let right = fold(&b.right)?;
            fold_binary(b.op, &left, &right)
        }
        _ => None,
    }
}

fn fold_binary(op: ast::Operator, left: &Constant, right: &Constant) -> Option<Constant> {
    use ast::Operator as O;
    match (left, right) {
        (Constant::Int(_) | Constant::BigInt(_), Constant::Int(_) | Constant::BigInt(_)) => {
            let (a, b) = (big(left)?, big(right)?);
            let limit = 128u64;
            let result = match op {
                O::Add => a + b,
                O::Sub => a - b,
                O::Mult if a.bits() + b.bits() <= limit => a * b,
                O::FloorDiv if !b.is_zero() => num_integer::Integer::div_floor(&a, &b),
                O::Mod if !b.is_zero() => num_integer::Integer::mod_floor(&a, &b),
                O::Pow => {
                    let exp = b.to_u32()?;
                    if a.bits() * u64::from(exp) > limit {
                        return None;
                    }
                    num_traits::Pow::pow(a, exp)
                }
                O::LShift => {
                    let shift = b.to_u32()?;
                    if a.bits() + u64::from(shift) > limit {
                        return None;
                    }
                    a << shift
                }
                O::RShift => a >> b.to_u32()?,
                O::BitAnd => a & b,
                O::BitOr => a | b,
                O::BitXor => a ^ b,
                _ => return None,
            };
            Some(Constant::int(result))
        }
        (Constant::Complex { .. }, _) | (_, Constant::Complex { .. }) => {
            let as_c = |c: &Constant| match c {
                Constant::Complex { real, imag } => Some((*real, *imag)),
                Constant::Float(f) => Some((*f, 0.0)),
                Constant::Int(i) if i.unsigned_abs() < (1u64 << 53) => Some((*i as f64, 0.0)),
                _ => None,
            };
            let ((a, b), (c, d)) = (as_c(left)?, as_c(right)?);
            match op {
                O::Add => Some(Constant::Complex {
                    real: a + c,
                    imag: b + d,
                }),
                O::Sub => Some(Constant::Complex {
                    real: a - c,
                    imag: b - d,
                }),
                O::Mult => Some(Constant::Complex {
                    real: a * c - b * d,
                    imag: a * d + b * c,
                }),
                _ => None,
            }
        }
        (Constant::Float(_) | Constant::Int(_), Constant::Float(_) | Constant::Int(_)) => {
            let as_f = |c: &Constant| match c {
                Constant::Float(f) => Some(*f),
                Constant::Int(i) if i.unsigned_abs() < (1u64 << 53) => Some(*i as f64),
                _ => None,
            };
            let (a, b) = (as_f(left)?, as_f(right)?);
            match op {
                O::Add => Some(Constant::Float(a + b)),
                O::Sub => Some(Constant::Float(a - b)),
                O::Mult => Some(Constant::Float(a * b)),
                O::Div if b != 0.0 => Some(Constant::Float(a / b)),
                O::FloorDiv if b != 0.0 => Some(Constant::Float(float_div_mod(a, b).0)),
                O::Mod if b != 0.0 => Some(Constant::Float(float_div_mod(a, b).1)),
                _ => None,
            }
        }
        (Constant::Str(a), Constant::Str(b)) if op == O::Add && a.len() + b.len() <= 4096 => {
            Some(Constant::Str(format!("{a}{b}")))
        }
        (Constant::Bytes(a), Constant::Bytes(b)) if op == O::Add && a.len() + b.len() <= 4096 => {
            let mut joined = a.clone();
            joined.extend_from_slice(b);
            Some(Constant::Bytes(joined))
        }
        (Constant::Str(s), Constant::Int(n))
            if op == O::Mult && *n >= 0 && s.len() as i64 * n <= 4096 =>
        {
            Some(Constant::Str(s.repeat(*n as usize)))
        }
        _ => None,
    }
}

/// The truth value of a constant, if it is known without running code.
pub(crate) fn truthiness(c: &Constant) -> Option<bool> {
    Some(match c {
        Constant::None => false,
        Constant::Ellipsis => true,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) => !t.is_empty(),
        Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Code(_) => true,
    })
}

/// Python's float `divmod` (`_float_div_mod` in `Objects/floatobject.c`).
fn float_div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut modulo = vx % wx;
    let mut div = (vx - modulo) / wx;
    if modulo != 0.0 {
        if (wx < 0.0) != (modulo < 0.0) {
            modulo += wx;
            div -= 1.0;
        }
    } else {
        modulo = 0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0f64.copysign(vx / wx)
    };
    (floordiv, modulo)
}
