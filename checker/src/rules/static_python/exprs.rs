//! Expression rules of the static pass: primitive arithmetic, comparisons, `not`/`~`,
//! where primitives may not flow, calls (static argument checks, `box`, `clen`,
//! `crange`, `cast`, primitive conversions, `reveal_type`), attribute stores on static
//! instances, `Array` slices, annotations with primitive unions or nested `Final`, and
//! the facts about calls, fields and primitives that code generation reads.

use rustpython_parser::ast::{self, Ranged};

use crate::declare::MemberKind;
use crate::declare::NameRes;
use crate::declare::names::{builtins_file, module_name_of_file, resolve_in_module};
use crate::diagnostics::{Span, codes};
use crate::types::class::{is_builtin, lookup_member};
use crate::types::{
    ClassTy, FunctionTy, Literal, ParamKind, Primitive, Signature, SpecialForm, Ty, TyKind,
};

use super::assign::{needs_cast, static_assignable};
use super::facts::{CallFact, FieldFact, FunctionDescr, TypeDescr};
use super::hooks::{is_float, 
    is_static_stub_class, primitive_class, primitive_of, special_form, static_function_name,
    static_stub,
};
use super::walk::{ScopeKind, StaticPass};

impl StaticPass<'_> {
    /// Checks an expression and everything under it.
    pub fn expr(&mut self, expr: &ast::Expr) {
        let span = Span::from(expr.range());
        if let Some(TyKind::Primitive(p)) = self.recorded(expr).map(|t| t.kind()) {
            self.facts.primitives.push((span, *p));
        }
        match expr {
            ast::Expr::Call(c) => self.call(c, span),
            ast::Expr::BinOp(b) => {
                if let (Some(l), Some(r)) = (self.recorded(&b.left), self.recorded(&b.right)) {
                    check_arithmetic(self, l, b.op, r, span);
                }
            }
            ast::Expr::UnaryOp(u) => {
                let operand = self.ty(&u.operand);
                if primitive_of(operand) == Some(Primitive::Double)
                    && matches!(u.op, ast::UnaryOp::Not | ast::UnaryOp::Invert)
                {
                    self.report(codes::DOUBLE_NOT_INVERT, span, "Cannot invert/not a double");
                }
            }
            ast::Expr::Compare(c) => self.compare(c),
            ast::Expr::BoolOp(b) => {
                let types: Vec<Ty> = b.values.iter().map(|v| self.ty(v)).collect();
                let any_primitive = types.iter().any(|t| primitive_of(*t).is_some());
                let all_same = types.windows(2).all(|w| w[0] == w[1]);
                if any_primitive && !all_same {
                    let shown: Vec<String> = types.iter().map(|t| self.show(*t)).collect();
                    let message = format!(
                        "invalid union type Union[{}]; unions cannot include primitive types",
                        shown.join(", ")
                    );
                    self.report(codes::PRIMITIVE_UNION, span, message);
                }
            }
            ast::Expr::Subscript(s) => {
                if matches!(&*s.slice, ast::Expr::Slice(_)) && is_array(self, self.ty(&s.value)) {
                    self.report(codes::ARRAY_SLICE, span, "Static arrays cannot be sliced");
                    self.facts.checked_calls.push(span);
                }
            }
            ast::Expr::Await(a) => {
                if primitive_of(self.ty(&a.value)).is_some() {
                    self.report(
                        codes::PRIMITIVE_AWAIT,
                        span,
                        "cannot await a primitive value",
                    );
                }
            }
            ast::Expr::Dict(d) => {
                for k in d.keys.iter().flatten() {
                    self.no_primitive(k);
                }
                for v in &d.values {
                    self.no_primitive(v);
                }
            }
            ast::Expr::Set(s) => s.elts.iter().for_each(|e| self.no_primitive(e)),
            ast::Expr::List(l) => l.elts.iter().for_each(|e| self.no_primitive(e)),
            ast::Expr::Tuple(t) => t.elts.iter().for_each(|e| self.no_primitive(e)),
            ast::Expr::GeneratorExp(g) => self.no_primitive(&g.elt),
            ast::Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.no_primitive(part);
                }
            }
            ast::Expr::Name(n) => self.closure_load(n.id.as_str(), span),
            ast::Expr::Lambda(l) => self.lambda_captures(l),
            ast::Expr::Attribute(a) => {
                let object = self.ty(&a.value);
                if let Some(fact) = field_fact(self, object, a.attr.as_str(), false) {
                    self.facts.fields.push((span, fact));
                }
            }
            _ => {}
        }
        let mut children = Vec::new();
        crate::index::push_children(expr, &mut children);
        if matches!(expr, ast::Expr::Lambda(_)) {
            return;
        }
        for child in children.into_iter().rev() {
            self.expr(child);
        }
    }

    /// A primitive local of an enclosing function read from a nested function.
    fn closure_load(&mut self, name: &str, span: Span) {
        let Some(current) = self
            .scopes
            .iter()
            .rposition(|s| s.kind == ScopeKind::Function)
        else {
            return;
        };
        if self.scopes[current].locals.contains(name) {
            return;
        }
        let enclosing = self.scopes[..current]
            .iter()
            .rev()
            .filter(|s| s.kind == ScopeKind::Function)
            .find(|s| s.locals.contains(name));
        if let Some(scope) = enclosing
            && scope
                .declared
                .get(name)
                .is_some_and(|t| primitive_of(*t).is_some())
        {
            self.report(
                codes::PRIMITIVE_SCOPE,
                span,
                "cannot use primitives in global or closure scope",
            );
        }
    }

    fn lambda_captures(&mut self, l: &ast::ExprLambda) {
        let params: Vec<&str> = l
            .args
            .posonlyargs
            .iter()
            .chain(&l.args.args)
            .chain(&l.args.kwonlyargs)
            .map(|a| a.def.arg.as_str())
            .collect();
        let mut stack = vec![&*l.body];
        while let Some(e) = stack.pop() {
            if let ast::Expr::Name(n) = e
                && !params.contains(&n.id.as_str())
                && self.scope().kind == ScopeKind::Function
                && self
                    .scope()
                    .declared
                    .get(n.id.as_str())
                    .is_some_and(|t| primitive_of(*t).is_some())
            {
                self.report(
                    codes::PRIMITIVE_SCOPE,
                    Span::from(n.range),
                    "cannot use primitives in global or closure scope",
                );
            }
            crate::index::push_children(e, &mut stack);
        }
    }

    fn compare(&mut self, c: &ast::ExprCompare) {
        let mut left = &*c.left;
        for (op, right) in c.ops.iter().zip(&c.comparators) {
            if matches!(
                op,
                ast::CmpOp::In | ast::CmpOp::NotIn | ast::CmpOp::Is | ast::CmpOp::IsNot
            ) {
                left = right;
                continue;
            }
            let (l, r) = (self.ty(left), self.ty(right));
            let ok = match (primitive_of(l), primitive_of(r)) {
                (None, None) => true,
                (Some(a), Some(b)) => (a == Primitive::Double) == (b == Primitive::Double),
                (Some(p), None) => literal_int_fits(r, p) || (p == Primitive::Double && is_float(self.db, r)),
                (None, Some(p)) => literal_int_fits(l, p) || (p == Primitive::Double && is_float(self.db, l)),
            };
            if !ok {
                let message = format!("can't compare {} to {}", self.show(l), self.show(r));
                self.report(codes::PRIMITIVE_COMPARE, Span::from(c.range), message);
            }
            left = right;
        }
    }

    fn call(&mut self, c: &ast::ExprCall, span: Span) {
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
            let from = c.args.first().and_then(|a| primitive_of(self.ty(a)));
            self.facts
                .calls
                .push((span, CallFact::PrimitiveConversion { to, from }));
            return;
        }
        match static_function_name(self.db, callee) {
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
            Some("unbox") => return,
            _ => {}
        }
        if special_form(callee) == Some(SpecialForm::Cast) {
            return;
        }
        match static_callee(self, callee) {
            Some((sig, fact)) => {
                self.check_static_args(c, &sig);
                self.facts.calls.push((span, fact(nargs)));
                self.facts.checked_calls.push(span);
            }
            None => {
                for arg in c.args.iter().chain(c.keywords.iter().map(|k| &k.value)) {
                    let value = match arg {
                        ast::Expr::Starred(s) => &*s.value,
                        other => other,
                    };
                    if primitive_of(self.ty(value)).is_some() {
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
            .filter(|p| {
                matches!(
                    p.kind,
                    ParamKind::PositionalOnly | ParamKind::PositionalOrKeyword
                )
            })
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
        let ty = self.ty(arg);
        let span = Span::from(arg.range());
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

/// Whether an int literal type fits an integral primitive (`double` takes none).
fn literal_int_fits(ty: Ty, p: Primitive) -> bool {
    match ty.kind() {
        TyKind::Literal(Literal::Int(v)) => p.fits(i128::from(*v)),
        _ => false,
    }
}

/// The words Cinder uses for each operator in message 9.
fn op_name(op: ast::Operator) -> &'static str {
    use ast::Operator as O;
    match op {
        O::Add => "add",
        O::Sub => "subtract",
        O::Mult => "multiply",
        O::MatMult => "matrix multiply",
        O::Div | O::FloorDiv => "divide",
        O::Mod => "modulus",
        O::Pow => "pow",
        O::LShift => "left shift",
        O::RShift => "right shift",
        O::BitOr => "bitwise or",
        O::BitXor => "xor",
        O::BitAnd => "bitwise and",
    }
}

/// Messages 9 and 10 (and 1 for an out-of-range literal operand).
pub(super) fn check_arithmetic(
    pass: &mut StaticPass<'_>,
    l: Ty,
    op: ast::Operator,
    r: Ty,
    span: Span,
) {
    let (lp, rp) = (primitive_of(l), primitive_of(r));
    if lp.is_none() && rp.is_none() {
        return;
    }
    let name = op_name(op);
    if lp == Some(Primitive::CBool) || rp == Some(Primitive::CBool) {
        pass.report(
            codes::CBOOL_OPERAND,
            span,
            format!("cbool is not a valid operand type for {name}"),
        );
        return;
    }
    let bad = match (lp, rp) {
        (Some(a), Some(b)) => {
            let double = a == Primitive::Double || b == Primitive::Double;
            a.arithmetic_result(b).is_none()
                || (matches!(op, ast::Operator::Pow) && a.is_signed() != b.is_signed())
                || (double
                    && matches!(
                        op,
                        ast::Operator::LShift
                            | ast::Operator::RShift
                            | ast::Operator::BitOr
                            | ast::Operator::BitXor
                            | ast::Operator::BitAnd
                    ))
        }
        (Some(p), None) | (None, Some(p)) => {
            let other = if lp.is_some() { r } else { l };
            match other.kind() {
                _ if p == Primitive::Double && is_float(pass.db, other) => false,
                TyKind::Literal(Literal::Int(v)) if p.is_integral() => {
                    if !p.fits(i128::from(*v)) {
                        let message = format!(
                            "type mismatch: {} cannot be assigned to {}",
                            pass.show(other),
                            p.name()
                        );
                        pass.report(codes::STATIC_TYPE_MISMATCH, span, message);
                    }
                    false
                }
                _ => true,
            }
        }
        (None, None) => false,
    };
    if bad {
        let message = format!("cannot {name} {} and {}", pass.show(l), pass.show(r));
        pass.report(codes::PRIMITIVE_BAD_ARITHMETIC, span, message);
    }
}

/// Whether `clen()` has a fast path for the type.
fn has_fast_len(pass: &StaticPass<'_>, ty: Ty) -> bool {
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

fn is_array(pass: &StaticPass<'_>, ty: Ty) -> bool {
    matches!(ty.kind(), TyKind::Instance(c) | TyKind::Exact(c)
        if is_static_stub_class(pass.db, c.class) && c.class.qualname() == "staticarray")
}

/// Whether a class is declared by a static module.
pub(super) fn is_static_class(pass: &StaticPass<'_>, class: crate::types::ClassId) -> bool {
    super::is_static_module(pass.db, class.file())
}

type MakeFact = Box<dyn Fn(usize) -> CallFact>;

/// The signature of a static callee (parameters bound), and how the call compiles.
fn static_callee(pass: &StaticPass<'_>, callee: Ty) -> Option<(Signature, MakeFact)> {
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

fn is_final_class(pass: &StaticPass<'_>, ty: Ty) -> bool {
    match ty.kind() {
        TyKind::Instance(c) => {
            crate::declare::class_decl(pass.db, c.class).is_some_and(|d| d.flags.is_final)
        }
        _ => false,
    }
}

fn module_of(pass: &StaticPass<'_>, file: crate::db::SourceFile) -> String {
    if Some(file) == builtins_file(pass.db) {
        return "builtins".to_string();
    }
    module_name_of_file(pass.db, file)
        .unwrap_or("__main__")
        .to_string()
}

fn function_descr(
    pass: &StaticPass<'_>,
    file: crate::db::SourceFile,
    qualname: &str,
) -> FunctionDescr {
    FunctionDescr {
        module: module_of(pass, file),
        qualname: qualname.to_string(),
    }
}

/// The descriptor of a type, `None` for types that are not checked (dynamic, unions,
/// type variables, callables...).
pub(super) fn type_descr(pass: &StaticPass<'_>, ty: Ty) -> Option<TypeDescr> {
    let (inner, optional) = match ty.kind() {
        TyKind::Union(members) if members.len() == 2 && ty.contains_none() => {
            (ty.without_none(), true)
        }
        _ => (ty, false),
    };
    let (class, exact) = match inner.kind() {
        TyKind::Primitive(p) => {
            return Some(TypeDescr {
                module: "__static__".to_string(),
                name: p.name().to_string(),
                primitive: true,
                optional,
                exact: false,
            });
        }
        TyKind::Instance(c) => (c, false),
        TyKind::Exact(c) => (c, true),
        TyKind::Tuple(_) => {
            return Some(TypeDescr {
                module: "builtins".into(),
                name: "tuple".into(),
                primitive: false,
                optional,
                exact: false,
            });
        }
        _ => return None,
    };
    Some(TypeDescr {
        module: module_of(pass, class.class.file()),
        name: class.class.qualname().to_string(),
        primitive: false,
        optional,
        exact,
    })
}

/// The `(local index, descriptor)` pairs checked on entry to a function.
pub(super) fn arg_checks(
    pass: &StaticPass<'_>,
    f: &FunctionTy,
    _is_method: bool,
) -> Vec<(i32, TypeDescr)> {
    let mut out = Vec::new();
    let mut index = 0i32;
    let mut ordered: Vec<&crate::types::Param> = f
        .sig
        .params
        .iter()
        .filter(|p| !matches!(p.kind, ParamKind::VarPositional | ParamKind::VarKeyword))
        .collect();
    ordered.sort_by_key(|p| p.kind == ParamKind::KeywordOnly);
    for p in ordered {
        if p.annotated
            && !matches!(p.ty.kind(), TyKind::Instance(c) if is_builtin(pass.db, c.class, "object"))
            && let Some(descr) = type_descr(pass, p.ty)
        {
            out.push((index, descr));
        }
        index += 1;
    }
    out
}

/// The field fact of `object.name` when `object` is an instance of a static class and
/// `name` one of its fields.
fn field_fact(pass: &StaticPass<'_>, object: Ty, name: &str, store: bool) -> Option<FieldFact> {
    let c: &ClassTy = match object.kind() {
        TyKind::Instance(c) | TyKind::Exact(c) => c,
        _ => return None,
    };
    if !is_static_class(pass, c.class) {
        return None;
    }
    let found = lookup_member(pass.db, c, name)?;
    if found.member.kind != MemberKind::InstanceVar {
        return None;
    }
    let class = type_descr(pass, Ty::instance(found.owner, Vec::new()))?;
    Some(FieldFact {
        class,
        field: name.to_string(),
        ty: pass.show(found.ty()),
        store,
    })
}

/// `obj.x = value`: `ClassVar` (28), `Final` (23), the field's type (1), facts.
pub(super) fn attribute_store(
    pass: &mut StaticPass<'_>,
    a: &ast::ExprAttribute,
    value: Option<&ast::Expr>,
) {
    let object = pass.ty(&a.value);
    let name = a.attr.as_str();
    let span = Span::from(a.range);
    let in_own_init = pass.scope().func_name == "__init__"
        && matches!(&*a.value, ast::Expr::Name(n) if Some(n.id.as_str()) == pass.scope().self_name.as_deref());
    for &member in object.union_members() {
        let (c, through_class) = match member.kind() {
            TyKind::Instance(c) | TyKind::Exact(c) => (c, false),
            TyKind::ClassObject(c) => (c, true),
            _ => continue,
        };
        if !is_static_class(pass, c.class) {
            continue;
        }
        let Some(found) = lookup_member(pass.db, c, name) else {
            continue;
        };
        let owner = super::display::qualified_class(pass.db, found.owner);
        if found.member.is_final && !in_own_init {
            pass.report(
                codes::FINAL_ATTRIBUTE_ASSIGNED,
                span,
                format!("Cannot assign to a Final attribute of {owner}:{name}"),
            );
            continue;
        }
        if !through_class
            && found.member.kind == MemberKind::ClassVar
            && found.member.declared
            && found.member.in_class_body
        {
            pass.report(
                codes::CLASSVAR_INSTANCE_STORE,
                span,
                format!("Cannot assign to classvar '{name}' on '{owner}' instance"),
            );
            continue;
        }
        if !through_class && found.member.kind == MemberKind::InstanceVar {
            if let Some(value) = value
                && found.member.declared
            {
                pass.check_flow(value, found.ty());
            }
            if let Some(fact) = field_fact(pass, member, name, true) {
                pass.facts.fields.push((span, fact));
            }
        }
    }
}

/// `arr[a:b] = ...` on an `Array`.
pub(super) fn subscript_store(pass: &mut StaticPass<'_>, s: &ast::ExprSubscript) {
    if matches!(&*s.slice, ast::Expr::Slice(_)) && is_array(pass, pass.ty(&s.value)) {
        pass.report(
            codes::ARRAY_SLICE,
            Span::from(s.range),
            "Static arrays cannot be sliced",
        );
        pass.facts.checked_calls.push(Span::from(s.range));
    }
}

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
            pass.facts.checked_calls.push(span);
        } else if resolve_in_module(pass.db, stub, name, 1) == NameRes::Unresolved {
            pass.report(
                codes::STATIC_IMPORT,
                Span::from(alias.range),
                format!("unsupported static import {name}"),
            );
            pass.facts.checked_calls.push(span);
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
            pass.facts.checked_calls.push(Span::from(e.range()));
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

fn flatten_or(e: &ast::Expr) -> Vec<&ast::Expr> {
    match e {
        ast::Expr::BinOp(b) if matches!(b.op, ast::Operator::BitOr) => {
            let mut out = flatten_or(&b.left);
            out.extend(flatten_or(&b.right));
            out
        }
        other => vec![other],
    }
}

fn union_display(pass: &StaticPass<'_>, types: &[Ty], optional_form: bool) -> String {
    let non_none: Vec<Ty> = types.iter().copied().filter(|t| !t.is_none()).collect();
    if optional_form || (non_none.len() == 1 && types.len() == 2) {
        if let Some(first) = non_none.first() {
            return format!("Optional[{}]", pass.show(*first));
        }
    }
    let shown: Vec<String> = types.iter().map(|t| pass.show(*t)).collect();
    format!("Union[{}]", shown.join(", "))
}
