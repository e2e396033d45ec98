//! Narrowing: a condition gives one flow state where it holds and one where it does not
//! (`is None` / `is not None`, `==`/`!=` `None`, `isinstance`, truthiness, `not`, `and`,
//! `or`, walrus). Narrowed places are names and dotted attribute chains.

use rustpython_parser::ast::{self, Ranged};

use crate::db::Db;
use crate::declare::class_decl;
use crate::infer::builder::{Infer, State};
use crate::types::class::{is_subclass, literal_fallback, lookup_member};
use crate::types::{Literal, Ty, TyKind};

/// Attribute chains longer than this are not narrowed: a place is looked up for every
/// attribute expression, so unbounded chains would make `a.b.b.b...` quadratic.
const MAX_PLACE_SEGMENTS: usize = 8;

/// The place an expression denotes (`x`, `self.x`, `a.b.c`), if it is one.
pub(super) fn place_of(expr: &ast::Expr) -> Option<Box<str>> {
    let mut attrs: Vec<&str> = Vec::new();
    let mut current = expr;
    loop {
        match current {
            ast::Expr::Name(n) => {
                let mut place = n.id.to_string();
                for attr in attrs.iter().rev() {
                    place.push('.');
                    place.push_str(attr);
                }
                return Some(place.into());
            }
            ast::Expr::Attribute(a) if attrs.len() < MAX_PLACE_SEGMENTS => {
                attrs.push(a.attr.as_str());
                current = &a.value;
            }
            _ => return None,
        }
    }
}

