//! Element types of checked containers (`CheckedDict[K, V]`, `CheckedList[T]`,
//! `Array[T]`) in the static pass: subscripts check keys and values with message 1,
//! method calls check their arguments with message 2 (Cinder numbers the arguments of
//! these built-in methods, the receiver being arg 0). The plain diagnostics of the same
//! errors are dropped (their spans go to `facts.replaced`).
//!
//! Input: the container's type (with its type arguments) and the expressions involved.
//! Output: diagnostics and `replaced` spans on the pass.

use rustpython_parser::ast::{self, Ranged};

use crate::diagnostics::{Span, codes};
use crate::types::{Signature, Ty, TyKind};

use super::assign::static_assignable;
use super::hooks::is_static_stub_class;
use super::walk::StaticPass;

/// Which checked container a type is, with its type arguments.
pub(super) enum Checked {
    Dict { key: Ty, value: Ty },
    List { item: Ty },
    Array { item: Ty },
}

/// The checked container a type is, if it is one.
pub(super) fn checked_container(pass: &StaticPass<'_>, ty: Ty) -> Option<Checked> {
    let c = match ty.kind() {
        TyKind::Instance(c) | TyKind::Exact(c) => c,
        _ => return None,
    };
    if !is_static_stub_class(pass.db, c.class) {
        return None;
    }
    let arg = |i: usize| c.args.get(i).copied().unwrap_or_else(Ty::unknown);
    match c.class.qualname() {
        "chkdict" => Some(Checked::Dict {
            key: arg(0),
            value: arg(1),
        }),
        "chklist" => Some(Checked::List { item: arg(0) }),
        "staticarray" => Some(Checked::Array { item: arg(0) }),
        _ => None,
    }
}

impl StaticPass<'_> {
    /// `container[index]` read or written (`value` for a store; `whole` is the span
    /// the plain diagnostics of this subscript may have).
    pub(super) fn checked_subscript(
        &mut self,
        s: &ast::ExprSubscript,
        value: Option<&ast::Expr>,
        whole: Span,
    ) {
        let Some(container) = checked_container(self, self.ty(&s.value)) else {
            return;
        };
        if matches!(&*s.slice, ast::Expr::Slice(_)) {
            return;
        }
        self.facts.replaced.push(whole);
        let item = match container {
            Checked::Dict { key, value } => {
                self.check_flow(&s.slice, key);
                value
            }
            Checked::List { item } | Checked::Array { item } => item,
        };
        if let Some(value) = value {
            self.check_flow(value, item);
        }
    }

    /// A method call on a checked container: message 2 for each argument that does not
    /// fit (the first overload that accepts every argument wins).
    pub(super) fn checked_method_call(&mut self, c: &ast::ExprCall, span: Span) -> bool {
        let callee = self.ty(&c.func);
        let candidates: Vec<Ty> = match callee.kind() {
            TyKind::Overloaded(items) => items.to_vec(),
            _ => vec![callee],
        };
        let mut sigs = Vec::new();
        for candidate in candidates {
            let TyKind::BoundMethod { self_ty, func } = candidate.kind() else {
                return false;
            };
            if checked_container(self, *self_ty).is_none() {
                return false;
            }
            let TyKind::Function(f) = func.kind() else {
                return false;
            };
            sigs.push(f.sig.bind_first());
        }
        if sigs.is_empty()
            || c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)))
            || c.keywords.iter().any(|k| k.arg.is_none())
        {
            return false;
        }
        self.facts.replaced.push(span);
        let fits = |pass: &Self, sig: &Signature| {
            let positional = positional_params(sig);
            c.args.len() <= positional.len()
                && c.args
                    .iter()
                    .zip(&positional)
                    .all(|(a, p)| static_assignable(pass.db, pass.ty(a), param_ty(p)))
        };
        if sigs.iter().any(|sig| fits(self, sig)) {
            return true;
        }
        let sig = sigs
            .iter()
            .rev()
            .find(|sig| positional_params(sig).len() >= c.args.len())
            .or(sigs.last());
        let Some(sig) = sig else { return true };
        let positional = positional_params(sig);
        for (i, (arg, param)) in c.args.iter().zip(&positional).enumerate() {
            let expected = param_ty(param);
            let ty = self.ty(arg);
            if !static_assignable(self.db, ty, expected) {
                let message = format!(
                    "type mismatch: {} received for positional arg {}, expected {}",
                    self.show(ty),
                    i + 1,
                    self.show(expected)
                );
                self.report(codes::STATIC_BAD_ARGUMENT, Span::from(arg.range()), message);
            }
        }
        true
    }
}

fn positional_params(sig: &Signature) -> Vec<&crate::types::Param> {
    sig.params
        .iter()
        .filter(|p| p.kind.is_positional())
        .collect()
}

fn param_ty(p: &crate::types::Param) -> Ty {
    if p.annotated { p.ty } else { Ty::unknown() }
}

/// The type parameters of a generic class of `__static__`, as Cinder shows them.
fn generic_params(name: &str) -> Option<&'static str> {
    match name {
        "chkdict" => Some("K, V"),
        "chklist" | "staticarray" => Some("T"),
        _ => None,
    }
}

