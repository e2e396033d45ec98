//! The return type of a function without a return annotation, inferred from the syntax
//! of its `return` statements (as pyright and ty do, but kept cheap and cycle-free).
//!
//! Input: a `def` and its parameters' types. Output: `Some(type)` when every `return`
//! has a value whose type [`shallow`](crate::declare::shallow) knows (literals widened,
//! containers, constructor calls of known classes, annotated parameters), or `None`
//! (the return type stays unknown). No other function is consulted, so recursion and
//! import cycles cannot loop. A body that only stubs (`pass`, `...`, a docstring,
//! `raise`) stays unknown: subclasses override it.

use rustpython_parser::ast;

use crate::db::{Db, SourceFile};
use crate::declare::function::FunctionSyntax;
use crate::declare::shallow;
use crate::types::class::widen_literal;
use crate::types::{Signature, Ty};

/// See the module docs.
pub fn inferred_return(
    db: &dyn Db,
    file: SourceFile,
    syntax: FunctionSyntax<'_>,
    sig: &Signature,
) -> Option<Ty> {
    if syntax.returns.is_some() || syntax.is_async || is_stub_body(syntax.body) {
        return None;
    }
    let params: Vec<(&str, Ty)> = sig
        .params
        .iter()
        .filter_map(|p| {
            let ty = if p.annotated { p.ty } else { Ty::unknown() };
            p.name.as_deref().map(|n| (n, ty))
        })
        .collect();
    let mut returned: Vec<Ty> = Vec::new();
    let mut known = true;
    crate::index::for_each_stmt(syntax.body, &mut |stmt| {
        let ast::Stmt::Return(r) = stmt else {
            return;
        };
        let ty = match r.value.as_deref() {
            None => Ty::none(),
            // A local of the same name may shadow a module-level class.
            Some(ast::Expr::Name(n)) if !params.iter().any(|(p, _)| *p == n.id.as_str()) => {
                Ty::unknown()
            }
            Some(value) => widen_literal(db, shallow::value_type(db, file, value, &params, true)),
        };
        known &= !contains_dynamic(ty, 0);
        returned.push(ty);
    });
    if !known {
        return None;
    }
    if returned.is_empty() {
        // Falls off the end on every path.
        return Some(Ty::none());
    }
    let values: Vec<Ty> = returned.iter().copied().filter(|t| !t.is_none()).collect();
    if values.is_empty() {
        return Some(Ty::none());
    }
    // `None` on some paths and a value on others: callers of unannotated code are not
    // made to prove which (the `None` part stays unknown, so no error comes of it).
    if values.len() < returned.len() {
        return Some(Ty::union(values).or(Ty::unknown()));
    }
    Some(Ty::union(values))
}

/// Whether a type mentions `Unknown`/`Any` anywhere (a partly known value is not used).
fn contains_dynamic(ty: Ty, depth: u32) -> bool {
    use crate::types::{TupleTy, TyKind};
    if depth > 8 {
        return true;
    }
    match ty.kind() {
        TyKind::Any | TyKind::Unknown => true,
        TyKind::Union(items) | TyKind::Tuple(TupleTy::Fixed(items)) => {
            items.iter().any(|&t| contains_dynamic(t, depth + 1))
        }
        TyKind::Tuple(TupleTy::Variadic(item)) => contains_dynamic(*item, depth + 1),
        TyKind::Instance(c) => c.args.iter().any(|&t| contains_dynamic(t, depth + 1)),
        _ => false,
    }
}

/// A body that only documents or stubs (`...`, `pass`, a docstring, `raise`).
pub fn is_stub_body(body: &[ast::Stmt]) -> bool {
    body.iter().all(|s| match s {
        ast::Stmt::Pass(_) | ast::Stmt::Raise(_) => true,
        ast::Stmt::Expr(e) => matches!(&*e.value, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Ellipsis | ast::Constant::Str(_))),
        _ => false,
    })
}
