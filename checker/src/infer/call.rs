//! Calls: matching arguments to parameters (positional, keyword, defaults, `*args`,
//! `**kwargs`, keyword-only, positional-only), argument types, solving type variables,
//! overloads, constructors, and the special functions (`reveal_type`, `cast`, `super`).

use rustpython_parser::ast::{self, Ranged};

use crate::diagnostics::{Diagnostic, Span, codes};
use crate::infer::CallTarget;
use crate::infer::builder::{Infer, special_form};
use crate::types::class::{builtin_instance, lookup_member, mro_of, upcast};
use crate::types::relation::is_assignable;
use crate::types::{ClassTy, ParamKind, Signature, SpecialForm, Substitution, TupleTy, Ty, TyKind};

/// One argument of a call, inferred.
#[derive(Clone, Copy)]
pub(super) struct Arg<'n> {
    pub kind: ArgKind<'n>,
    pub ty: Ty,
    pub span: Span,
}

#[derive(Clone, Copy)]
pub(super) enum ArgKind<'n> {
    Positional,
    Star,
    Keyword(&'n str),
    DoubleStar,
}

impl<'db, 'a> Infer<'db, 'a> {
    pub(super) fn call_expr(&mut self, call: &'a ast::ExprCall, span: Span) -> Ty {
        // `super()` with no arguments inside a method.
        if let ast::Expr::Name(n) = &*call.func
            && n.id.as_str() == "super"
            && call.args.is_empty()
            && let Some(class) = self.current_class()
            && let Some(decl) = crate::declare::class_decl(self.db, class)
        {
            let own = decl.self_instance();
            if let Some(c) = own.as_instance()
                && let Some(parent) = mro_of(self.db, c).into_iter().nth(1)
            {
                self.record(Span::from(call.func.range()), Ty::unknown());
                return Ty::instance(parent.class, parent.args.to_vec());
            }
        }
        let callee = self.infer_expr(&call.func);
        if let TyKind::ClassObject(c) = callee.kind()
            && crate::types::class::is_builtin(self.db, c.class, "super")
        {
            let args: Vec<Ty> = call.args.iter().map(|a| self.infer_expr(a)).collect();
            // `super(C, obj)`: the class after `C` in `C`'s MRO.
            if let [first, _] = args.as_slice()
                && let TyKind::ClassObject(c) = first.kind()
                && let Some(parent) = mro_of(self.db, c).into_iter().nth(1)
            {
                return Ty::instance(parent.class, parent.args.to_vec());
            }
            return Ty::unknown();
        }
        if let TyKind::ClassObject(c) = callee.kind()
            && crate::types::class::is_builtin(self.db, c.class, "type")
            && call.args.len() == 1
            && call.keywords.is_empty()
        {
            let arg = self.infer_expr(&call.args[0]);
            return match arg.kind() {
                TyKind::Instance(c) | TyKind::Exact(c) => {
                    Ty::class_object(c.class, c.args.to_vec())
                }
                _ => Ty::unknown(),
            };
        }
        if let Some(form) = special_form(callee) {
            match form {
                SpecialForm::RevealType => {
                    let ty = call
                        .args
                        .first()
                        .map_or_else(Ty::unknown, |a| self.infer_expr(a));
                    self.reveal(ty, span);
                    return ty;
                }
                SpecialForm::Cast => {
                    let target = call.args.first().map(|a| self.annotation_type(a).ty);
                    if let Some(value) = call.args.get(1) {
                        self.infer_expr(value);
                    }
                    return target.unwrap_or_else(Ty::unknown);
                }
                SpecialForm::IdentityDecorator => {
                    return call
                        .args
                        .first()
                        .map_or_else(Ty::unknown, |a| self.infer_expr(a));
                }
                _ => {
                    for a in &call.args {
                        self.infer_expr(a);
                    }
                    for k in &call.keywords {
                        self.infer_expr(&k.value);
                    }
                    return Ty::unknown();
                }
            }
        }
        let sig = self.signature_for_expectations(callee);
        let mut args = Vec::new();
        let mut position = 0;
        for a in &call.args {
            match a {
                ast::Expr::Starred(s) => {
                    let ty = self.infer_expr(&s.value);
                    args.push(Arg {
                        kind: ArgKind::Star,
                        ty,
                        span: Span::from(a.range()),
                    });
                }
                other => {
                    let expected = sig.as_ref().and_then(|s| expected_positional(s, position));
                    position += 1;
                    let ty = self.infer_expr_expecting(other, expected);
                    args.push(Arg {
                        kind: ArgKind::Positional,
                        ty,
                        span: Span::from(other.range()),
                    });
                }
            }
        }
        for k in &call.keywords {
            let expected = match (&sig, &k.arg) {
                (Some(s), Some(name)) => expected_keyword(s, name.as_str()),
                _ => None,
            };
            let ty = self.infer_expr_expecting(&k.value, expected);
            let kind = match &k.arg {
                Some(name) => ArgKind::Keyword(name.as_str()),
                None => ArgKind::DoubleStar,
            };
            args.push(Arg {
                kind,
                ty,
                span: Span::from(k.range),
            });
        }
        let target = call_target(callee);
        self.calls.push((span, target));
        // Static Python hook: primitive constructors (`int64(x)`), `box`, `unbox`.
        if self.static_module {
            // A call may change any attribute: attribute narrowing ends here.
            self.frame_mut()
                .state
                .places
                .retain(|(k, _)| !k.contains('.'));
            let arg_types: Vec<Ty> = args.iter().map(|a| a.ty).collect();
            if let Some(ty) =
                crate::rules::static_python::hooks::call_type(self.db, callee, &arg_types)
            {
                return ty;
            }
        }
        self.call(callee, &args, span)
    }

