//! Calls in the static pass: argument checks against static callees (message 2),
//! primitives passed to dynamic callees (8), `box` (16), `clen` (17), `crange` (18),
//! `cast` (19), primitive conversions (15), `reveal_type` (38), and the call facts.

use rustpython_parser::ast::{self, Ranged};

use crate::declare::NameRes;
use crate::diagnostics::{Span, codes};
use crate::types::class::{is_builtin, lookup_member};
use crate::types::{ParamKind, Signature, SpecialForm, Ty, TyKind};

use super::assign::{needs_cast, static_assignable};
use super::descr::{function_descr, type_descr};
use super::exprs::is_static_class;
use super::facts::CallFact;
use super::hooks::{
    is_static_stub_class, primitive_class, primitive_of, special_form, static_function_name,
};
use super::walk::{ScopeKind, StaticPass};

impl StaticPass<'_> {
    pub(super) fn call(&mut self, c: &ast::ExprCall, span: Span) {
        let callee = self.ty(&c.func);
        let nargs = c.args.len() + c.keywords.len();
        if special_form(callee) == Some(SpecialForm::RevealType) {
            self.reveal(c, span);
            return;
        }
        if let Some(to) = primitive_class(self.db, callee) {
            if c.args.len() != 1 || !c.keywords.is_empty() {
                self.report(
                    codes::PRIMITIVE_ARITY,
                    span,
                    format!("{} requires a single argument ({nargs} given)", to.name()),
                );
            }
            // `int8(300)`: a literal argument is loaded as the primitive, so it must fit.
            if let Some(arg) = c.args.first()
                && let TyKind::Literal(crate::types::Literal::Int(v)) = self.ty(arg).kind()
            {
                if to.is_integral() && !to.fits(i128::from(*v)) {
                    let message = format!(
                        "type mismatch: {} cannot be assigned to {}",
                        self.show(self.ty(arg)),
                        to.name()
                    );
                    self.report(
                        codes::STATIC_TYPE_MISMATCH,
                        Span::from(arg.range()),
                        message,
                    );
                } else if to.is_integral() {
                    self.facts.primitives.push((Span::from(arg.range()), to));
                }
            }
            let from = c.args.first().and_then(|a| primitive_of(self.ty(a)));
            self.facts
                .calls
                .push((span, CallFact::PrimitiveConversion { to, from }));
            return;
        }
        match static_function_name(self.db, callee) {
            Some("box") if c.args.len() != 1 || !c.keywords.is_empty() => {
                self.report(codes::BOX_ARITY, span, "box only accepts a single argument");
                return;
            }
            Some("unbox") => {
                if c.args.len() != 1 {
                    self.report(
                        codes::BOX_ARITY,
                        span,
                        "unbox only accepts a single argument",
                    );
                } else if !c.keywords.is_empty() {
                    self.report(codes::BOX_ARITY, span, "unbox() takes no keyword arguments");
                }
                for arg in &c.args {
                    if primitive_of(self.ty(arg)).is_some() {
                        self.report(
                            codes::PRIMITIVE_CALL_ARGUMENT,
                            Span::from(arg.range()),
                            "Call argument cannot be a primitive",
                        );
                    }
                }
                return;
            }
            Some("prod_assert") => {
                // The condition may be a `cbool`; the message is an object.
                self.facts.replaced.push(span);
                if c.args.is_empty() || c.args.len() > 2 || !c.keywords.is_empty() {
                    self.report(
                        codes::BOX_ARITY,
                        span,
                        "prod_assert() only accepts one or two arguments",
                    );
                }
                if let Some(message) = c.args.get(1) {
                    self.no_primitive(message);
                }
                self.facts.calls.push((span, CallFact::Dynamic));
                return;
            }
            Some("box") => {
                let arg = c
                    .args
                    .first()
                    .map(|a| self.ty(a))
                    .unwrap_or_else(Ty::unknown);
                match primitive_of(arg) {
                    Some(from) => self.facts.calls.push((span, CallFact::Box { from })),
                    None => {
                        let message = format!("can't box non-primitive: {}", self.show(arg));
                        self.report(codes::BOX_NON_PRIMITIVE, span, message);
                    }
                }
                return;
            }
            Some("clen") => {
                let arg = c
                    .args
                    .first()
                    .map(|a| self.ty(a))
                    .unwrap_or_else(Ty::unknown);
                if !has_fast_len(self, arg) {
                    let message = format!("bad argument type '{}' for clen()", self.show(arg));
                    self.report(codes::CLEN_ARGUMENT, span, message);
                }
                self.facts.calls.push((span, CallFact::Clen));
                return;
            }
            Some("crange") => {
                if !self.crange_ok.contains(&span) {
                    self.report(
                        codes::CRANGE_OUTSIDE_FOR,
                        span,
                        "crange() must be used as an iterator in a for loop",
                    );
                }
                return;
            }
            Some("cast") => {
                if let Some(target) = c.args.first() {
                    self.cast_target(target, span);
                }
                return;
            }
            _ => {}
        }
        if special_form(callee) == Some(SpecialForm::Cast) {
            return;
        }
        if self.generic_instance(callee, span) {
            return;
        }
        if self.checked_method_call(c, span) {
            self.facts.calls.push((span, CallFact::Dynamic));
            return;
        }
        match static_callee(self, callee) {
            Some((sig, fact)) => {
                let fact = fact(nargs);
                let name = match &fact {
                    CallFact::InvokeFunction { func, .. } | CallFact::InvokeMethod { func, .. } => {
                        func.to_string()
                    }
                    CallFact::Construct { class, .. } => class.to_string(),
                    _ => String::new(),
                };
                self.check_arity(c, &sig, &name, span);
                self.check_static_args(c, &sig);
                self.facts.calls.push((span, fact));
                self.facts.replaced.push(span);
            }
            None => {
                // `Array[int64](n)`: the size of a static array may be a primitive int.
                let array_size = matches!(callee.kind(), TyKind::ClassObject(k)
                    if is_static_stub_class(self.db, k.class) && k.class.qualname() == "staticarray");
                for arg in c.args.iter().chain(c.keywords.iter().map(|k| &k.value)) {
                    let value = match arg {
                        ast::Expr::Starred(s) => &*s.value,
                        other => other,
                    };
                    let primitive = primitive_of(self.ty(value));
                    if array_size && primitive.is_some_and(|p| p.is_integral()) {
                        continue;
                    }
                    if primitive.is_some() {
                        self.report(
                            codes::PRIMITIVE_CALL_ARGUMENT,
                            Span::from(value.range()),
                            "Call argument cannot be a primitive",
                        );
                    }
                }
                self.facts.calls.push((span, CallFact::Dynamic));
            }
        }
    }

    /// `reveal_type(x)`: message 38, with the mdtest form `` `T` `` at the end.
    fn reveal(&mut self, c: &ast::ExprCall, span: Span) {
        let Some(arg) = c.args.first() else { return };
        let ty = self.ty(arg);
        let text = self.file.text(self.db);
        let range = arg.range();
        let source = text
            .get(usize::from(range.start())..usize::from(range.end()))
            .unwrap_or("?")
            .to_string();
        let shown = self.show(ty);
        let mut message = format!("reveal_type({source}): '{shown}'");
        if let ast::Expr::Name(n) = arg
            && self.scope().kind == ScopeKind::Function
            && self.scope().locals.contains(n.id.as_str())
            && !self.scope().declared.contains_key(n.id.as_str())
        {
            message.push_str(&format!(
                ", '{}' has declared type 'dynamic' and local type '{shown}'",
                n.id
            ));
        }
        message.push_str(&format!(" (revealed type: `{shown}`)"));
        self.report(codes::REVEAL_TYPE, span, message);
    }

    fn cast_target(&mut self, target: &ast::Expr, span: Span) {
        match target {
            ast::Expr::Subscript(s) => {
                let optional = matches!(
                    self.resolver_res(&s.value),
                    Some(NameRes::Special(SpecialForm::Optional))
                );
                if !optional {
                    self.report(codes::BAD_CAST, span, "cast to non-runtime type");
                }
            }
            _ => match self.ty(target).kind() {
                TyKind::ClassObject(_) => {}
                TyKind::SpecialForm(_) => {
                    self.report(codes::BAD_CAST, span, "cast to non-runtime type")
                }
                _ => self.report(codes::BAD_CAST, span, "cast to unknown type"),
            },
        }
    }

    fn resolver_res(&self, expr: &ast::Expr) -> Option<NameRes> {
        crate::declare::TypeExprResolver::with_decls(self.db, self.file, self.decls).expr_res(expr)
    }

    /// Messages 30 and 31: too many positional arguments, an unknown keyword, a
    /// required parameter without a value.
    fn check_arity(&mut self, c: &ast::ExprCall, sig: &Signature, callee: &str, span: Span) {
        if c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)))
            || c.keywords.iter().any(|k| k.arg.is_none())
        {
            return;
        }
        let positional: Vec<&crate::types::Param> = sig
            .params
            .iter()
            .filter(|p| p.kind.is_positional())
            .collect();
        let var_args = sig
            .params
            .iter()
            .any(|p| p.kind == ParamKind::VarPositional);
        let var_kwargs = sig.params.iter().any(|p| p.kind == ParamKind::VarKeyword);
        if !var_args && c.args.len() > positional.len() {
            self.report(
                codes::STATIC_TOO_MANY_POSITIONAL,
                span,
                format!(
                    "{callee} takes {} positional args but {} were given",
                    positional.len(),
                    c.args.len()
                ),
            );
            return;
        }
        let mut bad_keyword = false;
        for kw in &c.keywords {
            let Some(name) = &kw.arg else { continue };
            let known = sig.params.iter().any(|p| {
                p.name.as_deref() == Some(name.as_str())
                    && matches!(
                        p.kind,
                        ParamKind::PositionalOrKeyword | ParamKind::KeywordOnly
                    )
            });
            if !known && !var_kwargs {
                bad_keyword = true;
                self.report(
                    codes::STATIC_UNKNOWN_ARGUMENT,
                    Span::from(kw.range),
                    format!("Given argument {name} does not exist in the definition of {callee}"),
                );
            }
        }
        if bad_keyword {
            return;
        }
        let mut missing = false;
        for (i, p) in sig.params.iter().enumerate() {
            if p.has_default || matches!(p.kind, ParamKind::VarPositional | ParamKind::VarKeyword) {
                continue;
            }
            let by_position = p.kind.is_positional() && i < c.args.len();
            let by_keyword = c.keywords.iter().any(|k| {
                k.arg.as_deref() == p.name.as_deref() && p.kind != ParamKind::PositionalOnly
            });
            missing |= !by_position && !by_keyword;
        }
        if missing {
            let total = sig
                .params
                .iter()
                .filter(|p| !matches!(p.kind, ParamKind::VarPositional | ParamKind::VarKeyword))
                .count();
            self.report(
                codes::STATIC_MISSING_ARGUMENT,
                span,
                format!(
                    "Mismatched number of args for {callee}. Expected {total}, got {}",
                    c.args.len() + c.keywords.len()
                ),
            );
        }
    }

    /// Matches the arguments of a call to a static callee and checks each (message 2).
    fn check_static_args(&mut self, c: &ast::ExprCall, sig: &Signature) {
        if c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)))
            || c.keywords.iter().any(|k| k.arg.is_none())
        {
            return;
        }
        let positional: Vec<&crate::types::Param> = sig
            .params
            .iter()
            .filter(|p| p.kind.is_positional())
            .collect();
        for (i, arg) in c.args.iter().enumerate() {
            let Some(param) = positional.get(i) else {
                break;
            };
            let name = param
                .name
                .as_deref()
                .map_or_else(|| format!("arg {i}"), |n| format!("'{n}'"));
            self.check_arg(arg, param, "positional", &name);
        }
        for kw in &c.keywords {
            let Some(name) = &kw.arg else { continue };
            if let Some(param) = sig
                .params
                .iter()
                .find(|p| p.name.as_deref() == Some(name.as_str()))
            {
                self.check_arg(&kw.value, param, "keyword", &format!("'{name}'"));
            }
        }
    }

    fn check_arg(&mut self, arg: &ast::Expr, param: &crate::types::Param, kind: &str, name: &str) {
        let expected = if param.annotated {
            param.ty
        } else {
            Ty::unknown()
        };
        if self.unboxes_into(arg, expected) || self.checked_literal(arg, expected) {
            return;
        }
        let ty = self.ty(arg);
        let span = Span::from(arg.range());
        if let (TyKind::Primitive(p), TyKind::Literal(_)) = (expected.kind(), ty.kind()) {
            self.facts.primitives.push((span, *p));
        }
        if !static_assignable(self.db, ty, expected) {
            let message = format!(
                "type mismatch: {} received for {kind} arg {name}, expected {}",
                self.show(ty),
                self.show(expected)
            );
            self.report(codes::STATIC_BAD_ARGUMENT, span, message);
        } else if needs_cast(self.db, ty, expected)
            && let Some(descr) = type_descr(self, expected)
        {
            self.facts.casts.push((span, descr));
        }
    }
}

