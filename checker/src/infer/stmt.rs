//! Statements: assignments, control flow (branches, loops with a fixpoint over the loop
//! head, `try`), returns, imports, function and class definitions.

use rustpython_parser::ast::{self, Ranged};

use crate::diagnostics::{Span, codes};
use crate::infer::builder::{FrameKind, Infer, LoopCtx, State};
use crate::infer::imports::catches_import_error;
use crate::types::class::builtin_instance;
use crate::types::relation::is_assignable;
use crate::types::{Ty, TyKind};

impl<'db, 'a> Infer<'db, 'a> {
    pub(super) fn stmts(&mut self, stmts: &'a [ast::Stmt]) {
        for stmt in stmts {
            self.stmt(stmt);
        }
    }

    fn stmt(&mut self, stmt: &'a ast::Stmt) {
        use ast::Stmt as S;
        match stmt {
            S::FunctionDef(_) | S::AsyncFunctionDef(_) => self.def_stmt(stmt),
            S::ClassDef(c) => self.class_stmt(c),
            S::Return(r) => {
                let ty = match &r.value {
                    Some(v) => self.infer_expr_expecting(v, self.frame().ret),
                    None => Ty::none(),
                };
                if let Some(ret) = self.frame().ret
                    && !self.frame().is_generator
                    && !is_assignable(self.db, ty, ret)
                {
                    let span = Span::from(r.value.as_ref().map_or(r.range, |v| v.range()));
                    self.report(
                        codes::BAD_RETURN_TYPE,
                        span,
                        format!(
                            "returned type `{}` is not assignable to the declared return type `{}`",
                            ty.display(),
                            ret.display()
                        ),
                    );
                }
                self.mark_unreachable();
            }
            S::Delete(d) => {
                for target in &d.targets {
                    match target {
                        ast::Expr::Name(n) => {
                            let frame = self.frame_mut();
                            if let Some(id) = frame.symbols.id(n.id.as_str())
                                && let Some(slot) = frame.state.vars.get_mut(id)
                            {
                                *slot = None;
                            }
                        }
                        other => {
                            self.infer_expr(other);
                        }
                    }
                }
            }
            S::Assign(a) => {
                // `Point = TypedDict("Point", {...})`: the class the declarations made.
                if let (FrameKind::Module, [ast::Expr::Name(n)], ast::Expr::Call(call)) =
                    (self.frame().kind, a.targets.as_slice(), &*a.value)
                    && crate::declare::functional::is_class_call(call)
                    && let Some(global) = self.decls.globals.get(n.id.as_str())
                    && matches!(global.ty.kind(), TyKind::ClassObject(_))
                {
                    let ty = global.ty;
                    self.record(Span::from(n.range), ty);
                    self.bind_name(n.id.as_str(), ty);
                    return;
                }
                let expected = match a.targets.first() {
                    Some(ast::Expr::Name(n)) if a.targets.len() == 1 => {
                        self.declared_type(n.id.as_str())
                    }
                    _ => None,
                };
                let ty = self.infer_expr_expecting(&a.value, expected);
                for target in &a.targets {
                    self.assign_target(target, ty, Span::from(a.value.range()));
                }
            }
            S::AugAssign(a) => {
                let current = self.infer_expr(&a.target);
                let value = self.infer_expr(&a.value);
                let result = self.binary_op(current, a.op, value, Span::from(a.range), true);
                if let ast::Expr::Name(_) = &*a.target {
                    self.assign_target(&a.target, result, Span::from(a.range));
                }
            }
            S::AnnAssign(a) => {
                // Module and class annotations were checked (and reported) by the declarations.
                let ann = if matches!(self.frame().kind, FrameKind::Module | FrameKind::Class) {
                    self.resolver().silent_annotation(&a.annotation)
                } else {
                    self.annotation_type(&a.annotation)
                };
                if let Some(value) = &a.value {
                    let declared = if ann.bare_final { None } else { Some(ann.ty) };
                    let ty = self.infer_expr_expecting(value, declared);
                    match &*a.target {
                        ast::Expr::Name(_) => {
                            self.assign_target(&a.target, ty, Span::from(value.range()))
                        }
                        other => {
                            if let Some(declared) = declared {
                                self.check_assignable(ty, declared, Span::from(value.range()));
                            }
                            self.assign_target(other, ty, Span::from(value.range()));
                        }
                    }
                } else if !matches!(&*a.target, ast::Expr::Name(_)) {
                    self.infer_expr(&a.target);
                }
            }
            S::For(s) => self.for_stmt(&s.target, &s.iter, &s.body, &s.orelse, false),
            S::AsyncFor(s) => self.for_stmt(&s.target, &s.iter, &s.body, &s.orelse, true),
            S::While(s) => self.while_stmt(&s.test, &s.body, &s.orelse),
            S::If(s) => {
                let (then_state, else_state) = self.condition(&s.test);
                self.set_state(then_state);
                self.stmts(&s.body);
                let after_body = self.take_state();
                self.set_state(else_state);
                self.stmts(&s.orelse);
                let after_else = self.take_state();
                let merged = self.merge(&after_body, &after_else);
                self.set_state(merged);
            }
            S::With(s) => {
                for item in &s.items {
                    let ty = self.infer_expr(&item.context_expr);
                    let entered =
                        self.enter_context(ty, false, Span::from(item.context_expr.range()));
                    if let Some(vars) = &item.optional_vars {
                        self.assign_target(vars, entered, Span::from(vars.range()));
                    }
                }
                self.stmts(&s.body);
            }
            S::AsyncWith(s) => {
                for item in &s.items {
                    let ty = self.infer_expr(&item.context_expr);
                    let entered =
                        self.enter_context(ty, true, Span::from(item.context_expr.range()));
                    if let Some(vars) = &item.optional_vars {
                        self.assign_target(vars, entered, Span::from(vars.range()));
                    }
                }
                self.stmts(&s.body);
            }
            S::Match(m) => self.match_stmt(m),
            S::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.infer_expr(e);
                }
                if let Some(c) = &r.cause {
                    self.infer_expr(c);
                }
                self.note_try_state();
                self.mark_unreachable();
            }
            S::Try(t) => self.try_stmt(&t.body, &t.handlers, &t.orelse, &t.finalbody),
            S::TryStar(t) => self.try_stmt(&t.body, &t.handlers, &t.orelse, &t.finalbody),
            S::Assert(a) => {
                let (then_state, _) = self.condition(&a.test);
                if let Some(msg) = &a.msg {
                    self.infer_expr(msg);
                }
                self.set_state(then_state);
            }
            S::Import(i) => self.import_stmt(i),
            S::ImportFrom(i) => self.import_from_stmt(i),
            S::Expr(e) => {
                let ty = self.infer_expr(&e.value);
                if ty.is_never() && matches!(&*e.value, ast::Expr::Call(_)) {
                    self.mark_unreachable();
                }
            }
            S::Break(_) => {
                let state = self.take_state();
                if let Some(ctx) = self.frame_mut().loops.last_mut() {
                    ctx.breaks.push(state);
                }
                self.mark_unreachable();
            }
            S::Continue(_) => {
                let state = self.take_state();
                if let Some(ctx) = self.frame_mut().loops.last_mut() {
                    ctx.continues.push(state);
                }
                self.mark_unreachable();
            }
            S::Global(_) | S::Nonlocal(_) | S::Pass(_) | S::TypeAlias(_) => {}
        }
    }

    /// Records the current state as one an exception could leave the innermost `try`
    /// body in.
    fn note_try_state(&mut self) {
        if self.silent > 0 && self.frame().try_states.is_empty() {
            return;
        }
        let state = self.take_state();
        if state.reachable
            && let Some(states) = self.frame_mut().try_states.last_mut()
        {
            states.push(state);
        }
    }

    /// Checks an assignment against a declared type.
    pub(super) fn check_assignable(&mut self, ty: Ty, declared: Ty, span: Span) -> bool {
        if is_assignable(self.db, ty, declared) {
            return true;
        }
        self.report(
            codes::BAD_ASSIGNMENT,
            span,
            format!(
                "type `{}` is not assignable to declared type `{}`",
                ty.display(),
                declared.display()
            ),
        );
        false
    }

    /// Assigns a value of type `ty` to a target.
    pub(super) fn assign_target(&mut self, target: &'a ast::Expr, ty: Ty, value_span: Span) {
        let span = Span::from(target.range());
        match target {
            ast::Expr::Name(n) => {
                let name = n.id.as_str();
                let declared = self.declared_type(name);
                let bound = match declared {
                    Some(declared) => {
                        if self.check_assignable(ty, declared, value_span) {
                            narrow_declared(self.db, declared, ty)
                        } else {
                            declared
                        }
                    }
                    None => ty,
                };
                if self.frame().kind == FrameKind::Module
                    && self.decls.globals.get(name).is_some_and(|g| g.is_final)
                    && let Some(id) = self.frame().symbols.id(name)
                    && self.state().vars.get(id).copied().flatten().is_some()
                {
                    self.report(
                        codes::FINAL_REASSIGNED,
                        span,
                        format!("`{name}` is `Final` and cannot be reassigned"),
                    );
                }
                self.record(span, bound);
                self.bind_name(name, bound);
            }
            ast::Expr::Attribute(a) => {
                let object = self.infer_expr(&a.value);
                self.assign_attribute(object, a.attr.as_str(), ty, span, value_span);
                if let Some(place) = super::narrow::place_of(target) {
                    let frame = self.frame_mut();
                    frame.state.places.retain(|(k, _)| *k != place);
                    frame.state.places.push((place, ty));
                }
            }
            ast::Expr::Subscript(s) => {
                let object = self.infer_expr(&s.value);
                let index = self.infer_expr(&s.slice);
                self.set_item(object, index, ty, span);
            }
            ast::Expr::Tuple(t) => self.unpack(&t.elts, ty, value_span),
            ast::Expr::List(l) => self.unpack(&l.elts, ty, value_span),
            ast::Expr::Starred(s) => {
                let list = builtin_instance(self.db, "list", vec![ty]);
                self.assign_target(&s.value, list, value_span);
            }
            other => {
                self.infer_expr(other);
            }
        }
    }

    fn unpack(&mut self, targets: &'a [ast::Expr], ty: Ty, value_span: Span) {
        if let TyKind::Tuple(crate::types::TupleTy::Fixed(items)) = ty.kind() {
            let star = targets
                .iter()
                .position(|t| matches!(t, ast::Expr::Starred(_)));
            if star.is_none() && items.len() == targets.len() {
                for (target, &item) in targets.iter().zip(items.iter()) {
                    self.assign_target(target, item, value_span);
                }
                return;
            }
        }
        let element = self.iterate(ty, value_span);
        for target in targets {
            match target {
                ast::Expr::Starred(s) => {
                    let list = builtin_instance(self.db, "list", vec![element]);
                    self.assign_target(&s.value, list, value_span);
                }
                other => self.assign_target(other, element, value_span),
            }
        }
    }

    fn for_stmt(
        &mut self,
        target: &'a ast::Expr,
        iter: &'a ast::Expr,
        body: &'a [ast::Stmt],
        orelse: &'a [ast::Stmt],
        is_async: bool,
    ) {
        let iter_ty = self.infer_expr(iter);
        let element = if is_async {
            Ty::unknown()
        } else {
            self.iterate(iter_ty, Span::from(iter.range()))
        };
        let entry = self.take_state();
        let head = self.loop_fixpoint(&entry, |this| {
            this.assign_target(target, element, Span::from(iter.range()));
            this.stmts(body);
        });
        self.set_state(head.clone());
        self.frame_mut().loops.push(LoopCtx::default());
        self.assign_target(target, element, Span::from(iter.range()));
        self.stmts(body);
        let ctx = self.frame_mut().loops.pop().unwrap_or_default();
        let _ = ctx.continues;
        self.set_state(head);
        self.stmts(orelse);
        let normal = self.take_state();
        let mut exits = vec![normal];
        exits.extend(ctx.breaks);
        let merged = self.merge_all(&exits);
        self.set_state(merged);
    }

    fn while_stmt(&mut self, test: &'a ast::Expr, body: &'a [ast::Stmt], orelse: &'a [ast::Stmt]) {
        let entry = self.take_state();
        let head = self.loop_fixpoint(&entry, |this| {
            let (then_state, _) = this.condition(test);
            this.set_state(then_state);
            this.stmts(body);
        });
        self.set_state(head);
        self.frame_mut().loops.push(LoopCtx::default());
        let (then_state, else_state) = self.condition(test);
        self.set_state(then_state);
        self.stmts(body);
        let ctx = self.frame_mut().loops.pop().unwrap_or_default();
        self.set_state(else_state);
        self.stmts(orelse);
        let normal = self.take_state();
        let mut exits = vec![normal];
        exits.extend(ctx.breaks);
        let merged = self.merge_all(&exits);
        self.set_state(merged);
    }

    /// Runs a loop body silently until the state at the loop head stops changing
    /// (at most a few passes), and returns that state.
    fn loop_fixpoint(&mut self, entry: &State, mut body: impl FnMut(&mut Self)) -> State {
        let mut head = entry.clone();
        for _ in 0..4 {
            self.silent += 1;
            self.set_state(head.clone());
            self.frame_mut().loops.push(LoopCtx::default());
            body(self);
            let ctx = self.frame_mut().loops.pop().unwrap_or_default();
            self.silent -= 1;
            let mut ends = vec![self.take_state()];
            ends.extend(ctx.continues);
            let end = self.merge_all(&ends);
            let next = self.merge(entry, &end);
            if next == head {
                break;
            }
            head = next;
        }
        head
    }

    fn try_stmt(
        &mut self,
        body: &'a [ast::Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [ast::Stmt],
        finalbody: &'a [ast::Stmt],
    ) {
        let entry = self.take_state();
        let guards_imports = handlers.iter().any(|h| {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            h.type_.as_deref().is_none_or(catches_import_error)
        });
        self.import_guards += u32::from(guards_imports);
        self.frame_mut().try_states.push(vec![entry.clone()]);
        for stmt in body {
            self.stmt(stmt);
            self.note_try_state();
        }
        self.import_guards -= u32::from(guards_imports);
        let states = self.frame_mut().try_states.pop().unwrap_or_default();
        let handler_entry = self.merge_all(&states);
        let handler_entry = if handler_entry.reachable {
            handler_entry
        } else {
            entry.clone()
        };
        self.stmts(orelse);
        let mut exits = vec![self.take_state()];
        for handler in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = handler;
            self.set_state(handler_entry.clone());
            let exc = match &h.type_ {
                Some(t) => {
                    let ty = self.infer_expr(t);
                    exception_instance(ty)
                }
                None => Ty::unknown(),
            };
            if let Some(name) = &h.name {
                self.bind_name(name.as_str(), exc);
            }
            self.stmts(&h.body);
            exits.push(self.take_state());
        }
        let merged = self.merge_all(&exits);
        if finalbody.is_empty() {
            self.set_state(merged);
            return;
        }
        let reachable = merged.reachable;
        let start = if reachable {
            merged
        } else {
            self.merge(&handler_entry, &merged)
        };
        self.set_state(start);
        self.stmts(finalbody);
        if !reachable {
            self.mark_unreachable();
        }
    }

    fn match_stmt(&mut self, m: &'a ast::StmtMatch) {
        let subject = self.infer_expr(&m.subject);
        let entry = self.take_state();
        let mut exits = Vec::new();
        let mut irrefutable = false;
        let place = super::narrow::place_of(&m.subject);
        for case in &m.cases {
            self.set_state(entry.clone());
            let narrowed = self.bind_pattern(&case.pattern, subject);
            // `case Point():` narrows the subject itself inside the case.
            if let Some(place) = &place
                && narrowed != subject
                && !narrowed.is_dynamic()
            {
                let mut state = self.take_state();
                self.narrow_place(&mut state, place, narrowed);
                self.set_state(state);
            }
            if let ast::Pattern::MatchAs(p) = &case.pattern
                && p.pattern.is_none()
                && case.guard.is_none()
            {
                irrefutable = true;
            }
            if let Some(guard) = &case.guard {
                let (then_state, _) = self.condition(guard);
                self.set_state(then_state);
            }
            self.stmts(&case.body);
            exits.push(self.take_state());
        }
        if !irrefutable {
            exits.push(entry);
        }
        let merged = self.merge_all(&exits);
        self.set_state(merged);
    }

    /// Binds the names of a pattern matched against a value of type `subject`; returns
    /// the subject's type where the pattern matches (class patterns narrow it).
    fn bind_pattern(&mut self, pattern: &'a ast::Pattern, subject: Ty) -> Ty {
        use ast::Pattern as P;
        match pattern {
            P::MatchAs(p) => {
                let ty = match &p.pattern {
                    Some(inner) => self.bind_pattern(inner, subject),
                    None => subject,
                };
                if let Some(name) = &p.name {
                    self.bind_name(name.as_str(), ty);
                }
                ty
            }
            P::MatchStar(p) => {
                if let Some(name) = &p.name {
                    let list = builtin_instance(self.db, "list", vec![Ty::unknown()]);
                    self.bind_name(name.as_str(), list);
                }
                subject
            }
            P::MatchValue(v) => {
                self.infer_expr(&v.value);
                subject
            }
            P::MatchSingleton(s) => match s.value {
                ast::Constant::None => Ty::none(),
                _ => subject,
            },
            P::MatchSequence(p) => {
                p.patterns.iter().for_each(|p| {
                    self.bind_pattern(p, Ty::unknown());
                });
                subject
            }
            P::MatchMapping(p) => {
                p.keys.iter().for_each(|k| {
                    self.infer_expr(k);
                });
                p.patterns.iter().for_each(|p| {
                    self.bind_pattern(p, Ty::unknown());
                });
                if let Some(rest) = &p.rest {
                    self.bind_name(rest.as_str(), Ty::unknown());
                }
                subject
            }
            P::MatchClass(p) => {
                let class = self.infer_expr(&p.cls);
                let narrowed = match class.kind() {
                    TyKind::ClassObject(_) => {
                        super::narrow::isinstance_split(self.db, subject, class).0
                    }
                    _ => Ty::unknown(),
                };
                p.patterns.iter().for_each(|p| {
                    self.bind_pattern(p, Ty::unknown());
                });
                for (attr, sub) in p.kwd_attrs.iter().zip(&p.kwd_patterns) {
                    let ty = if narrowed.is_never() || narrowed.is_dynamic() {
                        Ty::unknown()
                    } else {
                        self.member_of(narrowed, attr.as_str())
                            .unwrap_or_else(Ty::unknown)
                    };
                    self.bind_pattern(sub, ty);
                }
                narrowed
            }
            P::MatchOr(p) => Ty::union(
                p.patterns
                    .iter()
                    .map(|p| self.bind_pattern(p, subject))
                    .collect::<Vec<_>>(),
            ),
        }
    }
}

/// The part of a declared union that an assigned value can be (`int | None` assigned
/// `1` is `int` from here on); a non-union declared type stays as declared.
fn narrow_declared(db: &dyn crate::Db, declared: Ty, assigned: Ty) -> Ty {
    if assigned.is_dynamic() {
        return declared;
    }
    let members = declared.union_members();
    if members.len() < 2 {
        return declared;
    }
    let kept: Vec<Ty> = members
        .iter()
        .copied()
        .filter(|&m| {
            assigned
                .union_members()
                .iter()
                .any(|&a| is_assignable(db, a, m))
        })
        .collect();
    if kept.is_empty() {
        declared
    } else {
        Ty::union(kept)
    }
}

/// `except E as e`: `e` is an instance of `E` (or of each class of a tuple).
fn exception_instance(ty: Ty) -> Ty {
    match ty.kind() {
        TyKind::ClassObject(c) => Ty::instance(c.class, c.args.to_vec()),
        TyKind::Tuple(crate::types::TupleTy::Fixed(items)) => {
            Ty::union(items.iter().map(|&t| exception_instance(t)))
        }
        _ => Ty::unknown(),
    }
}