    /// The signature whose parameter types guide the inference of the arguments
    /// (container displays take the parameter's type when their elements fit).
    fn signature_for_expectations(&mut self, callee: Ty) -> Option<Signature> {
        match callee.kind() {
            TyKind::Function(f) => Some(f.sig.clone()),
            TyKind::BoundMethod { func, .. } => match func.kind() {
                TyKind::Function(f) => Some(f.sig.bind_first()),
                _ => None,
            },
            TyKind::ClassObject(c) if c.args.is_empty() => {
                let init = lookup_member(self.db, c, "__init__")?;
                match init.ty().kind() {
                    TyKind::Function(f) => Some(f.sig.bind_first()),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Calls a value of type `callee` with `args`; the call's result type.
    pub(super) fn call(&mut self, callee: Ty, args: &[Arg<'_>], span: Span) -> Ty {
        match callee.kind() {
            TyKind::Any | TyKind::Unknown => Ty::unknown(),
            TyKind::Never => Ty::never(),
            TyKind::Function(f) if is_object_constructor(self.db, f) => f.sig.ret,
            TyKind::Function(f) => {
                let name = f.name.clone();
                self.call_signature(&f.sig, &name, args, span, None)
            }
            TyKind::Callable(sig) => self.call_signature(sig, "callable", args, span, None),
            TyKind::BoundMethod { self_ty, func } => match func.kind() {
                TyKind::Function(f) if is_object_constructor(self.db, f) => f.sig.ret,
                TyKind::Function(f) => {
                    let bound = f.sig.bind_first();
                    let mut subst = Substitution::new();
                    if let Some(first) = f.sig.params.first() {
                        // `cls: type[T]` is declared as `T`: a class object binds its instance.
                        let receiver = match self_ty.kind() {
                            TyKind::ClassObject(c)
                                if f.flags.is_classmethod
                                    && matches!(first.ty.kind(), TyKind::TypeVar(_)) =>
                            {
                                Ty::instance(c.class, c.args.to_vec())
                            }
                            _ => *self_ty,
                        };
                        solve(self.db, first.ty, receiver, &mut subst);
                    }
                    let name = f.name.clone();
                    self.call_signature(&bound, &name, args, span, Some(subst))
                }
                _ => Ty::unknown(),
            },
            TyKind::Overloaded(items) => self.call_overloaded(items, args, span),
            TyKind::ClassObject(c) => self.construct(c, args, span),
            TyKind::Union(_) if callee.has_dynamic() => Ty::unknown(),
            TyKind::Union(members) => {
                let results: Vec<Ty> = members.iter().map(|&m| self.call(m, args, span)).collect();
                Ty::union(results)
            }
            TyKind::Instance(c) => match lookup_member(self.db, c, "__call__") {
                Some(found) => {
                    let method = Ty::bound_method(callee, found.ty());
                    self.call(method, args, span)
                }
                None if crate::types::class::has_dynamic_ancestry(self.db, c) => Ty::unknown(),
                None => {
                    if crate::types::class::is_builtin(self.db, c.class, "type") {
                        return Ty::unknown();
                    }
                    self.report(
                        codes::NOT_CALLABLE,
                        span,
                        format!("object of type `{}` is not callable", callee.display()),
                    );
                    Ty::unknown()
                }
            },
            TyKind::TypeVar(tv) => match tv.bound {
                Some(bound) => self.call(bound, args, span),
                None => Ty::unknown(),
            },
            // `cls()` where `cls: type[T]` makes a `T` (the bound's constructor checks
            // the arguments).
            TyKind::ClassOfVar(var) => {
                if let TyKind::TypeVar(tv) = var.kind()
                    && let Some(bound) = tv.bound
                {
                    let class = Ty::class_of(bound);
                    if matches!(class.kind(), TyKind::ClassObject(_)) {
                        self.call(class, args, span);
                    }
                }
                *var
            }
            TyKind::None | TyKind::Literal(_) | TyKind::Tuple(_) | TyKind::Module(_) => {
                self.report(
                    codes::NOT_CALLABLE,
                    span,
                    format!("object of type `{}` is not callable", callee.display()),
                );
                Ty::unknown()
            }
            _ => Ty::unknown(),
        }
    }

    fn call_overloaded(&mut self, items: &[Ty], args: &[Arg<'_>], span: Span) -> Ty {
        // The errors of the overloads tried before the one that matches do not count.
        let errors_at_start = self.call_errors;
        for &item in items {
            let before = self.diags.len();
            self.silent += 1;
            let errors_before = self.call_errors;
            let ty = self.call(item, args, span);
            self.silent -= 1;
            let failed = self.call_errors != errors_before;
            self.diags.truncate(before);
            if !failed {
                self.call_errors = errors_at_start;
                return ty;
            }
        }
        if items.is_empty() {
            return Ty::unknown();
        }
        self.call_errors = errors_at_start + 1;
        self.report(
            codes::NO_MATCHING_OVERLOAD,
            span,
            format!(
                "no overload of `{}` matches the arguments",
                items[0].display()
            ),
        );
        Ty::unknown()
    }

    /// Calls a class: its `__init__` (or `__new__`) with the new instance bound.
    fn construct(&mut self, class: &ClassTy, args: &[Arg<'_>], span: Span) -> Ty {
        if crate::types::class::is_enum(self.db, class) {
            // `Color(1)` looks a member up by value (the metaclass's `__call__`).
            return Ty::instance(class.class, Vec::new());
        }
        let params = crate::declare::class_decl(self.db, class.class)
            .map(|d| d.type_params.clone())
            .unwrap_or_default();
        let instance_args: Vec<Ty> = if class.args.is_empty() {
            params.to_vec()
        } else {
            class.args.to_vec()
        };
        let instance = Ty::instance(class.class, instance_args.clone());
        let generic = ClassTy {
            class: class.class,
            args: instance_args.clone().into_boxed_slice(),
        };
        let class = &generic;
        let init = lookup_member(self.db, class, "__init__")
            .filter(|f| !crate::types::class::is_builtin(self.db, f.owner, "object"));
        let new = lookup_member(self.db, class, "__new__")
            .filter(|f| !crate::types::class::is_builtin(self.db, f.owner, "object"));
        let method = match (init, new) {
            (Some(init), _) => Some((init.ty(), false)),
            (None, Some(new)) => Some((new.ty(), true)),
            (None, None) => None,
        };
        let Some((method, is_new)) = method else {
            if args
                .iter()
                .any(|a| matches!(a.kind, ArgKind::Positional | ArgKind::Keyword(_)))
                && !crate::types::class::has_dynamic_ancestry(self.db, class)
                && !crate::types::class::is_abstract(self.db, class)
                && !crate::types::class::is_builtin(self.db, class.class, "object")
                && crate::declare::class_decl(self.db, class.class).is_some()
            {
                self.report(
                    codes::TOO_MANY_POSITIONAL,
                    span,
                    format!("`{}()` takes no arguments", class.class.name()),
                );
            }
            return instance;
        };
        let mut subst = Substitution::new();
        let result = match method.kind() {
            TyKind::Function(f) => {
                // `__init__` binds the new instance, `__new__` the class: both drop one.
                let _ = is_new;
                let sig = Signature {
                    ret: instance,
                    ..f.sig.bind_first()
                };
                self.call_signature_with(&sig, class.class.name(), args, span, &mut subst)
            }
            TyKind::Overloaded(items) => {
                let bound: Vec<Ty> = items
                    .iter()
                    .map(|&i| Ty::bound_method(instance, i))
                    .collect();
                self.call_overloaded(&bound, args, span);
                instance
            }
            _ => instance,
        };
        let _ = result;
        if params.is_empty() || instance_args != params.to_vec() {
            return instance;
        }
        let solved: Vec<Ty> = params
            .iter()
            .map(|&p| subst.get(p).map_or_else(Ty::unknown, |t| widen(self, t)))
            .collect();
        Ty::instance(class.class, solved)
    }

    fn call_signature(
        &mut self,
        sig: &Signature,
        name: &str,
        args: &[Arg<'_>],
        span: Span,
        subst: Option<Substitution>,
    ) -> Ty {
        let mut subst = subst.unwrap_or_default();
        let ret = self.call_signature_with(sig, name, args, span, &mut subst);
        subst.apply(ret)
    }

    /// Matches arguments to parameters and checks their types; returns the declared
    /// return type (type variables solved into `subst`).
    fn call_signature_with(
        &mut self,
        sig: &Signature,
        name: &str,
        args: &[Arg<'_>],
        span: Span,
        subst: &mut Substitution,
    ) -> Ty {
        if sig.gradual {
            return sig.ret;
        }
        let params = &sig.params;
        let mut filled = vec![false; params.len()];
        let mut star_filled = vec![false; params.len()];
        let mut pairs: Vec<(usize, Ty, Span)> = Vec::new();
        let positional: Vec<usize> = params
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind.is_positional())
            .map(|(i, _)| i)
            .collect();
        let var_positional = params
            .iter()
            .position(|p| p.kind == ParamKind::VarPositional);
        let var_keyword = params.iter().position(|p| p.kind == ParamKind::VarKeyword);
        let mut next = 0;
        let mut saw_star = false;
        let mut saw_double_star = false;
        for arg in args {
            match arg.kind {
                ArgKind::Positional => {
                    if let Some(&i) = positional.get(next) {
                        filled[i] = true;
                        pairs.push((i, arg.ty, arg.span));
                        next += 1;
                    } else if let Some(i) = var_positional {
                        pairs.push((i, arg.ty, arg.span));
                    } else {
                        self.call_error(
                            codes::TOO_MANY_POSITIONAL,
                            arg.span,
                            format!(
                                "`{name}` takes {} positional argument(s) but more were given",
                                positional.len()
                            ),
                        );
                    }
                }
                ArgKind::Star => {
                    saw_star = true;
                    let element = match arg.ty.kind() {
                        TyKind::Tuple(TupleTy::Fixed(items)) => Ty::union(items.iter().copied()),
                        _ => Ty::unknown(),
                    };
                    for &i in positional.iter().skip(next) {
                        if !filled[i] {
                            star_filled[i] = true;
                            let _ = element;
                        }
                    }
                }
                ArgKind::Keyword(keyword) => {
                    let found = params.iter().position(|p| {
                        p.name.as_deref() == Some(keyword)
                            && matches!(
                                p.kind,
                                ParamKind::PositionalOrKeyword | ParamKind::KeywordOnly
                            )
                    });
                    match found {
                        Some(i) if filled[i] => self.call_error(
                            codes::PARAMETER_ALREADY_ASSIGNED,
                            arg.span,
                            format!("`{name}` got multiple values for parameter `{keyword}`"),
                        ),
                        Some(i) => {
                            filled[i] = true;
                            pairs.push((i, arg.ty, arg.span));
                        }
                        None => match var_keyword {
                            Some(i) => pairs.push((i, arg.ty, arg.span)),
                            None => self.call_error(
                                codes::UNKNOWN_ARGUMENT,
                                arg.span,
                                format!("`{name}` has no parameter named `{keyword}`"),
                            ),
                        },
                    }
                }
                ArgKind::DoubleStar => saw_double_star = true,
            }
        }
        let missing: Vec<&str> = params
            .iter()
            .enumerate()
            .filter(|(i, p)| {
                !filled[*i]
                    && !star_filled[*i]
                    && !p.has_default
                    && match p.kind {
                        ParamKind::PositionalOnly => !saw_star,
                        ParamKind::PositionalOrKeyword => !saw_star && !saw_double_star,
                        ParamKind::KeywordOnly => !saw_double_star,
                        _ => false,
                    }
            })
            .filter_map(|(_, p)| p.name.as_deref())
            .collect();
        if !missing.is_empty() {
            let list = missing
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ");
            self.call_error(
                codes::MISSING_ARGUMENT,
                span,
                format!("`{name}` is missing argument(s) {list}"),
            );
        }
        // Solve type variables from all arguments first, then check each.
        for &(i, ty, _) in &pairs {
            solve(self.db, params[i].ty, ty, subst);
        }
        // Type variables of the callee that no argument determined become `Unknown`.
        let mut callee_vars = Vec::new();
        for p in params.iter() {
            crate::types::subst::collect_type_vars(p.ty, &mut callee_vars);
        }
        crate::types::subst::collect_type_vars(sig.ret, &mut callee_vars);
        for var in callee_vars {
            if subst.get(var).is_none() {
                subst.bind(var, Ty::unknown());
            }
        }
        for (i, ty, arg_span) in pairs {
            let param = &params[i];
            // Unannotated parameters (an implicit `self` included) accept anything.
            if !param.annotated || ty.has_dynamic() {
                continue;
            }
            let expected = subst.apply(param.ty);
            // A type variable solved to something outside its bound.
            let var = match param.ty.kind() {
                TyKind::ClassOfVar(var) => *var,
                _ => param.ty,
            };
            if let TyKind::TypeVar(tv) = var.kind()
                && let Some(bound) = tv.bound
                // (Protocol bounds are left to the parameter check: stubs model them loosely.)
                && !bound.as_instance().is_some_and(|c| {
                    crate::declare::class_decl(self.db, c.class).is_some_and(|d| d.flags.is_protocol)
                })
                && let Some(solved) = subst.get(var)
                && !solved.has_dynamic()
                && !is_assignable(self.db, solved, bound)
            {
                let pname = param.name.as_deref().unwrap_or("?");
                self.call_error(
                    codes::BAD_ARGUMENT_TYPE,
                    arg_span,
                    format!(
                        "argument of type `{}` is not assignable to parameter `{pname}` of type `{}` in call to `{name}` (`{}` is bounded by `{}`)",
                        ty.display(),
                        param.ty.display(),
                        tv.name,
                        bound.display()
                    ),
                );
                continue;
            }
            if !is_assignable(self.db, ty, expected) {
                let pname = param.name.as_deref().unwrap_or("?");
                self.call_error(
                    codes::BAD_ARGUMENT_TYPE,
                    arg_span,
                    format!(
                        "argument of type `{}` is not assignable to parameter `{pname}` of type `{}` in call to `{name}`",
                        ty.display(),
                        expected.display()
                    ),
                );
            }
        }
        sig.ret
    }

    fn call_error(&mut self, code: crate::Code, span: Span, message: String) {
        self.call_errors += 1;
        self.report_diag(Diagnostic::new(code, span, message));
    }
}

fn widen(infer: &Infer<'_, '_>, ty: Ty) -> Ty {
    crate::types::class::widen_literal(infer.db, ty)
}

/// Binds the type variables of `param` by matching `arg` against it.
pub(crate) fn solve(db: &dyn crate::Db, param: Ty, arg: Ty, subst: &mut Substitution) {
    solve_depth(db, param, arg, subst, 0);
}

fn solve_depth(db: &dyn crate::Db, param: Ty, arg: Ty, subst: &mut Substitution, depth: u32) {
    if depth > 12 || arg.is_never() {
        return;
    }
    let d = depth + 1;
    match (param.kind(), arg.kind()) {
        (TyKind::TypeVar(_), _) => {
            let arg = crate::types::class::widen_literal(db, arg);
            subst.bind(param, arg);
        }
        // `type[T]` against `type[C]` binds `T` to `C`.
        (TyKind::ClassOfVar(var), TyKind::ClassObject(c)) => {
            subst.bind(*var, Ty::instance(c.class, c.args.to_vec()));
        }
        (TyKind::ClassOfVar(var), TyKind::ClassOfVar(other)) => subst.bind(*var, *other),
        (TyKind::Union(members), _) => {
            // `T | None` against `int | None` binds `T` to `int`.
            let non_var: Vec<Ty> = members
                .iter()
                .copied()
                .filter(|m| !matches!(m.kind(), TyKind::TypeVar(_)))
                .collect();
            let vars: Vec<Ty> = members
                .iter()
                .copied()
                .filter(|m| matches!(m.kind(), TyKind::TypeVar(_)))
                .collect();
            let rest = Ty::union(
                arg.union_members()
                    .iter()
                    .copied()
                    .filter(|a| !non_var.contains(a)),
            );
            for var in vars {
                if !rest.is_never() {
                    solve_depth(db, var, rest, subst, d);
                }
            }
            for m in non_var {
                for &a in arg.union_members() {
                    solve_depth(db, m, a, subst, d);
                }
            }
        }
        (TyKind::Instance(p), TyKind::Instance(a)) => {
            if let Some(args) = upcast(db, a, p.class) {
                for (&pp, &aa) in p.args.iter().zip(args.iter()) {
                    solve_depth(db, pp, aa, subst, d);
                }
            } else {
                solve_protocol(db, p, a, subst, d);
            }
        }
        (TyKind::Instance(p), TyKind::Tuple(t)) => {
            let element = match t {
                TupleTy::Fixed(items) => Ty::union(items.iter().copied()),
                TupleTy::Variadic(item) => *item,
            };
            let as_instance = builtin_instance(db, "tuple", vec![element]);
            if let TyKind::Instance(a) = as_instance.kind()
                && let Some(args) = upcast(db, a, p.class)
            {
                for (&pp, &aa) in p.args.iter().zip(args.iter()) {
                    solve_depth(db, pp, aa, subst, d);
                }
            }
        }
        (TyKind::Instance(p), TyKind::Literal(lit)) => {
            let fallback = crate::types::class::literal_fallback(db, lit);
            if let TyKind::Instance(a) = fallback.kind()
                && let Some(args) = upcast(db, a, p.class)
            {
                for (&pp, &aa) in p.args.iter().zip(args.iter()) {
                    solve_depth(db, pp, aa, subst, d);
                }
            }
        }
        (TyKind::ClassObject(p), TyKind::ClassObject(a)) => {
            if let Some(&pp) = p.args.first() {
                let _ = pp;
            }
            let _ = a;
        }
        (TyKind::Tuple(TupleTy::Fixed(p)), TyKind::Tuple(TupleTy::Fixed(a)))
            if p.len() == a.len() =>
        {
            for (&pp, &aa) in p.iter().zip(a.iter()) {
                solve_depth(db, pp, aa, subst, d);
            }
        }
        (TyKind::Tuple(TupleTy::Variadic(p)), TyKind::Tuple(t)) => {
            let element = match t {
                TupleTy::Fixed(items) => Ty::union(items.iter().copied()),
                TupleTy::Variadic(item) => *item,
            };
            solve_depth(db, *p, element, subst, d);
        }
        (TyKind::Callable(p), TyKind::Function(f)) => {
            solve_signature(db, p, &f.sig, subst, d);
        }
        (TyKind::Callable(p), TyKind::Callable(a)) => solve_signature(db, p, a, subst, d),
        (TyKind::Callable(p), TyKind::BoundMethod { func, .. }) => {
            if let TyKind::Function(f) = func.kind() {
                solve_signature(db, p, &f.sig.bind_first(), subst, d);
            }
        }
        _ => {}
    }
    // `type[T]` against a class object.
    if let (TyKind::ClassObject(_), _) = (param.kind(), arg.kind()) {}
}

/// Solves a callable parameter type against a callable argument: the return types, the
/// positional parameter types, and a `ParamSpec` (bound to the argument's parameters).
fn solve_signature(
    db: &dyn crate::Db,
    param: &Signature,
    arg: &Signature,
    subst: &mut Substitution,
    depth: u32,
) {
    solve_depth(db, param.ret, arg.ret, subst, depth);
    match param.param_spec() {
        Some(spec) => {
            let rest = Signature {
                params: arg.params.clone(),
                ret: Ty::unknown(),
                gradual: arg.gradual,
            };
            subst.bind(spec, Ty::callable(rest));
        }
        None if !param.gradual && !arg.gradual => {
            for (p, a) in param.params.iter().zip(arg.params.iter()) {
                if a.annotated {
                    solve_depth(db, p.ty, a.ty, subst, depth);
                }
            }
        }
        None => {}
    }
}

/// What codegen may bind a call to.
fn call_target(callee: Ty) -> CallTarget {
    match callee.kind() {
        TyKind::Function(f) => match &f.def {
            Some(def) => CallTarget::Function(def.clone()),
            None => CallTarget::Dynamic,
        },
        TyKind::BoundMethod { func, .. } => match func.kind() {
            TyKind::Function(f) => match &f.def {
                Some(def) => CallTarget::Method {
                    function: def.clone(),
                },
                None => CallTarget::Dynamic,
            },
            _ => CallTarget::Dynamic,
        },
        TyKind::ClassObject(c) => CallTarget::Constructor(c.class),
        _ => CallTarget::Dynamic,
    }
}

/// `object.__new__` / `object.__init__`, reached through `super()`: their arity depends
/// on the subclass, so they accept anything.
fn is_object_constructor(db: &dyn crate::Db, f: &crate::types::FunctionTy) -> bool {
    f.def.as_ref().is_some_and(|def| {
        matches!(&*def.qualname, "object.__new__" | "object.__init__")
            && Some(def.file) == crate::declare::names::builtins_file(db)
    })
}

/// The declared type of the parameter that positional argument `index` goes to (when
/// it mentions no type variable).
fn expected_positional(sig: &Signature, index: usize) -> Option<Ty> {
    let param = sig
        .params
        .iter()
        .filter(|p| p.kind.is_positional())
        .nth(index)
        .or_else(|| {
            sig.params
                .iter()
                .find(|p| p.kind == ParamKind::VarPositional)
        })?;
    concrete(param)
}

/// The declared type of the parameter that keyword argument `name` goes to.
fn expected_keyword(sig: &Signature, name: &str) -> Option<Ty> {
    let param = sig
        .params
        .iter()
        .find(|p| {
            p.name.as_deref() == Some(name)
                && matches!(
                    p.kind,
                    ParamKind::PositionalOrKeyword | ParamKind::KeywordOnly
                )
        })
        .or_else(|| sig.params.iter().find(|p| p.kind == ParamKind::VarKeyword))?;
    concrete(param)
}

fn concrete(param: &crate::types::Param) -> Option<Ty> {
    let mut vars = Vec::new();
    crate::types::subst::collect_type_vars(param.ty, &mut vars);
    (param.annotated && vars.is_empty()).then_some(param.ty)
}

/// Solves the type variables of a generic protocol (`SupportsAbs[T]`) from the
/// members of a class that satisfies it (`int.__abs__` returns `int`, so `T = int`).
fn solve_protocol(
    db: &dyn crate::Db,
    protocol: &ClassTy,
    actual: &ClassTy,
    subst: &mut Substitution,
    depth: u32,
) {
    if protocol.args.is_empty() || depth > 6 {
        return;
    }
    let Some(decl) = crate::declare::class_decl(db, protocol.class) else {
        return;
    };
    if !decl.flags.is_protocol {
        return;
    }
    for name in decl.members.keys() {
        let (Some(expected), Some(found)) = (
            lookup_member(db, protocol, name),
            lookup_member(db, actual, name),
        ) else {
            continue;
        };
        match (expected.ty().kind(), found.ty().kind()) {
            (TyKind::Function(e), TyKind::Function(f)) => {
                solve_depth(db, e.sig.ret, f.sig.ret, subst, depth + 1);
            }
            (TyKind::Property { getter: e, .. }, TyKind::Property { getter: f, .. }) => {
                solve_depth(db, *e, *f, subst, depth + 1);
            }
            _ => {}
        }
    }
}