impl StaticPass<'_> {
    /// `CheckedDict[int]`: message 32 when the number of type arguments is wrong.
    pub(super) fn generic_arity(
        &mut self,
        class: crate::types::ClassId,
        slice: &ast::Expr,
        span: Span,
    ) {
        if !is_static_stub_class(self.db, class) {
            return;
        }
        let Some(params) = generic_params(class.qualname()) else {
            return;
        };
        let expected = params.split(", ").count();
        let got = match slice {
            ast::Expr::Tuple(t) => t.elts.len(),
            _ => 1,
        };
        if got != expected {
            self.report(
                codes::GENERIC_ARITY,
                span,
                format!(
                    "incorrect number of generic arguments for {}[{params}], expected {expected}, got {got}",
                    class.qualname()
                ),
            );
            self.facts.replaced.push(span);
        }
    }

    /// `CheckedList()`: message 33 for a generic class constructed without arguments.
    pub(super) fn generic_instance(&mut self, callee: Ty, span: Span) -> bool {
        let TyKind::ClassObject(c) = callee.kind() else {
            return false;
        };
        if !c.args.is_empty() || !is_static_stub_class(self.db, c.class) {
            return false;
        }
        let Some(params) = generic_params(c.class.qualname()) else {
            return false;
        };
        self.report(
            codes::GENERIC_INSTANCE,
            span,
            format!(
                "cannot create instances of a generic Type[{}[{params}]]",
                c.class.qualname()
            ),
        );
        self.facts.replaced.push(span);
        true
    }
}

impl StaticPass<'_> {
    /// A display whose inferred type is a checked container (its context, or a compiler
    /// flag, made it one): the `checked_literals` fact.
    pub(super) fn checked_display_fact(&mut self, expr: &ast::Expr) {
        let ty = self.ty(expr);
        if matches!(
            checked_container(self, ty),
            Some(Checked::Dict { .. } | Checked::List { .. })
        ) && let Some(descr) = super::descr::type_descr(self, ty)
        {
            self.facts
                .checked_literals
                .push((Span::from(expr.range()), descr));
        }
    }

    /// A dict or list display (or comprehension) flowing into a `CheckedDict` or
    /// `CheckedList` slot is built as that checked container: its elements must fit.
    /// Returns whether the rule applied (and reported message 1 if they do not).
    pub(super) fn checked_literal(&mut self, value: &ast::Expr, declared: Ty) -> bool {
        let Some(container) = checked_container(self, declared) else {
            return false;
        };
        let span = Span::from(value.range());
        let (shown, ok) = match (&container, value) {
            (Checked::Dict { key, value: val }, ast::Expr::Dict(d)) => {
                let keys: Vec<Ty> = d.keys.iter().flatten().map(|k| self.ty(k)).collect();
                let values: Vec<Ty> = d.values.iter().map(|v| self.ty(v)).collect();
                if d.keys.iter().any(Option::is_none) {
                    return false;
                }
                self.dict_elements(&keys, &values, *key, *val)
            }
            (Checked::Dict { key, value: val }, ast::Expr::DictComp(d)) => {
                let (k, v) = (self.ty(&d.key), self.ty(&d.value));
                self.dict_elements(&[k], &[v], *key, *val)
            }
            (Checked::List { item }, ast::Expr::List(l)) => {
                if l.elts.iter().any(|e| matches!(e, ast::Expr::Starred(_))) {
                    return false;
                }
                let items: Vec<Ty> = l.elts.iter().map(|e| self.ty(e)).collect();
                self.list_elements(&items, *item)
            }
            (Checked::List { item }, ast::Expr::ListComp(l)) => {
                let t = self.ty(&l.elt);
                self.list_elements(&[t], *item)
            }
            _ => return false,
        };
        if ok {
            if let Some(descr) = super::descr::type_descr(self, declared) {
                self.facts.checked_literals.push((span, descr));
            }
        } else {
            let message = format!(
                "type mismatch: {shown} cannot be assigned to {}",
                self.show(declared)
            );
            self.report(codes::STATIC_TYPE_MISMATCH, span, message);
        }
        true
    }

    fn element_type(&self, types: &[Ty], declared: Ty) -> Ty {
        if types.is_empty() {
            return declared;
        }
        Ty::union(types.iter().copied())
    }

    fn dict_elements(&self, keys: &[Ty], values: &[Ty], key: Ty, value: Ty) -> (String, bool) {
        let ok = keys.iter().all(|&k| static_assignable(self.db, k, key))
            && values.iter().all(|&v| static_assignable(self.db, v, value));
        let shown = format!(
            "chkdict[{}, {}]",
            self.show(self.element_type(keys, key)),
            self.show(self.element_type(values, value))
        );
        (shown, ok)
    }

    fn list_elements(&self, items: &[Ty], item: Ty) -> (String, bool) {
        let ok = items.iter().all(|&t| static_assignable(self.db, t, item));
        let shown = format!("chklist[{}]", self.show(self.element_type(items, item)));
        (shown, ok)
    }
}
