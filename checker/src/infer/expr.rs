//! Expressions: constants, names, containers, comprehensions, lambdas, and dispatch to
//! `call`, `attr` and `ops` for the rest. Every inferred type is recorded by span.

use rustpython_parser::ast::{self, Ranged};

use crate::declare::shallow::constant_type;
use crate::diagnostics::{Span, codes};
use crate::index::ScopeSymbols;
use crate::infer::builder::{Frame, FrameKind, Infer};
use crate::types::class::{builtin_instance, join, typing_class, widen_literal};
use crate::types::relation::is_assignable;
use crate::types::{Param, ParamKind, Signature, Ty, TyKind};

impl<'db, 'a> Infer<'db, 'a> {
    /// Infers an expression and records its type.
    pub(super) fn infer_expr(&mut self, expr: &'a ast::Expr) -> Ty {
        self.infer_expr_expecting(expr, None)
    }

    /// Infers an expression where a value of type `expected` is wanted (containers
    /// displays take the expected type when their elements fit it).
    pub(super) fn infer_expr_expecting(&mut self, expr: &'a ast::Expr, expected: Option<Ty>) -> Ty {
        let ty = self.infer_inner(expr, expected);
        self.record(Span::from(expr.range()), ty);
        ty
    }

    fn infer_inner(&mut self, expr: &'a ast::Expr, expected: Option<Ty>) -> Ty {
        use ast::Expr as E;
        let span = Span::from(expr.range());
        match expr {
            E::Constant(c) => constant_type(self.db, &c.value),
            E::Name(n) => self.load_name(n.id.as_str(), span),
            E::Attribute(a) => {
                if !self.state().places.is_empty()
                    && let Some(place) = super::narrow::place_of(expr)
                    && let Some((_, ty)) = self.state().places.iter().find(|(k, _)| *k == place)
                {
                    let ty = *ty;
                    self.infer_expr(&a.value);
                    return ty;
                }
                let object = self.infer_expr(&a.value);
                if self.is_implicit_self(&a.value) || is_super_call(&a.value) {
                    return self
                        .member_of(object, a.attr.as_str())
                        .unwrap_or_else(Ty::unknown);
                }
                self.attribute(object, a.attr.as_str(), span)
            }
            E::Call(c) => self.call_expr(c, span),
            E::BoolOp(b) => self.bool_op(b),
            E::NamedExpr(n) => {
                let ty = self.infer_expr(&n.value);
                self.assign_target(&n.target, ty, span);
                ty
            }
            E::BinOp(b) => {
                let left = self.infer_expr(&b.left);
                let right = self.infer_expr(&b.right);
                self.binary_op(left, b.op, right, span, false)
            }
            E::UnaryOp(u) => {
                let operand = self.infer_expr(&u.operand);
                self.unary_op(u.op, operand, span)
            }
            E::Compare(c) => self.compare(c, span),
            E::IfExp(i) => {
                let (then_state, else_state) = self.condition(&i.test);
                let saved = self.take_state();
                self.set_state(then_state);
                let body = self.infer_expr_expecting(&i.body, expected);
                self.set_state(else_state);
                let orelse = self.infer_expr_expecting(&i.orelse, expected);
                self.set_state(saved);
                join(self.db, body, orelse)
            }
            E::Lambda(l) => self.lambda(l),
            E::Dict(d) => {
                if let Some(ty) = self.typed_dict_display(d, expected) {
                    return ty;
                }
                let mut keys = Vec::new();
                let mut values = Vec::new();
                for (k, v) in d.keys.iter().zip(&d.values) {
                    match k {
                        Some(k) => {
                            keys.push(self.infer_expr(k));
                            values.push(self.infer_expr(v));
                        }
                        None => {
                            self.infer_expr(v);
                        }
                    }
                }
                let key = self.element_type(keys);
                let value = self.element_type(values);
                self.container("dict", vec![key, value], expected)
            }
            E::Set(s) => {
                let items: Vec<Ty> = s.elts.iter().map(|e| self.infer_expr(e)).collect();
                let item = self.element_type(items);
                self.container("set", vec![item], expected)
            }
            E::List(l) => {
                let items: Vec<Ty> = l.elts.iter().map(|e| self.starred_element(e)).collect();
                let item = self.element_type(items);
                self.container("list", vec![item], expected)
            }
            E::Tuple(t) => {
                if t.elts.iter().any(|e| matches!(e, E::Starred(_))) {
                    let items: Vec<Ty> = t.elts.iter().map(|e| self.starred_element(e)).collect();
                    return Ty::variadic_tuple(self.element_type(items));
                }
                Ty::tuple(t.elts.iter().map(|e| self.infer_expr(e)).collect())
            }
            E::ListComp(c) => {
                let elt = self.comprehension(&c.generators, &[&c.elt]);
                self.container("list", vec![self.widen(elt[0])], expected)
            }
            E::SetComp(c) => {
                let elt = self.comprehension(&c.generators, &[&c.elt]);
                self.container("set", vec![self.widen(elt[0])], expected)
            }
            E::DictComp(c) => {
                let kv = self.comprehension(&c.generators, &[&c.key, &c.value]);
                self.container("dict", vec![self.widen(kv[0]), self.widen(kv[1])], expected)
            }
            E::GeneratorExp(c) => {
                let elt = self.comprehension(&c.generators, &[&c.elt]);
                match typing_class(self.db, "Generator") {
                    Some(class) => {
                        Ty::instance(class, vec![self.widen(elt[0]), Ty::none(), Ty::none()])
                    }
                    None => Ty::unknown(),
                }
            }
            E::Await(a) => {
                let ty = self.infer_expr(&a.value);
                await_type(ty)
            }
            E::Yield(y) => {
                if let Some(v) = &y.value {
                    self.infer_expr(v);
                }
                Ty::unknown()
            }
            E::YieldFrom(y) => {
                self.infer_expr(&y.value);
                Ty::unknown()
            }
            E::FormattedValue(f) => {
                self.infer_expr(&f.value);
                if let Some(spec) = &f.format_spec {
                    self.infer_expr(spec);
                }
                builtin_instance(self.db, "str", Vec::new())
            }
            E::JoinedStr(j) => {
                for v in &j.values {
                    self.infer_expr(v);
                }
                builtin_instance(self.db, "str", Vec::new())
            }
            E::Subscript(s) => {
                let object = self.infer_expr(&s.value);
                let index = self.infer_expr(&s.slice);
                self.subscript(object, index, &s.slice, span)
            }
            E::Starred(s) => {
                let inner = self.infer_expr(&s.value);
                let _ = inner;
                Ty::unknown()
            }
            E::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.infer_expr(part);
                }
                builtin_instance(self.db, "slice", Vec::new())
            }
        }
    }

    fn widen(&self, ty: Ty) -> Ty {
        widen_literal(self.db, ty)
    }

    /// The element type of a display: the join of its items, literals widened.
    fn element_type(&self, items: Vec<Ty>) -> Ty {
        let mut out: Option<Ty> = None;
        for item in items {
            let item = widen_literal(self.db, item);
            out = Some(match out {
                Some(acc) => join(self.db, acc, item),
                None => item,
            });
        }
        out.unwrap_or_else(Ty::unknown)
    }

    fn starred_element(&mut self, expr: &'a ast::Expr) -> Ty {
        match expr {
            ast::Expr::Starred(s) => {
                let ty = self.infer_expr(&s.value);
                self.iterate(ty, Span::from(s.range))
            }
            other => self.infer_expr(other),
        }
    }

    /// `list[...]` etc., or the expected type when the display fits it.
    fn container(&self, class: &str, args: Vec<Ty>, expected: Option<Ty>) -> Ty {
        // Static Python hook: a display built as a checked container.
        let checked = if self.static_module {
            crate::rules::static_python::hooks::checked_display_class(
                self.db, self.file, class, expected,
            )
        } else {
            None
        };
        let ty = match checked {
            Some(id) => Ty::instance(id, args),
            None => builtin_instance(self.db, class, args),
        };
        if let Some(expected) = expected {
            for member in expected.union_members() {
                // Elements are compared covariantly: `[Circle(), Square()]` is a
                // `list[Shape]` where one is expected.
                if let TyKind::Instance(c) = member.kind()
                    && !c.args.is_empty()
                    && let Some(t) = ty.as_instance()
                    && t.class == c.class
                    && t.args.len() == c.args.len()
                    && t.args
                        .iter()
                        .zip(c.args.iter())
                        .all(|(&a, &e)| is_assignable(self.db, a, e))
                {
                    return *member;
                }
            }
            if let Some(t) = ty.as_instance()
                && t.args.iter().all(|a| a.is_unknown())
            {
                for member in expected.union_members() {
                    if member.as_instance().is_some_and(|m| m.class == t.class) {
                        return *member;
                    }
                }
            }
        }
        ty
    }

    fn bool_op(&mut self, b: &'a ast::ExprBoolOp) -> Ty {
        let saved = self.take_state();
        let is_and = matches!(b.op, ast::BoolOp::And);
        let mut result: Vec<Ty> = Vec::new();
        let last = b.values.len().saturating_sub(1);
        for (i, value) in b.values.iter().enumerate() {
            if i == last {
                result.push(self.infer_expr(value));
                break;
            }
            let ty = self.infer_expr(value);
            // The value short-circuits when falsy (`and`) or truthy (`or`).
            let part = if is_and {
                super::narrow::falsy_part(self.db, ty)
            } else {
                super::narrow::truthy_part(self.db, ty)
            };
            result.push(part);
            let (then_state, else_state) = self.condition_after(value, ty);
            self.set_state(if is_and { then_state } else { else_state });
        }
        self.set_state(saved);
        let mut out = Ty::never();
        for ty in result {
            out = join(self.db, out, ty);
        }
        out
    }

    fn lambda(&mut self, l: &'a ast::ExprLambda) -> Ty {
        for arg in l
            .args
            .posonlyargs
            .iter()
            .chain(&l.args.args)
            .chain(&l.args.kwonlyargs)
        {
            if let Some(d) = &arg.default {
                self.infer_expr(d);
            }
        }
        let body: &'a [ast::Stmt] = &[];
        let frame = Frame::new(FrameKind::Lambda, ScopeSymbols::of_function(&l.args, body));
        self.frames.push(frame);
        let mut params = Vec::new();
        for (arg, kind) in l
            .args
            .posonlyargs
            .iter()
            .map(|a| (a, ParamKind::PositionalOnly))
            .chain(
                l.args
                    .args
                    .iter()
                    .map(|a| (a, ParamKind::PositionalOrKeyword)),
            )
            .chain(
                l.args
                    .kwonlyargs
                    .iter()
                    .map(|a| (a, ParamKind::KeywordOnly)),
            )
        {
            self.bind_name(arg.def.arg.as_str(), Ty::unknown());
            params.push(Param {
                name: Some(arg.def.arg.as_str().into()),
                kind,
                ty: Ty::unknown(),
                annotated: false,
                has_default: arg.default.is_some(),
            });
        }
        for (arg, kind) in [
            (&l.args.vararg, ParamKind::VarPositional),
            (&l.args.kwarg, ParamKind::VarKeyword),
        ] {
            if let Some(arg) = arg {
                self.bind_name(arg.arg.as_str(), Ty::unknown());
                params.push(Param {
                    name: Some(arg.arg.as_str().into()),
                    kind,
                    ty: Ty::unknown(),
                    annotated: false,
                    has_default: false,
                });
            }
        }
        let ret = self.infer_expr(&l.body);
        self.frames.pop();
        Ty::callable(Signature {
            params: params.into_boxed_slice(),
            ret,
            gradual: false,
        })
    }

    /// Infers a comprehension's generators in a new frame, then `elements`.
    fn comprehension(
        &mut self,
        generators: &'a [ast::Comprehension],
        elements: &[&'a ast::Expr],
    ) -> Vec<Ty> {
        let mut symbols = ScopeSymbols::default();
        for g in generators {
            for name in crate::declare::symbols::target_names(&g.target) {
                symbols
                    .names
                    .entry(name)
                    .or_default()
                    .flags
                    .insert(crate::index::SymbolFlags::BOUND);
            }
        }
        let mut first = true;
        let mut pushed = false;
        for g in generators {
            let iter = self.infer_expr(&g.iter);
            if first {
                self.frames.push(Frame::new(
                    FrameKind::Comprehension,
                    std::mem::take(&mut symbols),
                ));
                pushed = true;
                first = false;
            }
            let element = if g.is_async {
                Ty::unknown()
            } else {
                self.iterate(iter, Span::from(g.iter.range()))
            };
            self.assign_target(&g.target, element, Span::from(g.iter.range()));
            for cond in &g.ifs {
                let (then_state, _) = self.condition(cond);
                self.set_state(then_state);
            }
        }
        let out = elements.iter().map(|e| self.infer_expr(e)).collect();
        if pushed {
            self.frames.pop();
        }
        out
    }

    /// `reveal_type(x)`: reports the type.
    pub(super) fn reveal(&mut self, ty: Ty, span: Span) {
        self.report(
            codes::REVEAL_TYPE,
            span,
            format!("revealed type: `{}`", ty.display()),
        );
    }
}

/// The result of `await`.
fn await_type(ty: Ty) -> Ty {
    match ty.kind() {
        TyKind::Instance(c) if c.class.qualname() == "Coroutine" => {
            c.args.get(2).copied().unwrap_or_else(Ty::unknown)
        }
        TyKind::Instance(c) if matches!(c.class.qualname(), "Awaitable" | "Future" | "Task") => {
            c.args.first().copied().unwrap_or_else(Ty::unknown)
        }
        _ => Ty::unknown(),
    }
}

/// `super()` or `super(C, obj)`: what follows the class in the MRO of the runtime class,
/// which a cooperative mixin cannot know, so its missing attributes are not reported.
fn is_super_call(expr: &ast::Expr) -> bool {
    matches!(expr, ast::Expr::Call(c) if matches!(&*c.func, ast::Expr::Name(n) if n.id.as_str() == "super"))
}
