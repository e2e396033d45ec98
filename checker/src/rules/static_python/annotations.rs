//! Annotation rules: unions with primitive members (14), `Final` below the top of an
//! annotation (22), and `from __static__ import ...` (36).

use rustpython_parser::ast::{self, Ranged};

use crate::declare::NameRes;
use crate::declare::names::resolve_in_module;
use crate::diagnostics::{Span, codes};
use crate::types::{SpecialForm, Ty};

use super::hooks::{primitive_of, static_stub};
use super::walk::StaticPass;

/// `from __static__ import *` (36) and names `__static__` does not export.
pub(super) fn static_import(pass: &mut StaticPass<'_>, i: &ast::StmtImportFrom) {
    if i.module.as_deref() != Some("__static__") || i.level.is_some_and(|l| l.to_u32() > 0) {
        return;
    }
    let span = Span::from(i.range);
    let Some(stub) = static_stub(pass.db) else {
        return;
    };
    for alias in &i.names {
        let name = alias.name.as_str();
        if name == "*" {
            pass.report(
                codes::STATIC_IMPORT,
                span,
                "from __static__ import * is disallowed",
            );
            pass.facts.replaced.push(span);
        } else if resolve_in_module(pass.db, stub, name, 1) == NameRes::Unresolved {
            pass.report(
                codes::STATIC_IMPORT,
                Span::from(alias.range),
                format!("unsupported static import {name}"),
            );
            pass.facts.replaced.push(span);
        }
    }
}

/// Annotations: a union with a primitive member (14); `Final` below the top (22).
pub(super) fn check_annotation_expr(
    pass: &mut StaticPass<'_>,
    annotation: &ast::Expr,
    final_allowed: bool,
) {
    let resolver = crate::declare::TypeExprResolver::with_decls(pass.db, pass.file, pass.decls);
    let is_final = |e: &ast::Expr| {
        let base = match e {
            ast::Expr::Subscript(s) => &*s.value,
            other => other,
        };
        matches!(
            resolver.expr_res(base),
            Some(NameRes::Special(SpecialForm::Final))
        )
    };
    let mut stack: Vec<(&ast::Expr, bool)> = vec![(annotation, final_allowed)];
    while let Some((e, top)) = stack.pop() {
        if is_final(e) && !top {
            pass.report(
                codes::FINAL_MISPLACED,
                Span::from(e.range()),
                "Final annotation is only valid in initial declaration of attribute or module-level constant",
            );
            pass.facts.replaced.push(Span::from(e.range()));
        }
        let union_members: Option<Vec<&ast::Expr>> = match e {
            ast::Expr::BinOp(b) if matches!(b.op, ast::Operator::BitOr) => Some(flatten_or(e)),
            ast::Expr::Subscript(s) => match resolver.expr_res(&s.value) {
                Some(NameRes::Special(SpecialForm::Union | SpecialForm::Optional)) => {
                    Some(match &*s.slice {
                        ast::Expr::Tuple(t) => t.elts.iter().collect(),
                        other => vec![other],
                    })
                }
                _ => None,
            },
            _ => None,
        };
        if let Some(members) = union_members {
            let mut resolver =
                crate::declare::TypeExprResolver::with_decls(pass.db, pass.file, pass.decls);
            let types: Vec<Ty> = members.iter().map(|m| resolver.silent_type(m)).collect();
            let optional_form = matches!(e, ast::Expr::Subscript(s)
                if matches!(resolver.expr_res(&s.value), Some(NameRes::Special(SpecialForm::Optional))));
            if types.iter().any(|t| primitive_of(*t).is_some()) {
                let shown = union_display(pass, &types, optional_form);
                let message =
                    format!("invalid union type {shown}; unions cannot include primitive types");
                pass.report(codes::PRIMITIVE_UNION, Span::from(e.range()), message);
            }
            continue;
        }
        if let ast::Expr::Subscript(s) = e {
            let class = match resolver.expr_res(&s.value) {
                Some(NameRes::Class(id)) => Some(id),
                Some(NameRes::Alias(ty)) => match ty.kind() {
                    crate::types::TyKind::Instance(c) => Some(c.class),
                    _ => None,
                },
                _ => None,
            };
            if let Some(class) = class {
                pass.generic_arity(class, &s.slice, Span::from(e.range()));
            }
        }
        let top_final = top && is_final(e);
        let top_classvar = top
            && matches!(e, ast::Expr::Subscript(s)
            if matches!(resolver.expr_res(&s.value), Some(NameRes::Special(SpecialForm::ClassVar))));
        if let ast::Expr::Subscript(s) = e {
            let inner_top = top_final || top_classvar;
            match &*s.slice {
                ast::Expr::Tuple(t) => stack.extend(t.elts.iter().map(|x| (x, false))),
                other => stack.push((other, inner_top)),
            }
        }
    }
}

pub(super) fn flatten_or(e: &ast::Expr) -> Vec<&ast::Expr> {
    match e {
        ast::Expr::BinOp(b) if matches!(b.op, ast::Operator::BitOr) => {
            let mut out = flatten_or(&b.left);
            out.extend(flatten_or(&b.right));
            out
        }
        other => vec![other],
    }
}

pub(super) fn union_display(pass: &StaticPass<'_>, types: &[Ty], optional_form: bool) -> String {
    let non_none: Vec<Ty> = types.iter().copied().filter(|t| !t.is_none()).collect();
    if (optional_form || (non_none.len() == 1 && types.len() == 2))
        && let Some(first) = non_none.first()
    {
        return format!("Optional[{}]", pass.show(*first));
    }
    let shown: Vec<String> = types.iter().map(|t| pass.show(*t)).collect();
    format!("Union[{}]", shown.join(", "))
}