/// Whether `clen()` has a fast path for the type.
pub(super) fn has_fast_len(pass: &StaticPass<'_>, ty: Ty) -> bool {
    match ty.kind() {
        TyKind::Tuple(_) => true,
        TyKind::Instance(c) | TyKind::Exact(c) => {
            ["list", "dict", "set", "tuple", "str"]
                .iter()
                .any(|n| is_builtin(pass.db, c.class, n))
                || (is_static_stub_class(pass.db, c.class)
                    && matches!(c.class.qualname(), "chkdict" | "chklist" | "staticarray"))
        }
        _ => false,
    }
}

type MakeFact = Box<dyn Fn(usize) -> CallFact>;

/// The signature of a static callee (parameters bound), and how the call compiles.
pub(super) fn static_callee(pass: &StaticPass<'_>, callee: Ty) -> Option<(Signature, MakeFact)> {
    match callee.kind() {
        TyKind::Function(f) => {
            let def = f.def.as_ref()?;
            if !super::is_static_module(pass.db, def.file) {
                return None;
            }
            let func = function_descr(pass, def.file, &def.qualname);
            let sig = if def.qualname.contains('.') && !f.flags.is_staticmethod {
                f.sig.bind_first()
            } else {
                f.sig.clone()
            };
            Some((
                sig,
                Box::new(move |nargs| CallFact::InvokeFunction {
                    func: func.clone(),
                    nargs,
                }),
            ))
        }
        TyKind::BoundMethod { self_ty, func } => {
            let TyKind::Function(f) = func.kind() else {
                return None;
            };
            let def = f.def.as_ref()?;
            if !super::is_static_module(pass.db, def.file) {
                return None;
            }
            let descr = function_descr(pass, def.file, &def.qualname);
            let direct = f.flags.is_final
                || matches!(self_ty.kind(), TyKind::Exact(_))
                || is_final_class(pass, *self_ty);
            let sig = if f.flags.is_staticmethod {
                f.sig.clone()
            } else {
                f.sig.bind_first()
            };
            Some((
                sig,
                Box::new(move |nargs| {
                    if direct {
                        CallFact::InvokeFunction {
                            func: descr.clone(),
                            nargs: nargs + 1,
                        }
                    } else {
                        CallFact::InvokeMethod {
                            func: descr.clone(),
                            nargs,
                        }
                    }
                }),
            ))
        }
        TyKind::ClassObject(c) => {
            if !is_static_class(pass, c.class) {
                return None;
            }
            let init = lookup_member(pass.db, c, "__init__")?;
            let TyKind::Function(f) = init.ty().kind() else {
                return None;
            };
            let class = type_descr(pass, Ty::instance(c.class, Vec::new()))?;
            Some((
                f.sig.bind_first(),
                Box::new(move |nargs| CallFact::Construct {
                    class: class.clone(),
                    nargs,
                }),
            ))
        }
        _ => None,
    }
}

pub(super) fn is_final_class(pass: &StaticPass<'_>, ty: Ty) -> bool {
    match ty.kind() {
        TyKind::Instance(c) => {
            crate::declare::class_decl(pass.db, c.class).is_some_and(|d| d.flags.is_final)
        }
        _ => false,
    }
}
