//! The type of a value in a declaration without an annotation (`X = 1`, `self.y = y`),
//! read from its syntax alone: literals, containers of them, constructor calls of known
//! classes, annotated parameters. Anything else is `Unknown` (dynamic).

use rustpython_parser::ast;

use crate::db::{Db, SourceFile};
use crate::declare::names::{NameRes, resolve_global};
use crate::types::class::{builtin_instance, widen_literal};
use crate::types::{Literal, Ty};

/// See the module docs. `keep_literal` keeps `Literal[1]` (for `Final` constants).
pub fn value_type(
    db: &dyn Db,
    file: SourceFile,
    expr: &ast::Expr,
    params: &[(&str, Ty)],
    keep_literal: bool,
) -> Ty {
    let ty = shallow(db, file, expr, params, 0);
    if keep_literal {
        return ty;
    }
    // A bare `None` is usually a placeholder assigned again elsewhere.
    if ty.is_none() {
        return Ty::unknown();
    }
    widen_literal(db, ty)
}

fn shallow(
    db: &dyn Db,
    file: SourceFile,
    expr: &ast::Expr,
    params: &[(&str, Ty)],
    depth: u32,
) -> Ty {
    if depth > 8 {
        return Ty::unknown();
    }
    let elements = |elts: &[ast::Expr]| -> Ty {
        let tys: Vec<Ty> = elts
            .iter()
            .map(|e| widen_literal(db, shallow(db, file, e, params, depth + 1)))
            .collect();
        if tys.is_empty() {
            Ty::unknown()
        } else {
            Ty::union(tys)
        }
    };
    match expr {
        ast::Expr::Constant(c) => constant_type(db, &c.value),
        ast::Expr::List(l) => builtin_instance(db, "list", vec![elements(&l.elts)]),
        ast::Expr::Set(s) => builtin_instance(db, "set", vec![elements(&s.elts)]),
        ast::Expr::Dict(d) => {
            let keys: Vec<ast::Expr> = d.keys.iter().flatten().cloned().collect();
            builtin_instance(db, "dict", vec![elements(&keys), elements(&d.values)])
        }
        ast::Expr::Tuple(t) => Ty::tuple(
            t.elts
                .iter()
                .map(|e| shallow(db, file, e, params, depth + 1))
                .collect(),
        ),
        ast::Expr::Name(n) => {
            if let Some((_, ty)) = params.iter().find(|(p, _)| *p == n.id.as_str()) {
                return *ty;
            }
            match resolve_global(db, file, n.id.as_str()) {
                NameRes::Class(class) => Ty::class_object(class, Vec::new()),
                _ => Ty::unknown(),
            }
        }
        ast::Expr::Call(call) => {
            let res = match &*call.func {
                ast::Expr::Name(n) => resolve_global(db, file, n.id.as_str()),
                _ => NameRes::Value,
            };
            match res {
                NameRes::Class(class) => Ty::instance(class, Vec::new()),
                _ => Ty::unknown(),
            }
        }
        ast::Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::USub | ast::UnaryOp::UAdd) => {
            widen_literal(db, shallow(db, file, &u.operand, params, depth + 1))
        }
        ast::Expr::JoinedStr(_) => builtin_instance(db, "str", Vec::new()),
        _ => Ty::unknown(),
    }
}

/// The type of a constant: literals for `int`, `str`, `bytes`, `bool`.
pub fn constant_type(db: &dyn Db, value: &ast::Constant) -> Ty {
    match value {
        ast::Constant::None => Ty::none(),
        ast::Constant::Bool(b) => Ty::literal(Literal::Bool(*b)),
        ast::Constant::Str(s) => Ty::literal(Literal::Str(s.as_str().into())),
        ast::Constant::Bytes(b) => Ty::literal(Literal::Bytes(b.clone().into_boxed_slice())),
        ast::Constant::Int(i) => match i64::try_from(i) {
            Ok(v) => Ty::literal(Literal::Int(v)),
            Err(_) => builtin_instance(db, "int", Vec::new()),
        },
        ast::Constant::Float(_) => builtin_instance(db, "float", Vec::new()),
        ast::Constant::Complex { .. } => builtin_instance(db, "complex", Vec::new()),
        ast::Constant::Ellipsis => builtin_instance(db, "ellipsis", Vec::new()),
        ast::Constant::Tuple(items) => {
            Ty::tuple(items.iter().map(|c| constant_type(db, c)).collect())
        }
    }
}