impl<'db, 'a> Infer<'db, 'a> {
    /// Evaluates a condition: the states where it is true and where it is false.
    pub(super) fn condition(&mut self, test: &'a ast::Expr) -> (State, State) {
        match test {
            ast::Expr::BoolOp(b) => {
                let is_and = matches!(b.op, ast::BoolOp::And);
                let mut short: Vec<State> = Vec::new();
                let mut current = self.take_state();
                for value in &b.values {
                    self.set_state(current.clone());
                    let (t, f) = self.condition(value);
                    if is_and {
                        short.push(f);
                        current = t;
                    } else {
                        short.push(t);
                        current = f;
                    }
                }
                let other = self.merge_all(&short);
                self.set_state(current.clone());
                let ty = Ty::unknown();
                self.record(crate::diagnostics::Span::from(test.range()), ty);
                if is_and {
                    (current, other)
                } else {
                    (other, current)
                }
            }
            ast::Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::Not) => {
                let (t, f) = self.condition(&u.operand);
                let mut bool_ty =
                    crate::types::class::builtin_instance(self.db, "bool", Vec::new());
                // Static Python hook: `not` on a primitive is a `cbool`.
                if self.static_module
                    && let Some(&operand) = self
                        .types
                        .get(&crate::diagnostics::Span::from(u.operand.range()))
                    && let Some(ty) = crate::rules::static_python::hooks::unary_op_type(
                        ast::UnaryOp::Not,
                        operand,
                    )
                {
                    bool_ty = ty;
                }
                self.record(crate::diagnostics::Span::from(test.range()), bool_ty);
                (f, t)
            }
            _ => {
                if is_type_checking(test) {
                    let state = self.take_state();
                    return (state.clone(), state.unreachable());
                }
                let ty = self.infer_expr(test);
                self.condition_after(test, ty)
            }
        }
    }

    /// The narrowed states for a test already inferred as `ty`.
    pub(super) fn condition_after(&mut self, test: &'a ast::Expr, ty: Ty) -> (State, State) {
        let state = self.take_state();
        let mut then_state = state.clone();
        let mut else_state = state.clone();
        match ty.kind() {
            TyKind::Literal(Literal::Bool(true)) => else_state.reachable = false,
            TyKind::Literal(Literal::Bool(false)) => then_state.reachable = false,
            _ => {}
        }
        match test {
            ast::Expr::Compare(c) if c.ops.len() == 1 && c.comparators.len() == 1 => {
                let right = &c.comparators[0];
                let is_none = |e: &ast::Expr| matches!(e, ast::Expr::Constant(k) if matches!(k.value, ast::Constant::None));
                let (subject, other_is_none) = if is_none(right) {
                    (&*c.left, true)
                } else if is_none(&c.left) {
                    (right, true)
                } else {
                    (&*c.left, false)
                };
                let subject = match subject {
                    ast::Expr::NamedExpr(n) => &*n.target,
                    other => other,
                };
                if other_is_none && let Some(place) = place_of(subject) {
                    let current = self.place_type(subject);
                    let none_part = if current.contains_none() || current.is_dynamic() {
                        Ty::none()
                    } else {
                        Ty::never()
                    };
                    let (yes, no) = (none_part, current.without_none());
                    match c.ops[0] {
                        ast::CmpOp::Is | ast::CmpOp::Eq => {
                            self.narrow_place(&mut then_state, &place, yes);
                            self.narrow_place(&mut else_state, &place, no);
                        }
                        ast::CmpOp::IsNot | ast::CmpOp::NotEq => {
                            self.narrow_place(&mut then_state, &place, no);
                            self.narrow_place(&mut else_state, &place, yes);
                        }
                        _ => {}
                    }
                }
            }
            ast::Expr::Call(call)
                if matches!(&*call.func, ast::Expr::Name(n) if n.id.as_str() == "isinstance")
                    && call.args.len() == 2 =>
            {
                if let Some(place) = place_of(&call.args[0]) {
                    let current = self.place_type(&call.args[0]);
                    let classes = self
                        .types
                        .get(&crate::diagnostics::Span::from(call.args[1].range()))
                        .copied();
                    if let Some(classes) = classes {
                        let (yes, no) = isinstance_split(self.db, current, classes);
                        self.narrow_place(&mut then_state, &place, yes);
                        self.narrow_place(&mut else_state, &place, no);
                    }
                }
            }
            ast::Expr::NamedExpr(n) => {
                if let Some(place) = place_of(&n.target) {
                    let current = self.place_type(&n.target);
                    self.narrow_place(&mut then_state, &place, truthy_part(self.db, current));
                    self.narrow_place(&mut else_state, &place, falsy_part(self.db, current));
                }
            }
            ast::Expr::Name(_) | ast::Expr::Attribute(_) => {
                if let Some(place) = place_of(test) {
                    self.narrow_place(&mut then_state, &place, truthy_part(self.db, ty));
                    self.narrow_place(&mut else_state, &place, falsy_part(self.db, ty));
                }
            }
            _ => {}
        }
        self.set_state(state);
        (then_state, else_state)
    }

    /// The current type of a place expression (already inferred as part of the test).
    fn place_type(&mut self, expr: &'a ast::Expr) -> Ty {
        match self
            .types
            .get(&crate::diagnostics::Span::from(expr.range()))
        {
            Some(ty) => *ty,
            None => {
                self.silent += 1;
                let ty = self.infer_expr(expr);
                self.silent -= 1;
                ty
            }
        }
    }

    /// Narrows `place` in `state` to `ty` (an empty type makes the state unreachable).
    pub(super) fn narrow_place(&self, state: &mut State, place: &str, ty: Ty) {
        if ty.is_never() {
            state.reachable = false;
            return;
        }
        let frame = self.frame();
        if !place.contains('.')
            && let Some(id) = frame.symbols.id(place)
            && frame
                .symbols
                .names
                .get_index(id)
                .is_some_and(|(_, info)| info.flags.is_local())
        {
            if let Some(slot) = state.vars.get_mut(id) {
                let maybe_unbound = slot.is_some_and(|b| b.maybe_unbound);
                *slot = Some(crate::infer::builder::Binding { ty, maybe_unbound });
            }
            return;
        }
        state.places.retain(|(k, _)| &**k != place);
        state.places.push((place.into(), ty));
    }
}

fn is_type_checking(expr: &ast::Expr) -> bool {
    match expr {
        ast::Expr::Name(n) => n.id.as_str() == "TYPE_CHECKING",
        ast::Expr::Attribute(a) => a.attr.as_str() == "TYPE_CHECKING",
        _ => false,
    }
}

/// The members of `ty` that can be truthy.
pub(super) fn truthy_part(db: &dyn Db, ty: Ty) -> Ty {
    ty.map_members(|m| match m.kind() {
        TyKind::None => Ty::never(),
        TyKind::Literal(Literal::Bool(false)) => Ty::never(),
        TyKind::Literal(Literal::Int(0)) => Ty::never(),
        TyKind::Literal(Literal::Str(s)) if s.is_empty() => Ty::never(),
        TyKind::Instance(c) if crate::types::class::is_builtin(db, c.class, "bool") => {
            Ty::literal(Literal::Bool(true))
        }
        _ => m,
    })
}

/// The members of `ty` that can be falsy.
pub(super) fn falsy_part(db: &dyn Db, ty: Ty) -> Ty {
    ty.map_members(|m| match m.kind() {
        TyKind::None => m,
        TyKind::Literal(Literal::Bool(true)) => Ty::never(),
        TyKind::Literal(Literal::Int(i)) if *i != 0 => Ty::never(),
        TyKind::Literal(Literal::Str(s)) if !s.is_empty() => Ty::never(),
        TyKind::Literal(Literal::Bytes(b)) if !b.is_empty() => Ty::never(),
        TyKind::Literal(lit @ Literal::Enum(..)) => {
            if can_be_falsy(db, literal_fallback(db, lit)) {
                m
            } else {
                Ty::never()
            }
        }
        TyKind::Instance(c) if crate::types::class::is_builtin(db, c.class, "bool") => {
            Ty::literal(Literal::Bool(false))
        }
        TyKind::Instance(_) => {
            if can_be_falsy(db, m) {
                m
            } else {
                Ty::never()
            }
        }
        TyKind::ClassObject(_)
        | TyKind::Function(_)
        | TyKind::BoundMethod { .. }
        | TyKind::Module(_) => Ty::never(),
        _ => m,
    })
}

/// Whether instances of a class can be falsy (it defines `__bool__` or `__len__`
/// somewhere below `object`).
fn can_be_falsy(db: &dyn Db, ty: Ty) -> bool {
    let Some(class) = ty.as_instance() else {
        return true;
    };
    for name in ["__bool__", "__len__"] {
        if let Some(found) = lookup_member(db, class, name)
            && !crate::types::class::is_builtin(db, found.owner, "object")
        {
            return true;
        }
    }
    crate::types::class::has_dynamic_ancestry(db, class)
}

/// Splits `ty` by `isinstance(x, classes)`: the part that is an instance, the rest.
pub(super) fn isinstance_split(db: &dyn Db, ty: Ty, classes: Ty) -> (Ty, Ty) {
    let mut targets = Vec::new();
    collect_classes(classes, &mut targets);
    if targets.is_empty() {
        return (ty, ty);
    }
    let mut yes = Vec::new();
    let mut no = Vec::new();
    for &member in ty.union_members() {
        let class = match member.kind() {
            TyKind::Instance(c) | TyKind::Exact(c) => Some(c.class),
            TyKind::Literal(lit) => literal_fallback(db, lit).as_instance().map(|c| c.class),
            TyKind::None => None,
            TyKind::Any | TyKind::Unknown => {
                yes.extend(targets.iter().map(|&t| Ty::instance(t, Vec::new())));
                no.push(member);
                continue;
            }
            _ => {
                yes.push(member);
                no.push(member);
                continue;
            }
        };
        let Some(class) = class else {
            no.push(member);
            continue;
        };
        if targets.iter().any(|&t| is_subclass(db, class, t)) {
            yes.push(member);
        } else {
            for &t in &targets {
                if is_subclass(db, t, class)
                    || class_decl(db, class).is_some_and(|d| d.flags.is_protocol)
                {
                    yes.push(Ty::instance(t, Vec::new()));
                }
            }
            no.push(member);
        }
    }
    (Ty::union(yes), Ty::union(no))
}

fn collect_classes(ty: Ty, out: &mut Vec<crate::types::ClassId>) {
    match ty.kind() {
        TyKind::ClassObject(c) => out.push(c.class),
        TyKind::Tuple(crate::types::TupleTy::Fixed(items)) => {
            items.iter().for_each(|&t| collect_classes(t, out))
        }
        TyKind::Union(items) => items.iter().for_each(|&t| collect_classes(t, out)),
        _ => {}
    }
}
