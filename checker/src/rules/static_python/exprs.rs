//! Expression rules of the static pass: primitive arithmetic, comparisons, `not`/`~`,
//! where primitives may not flow (containers, slices, closures, `await`), attribute
//! stores on static instances, `Array` slices, and the primitive and field facts.
//! Calls are in [`super::calls`].

use rustpython_parser::ast::{self, Ranged};

use crate::declare::MemberKind;
use crate::diagnostics::{Span, codes};
use crate::types::class::lookup_member;
use crate::types::{Literal, Primitive, Ty, TyKind};

use super::descr::field_fact;
use super::hooks::{is_float, is_static_stub_class, primitive_of};
use super::walk::{ScopeKind, StaticPass};

impl StaticPass<'_> {
    /// Checks an expression and everything under it.
    pub fn expr(&mut self, expr: &ast::Expr) {
        let span = Span::from(expr.range());
        self.codegen_expr_facts(expr);
        if let Some(TyKind::Primitive(p)) = self.recorded(expr).map(|t| t.kind()) {
            self.facts.primitives.push((span, *p));
        }
        if matches!(
            expr,
            ast::Expr::Dict(_)
                | ast::Expr::List(_)
                | ast::Expr::DictComp(_)
                | ast::Expr::ListComp(_)
        ) {
            self.checked_display_fact(expr);
        }
        match expr {
            ast::Expr::Call(c) => {
                self.call(c, span);
                self.codegen_call_facts(expr, c);
            }
            ast::Expr::BinOp(b) => {
                if let (Some(l), Some(r)) = (self.recorded(&b.left), self.recorded(&b.right)) {
                    check_arithmetic(self, l, b.op, r, span);
                    self.literal_operand(&b.left, r);
                    self.literal_operand(&b.right, l);
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
                let types: Vec<Ty> = b.values.iter().map(|v| self.bool_operand_ty(v)).collect();
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
            ast::Expr::Subscript(s)
                if matches!(&*s.slice, ast::Expr::Slice(_))
                    && is_array(self, self.ty(&s.value)) =>
            {
                self.report(codes::ARRAY_SLICE, span, "Static arrays cannot be sliced");
                self.facts.replaced.push(span);
            }
            ast::Expr::Subscript(s) if matches!(s.ctx, ast::ExprContext::Load) => {
                if let TyKind::ClassObject(c) = self.ty(&s.value).kind() {
                    self.generic_arity(c.class, &s.slice, span);
                }
                if self.may_be_none(self.ty(&s.value)) {
                    self.report(
                        codes::NONE_SUBSCRIPT,
                        span,
                        "'NoneType' object is not subscriptable",
                    );
                    self.facts.replaced.push(span);
                }
                self.checked_subscript(s, None, span);
            }
            ast::Expr::Await(a) if primitive_of(self.ty(&a.value)).is_some() => {
                self.report(
                    codes::PRIMITIVE_AWAIT,
                    span,
                    "cannot await a primitive value",
                );
            }
            ast::Expr::Dict(d) => {
                for (k, v) in d.keys.iter().zip(&d.values) {
                    match k {
                        Some(k) => {
                            self.no_primitive_because(k, "dict keys cannot be primitives");
                            self.no_primitive_because(v, "dict keys cannot be primitives");
                        }
                        None => self.no_primitive_because(v, "dict splat cannot be a primitive"),
                    }
                }
            }
            ast::Expr::DictComp(d) => {
                self.no_primitive_because(
                    &d.key,
                    "dictionary comprehension key cannot be a primitive",
                );
                self.no_primitive_because(
                    &d.value,
                    "dictionary comprehension value cannot be a primitive",
                );
            }
            ast::Expr::Set(s) => s
                .elts
                .iter()
                .for_each(|e| self.no_primitive_because(e, "set members cannot be primitives")),
            ast::Expr::SetComp(s) => {
                self.no_primitive_because(&s.elt, "generator element cannot be a primitive")
            }
            ast::Expr::ListComp(l) => {
                self.no_primitive_because(&l.elt, "generator element cannot be a primitive")
            }
            ast::Expr::List(l) => l.elts.iter().for_each(|e| self.no_primitive(e)),
            ast::Expr::Tuple(t) => t.elts.iter().for_each(|e| self.no_primitive(e)),
            ast::Expr::GeneratorExp(g) => {
                self.no_primitive_because(&g.elt, "generator element cannot be a primitive")
            }
            ast::Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.no_primitive_because(part, "slice indices cannot be primitives");
                }
            }
            ast::Expr::FormattedValue(f) => {
                self.no_primitive_because(&f.value, "cannot use primitive in formatted value")
            }
            ast::Expr::Starred(s) => {
                self.no_primitive_because(&s.value, "cannot use primitive in starred expression")
            }
            ast::Expr::Yield(y) => {
                if let Some(v) = &y.value {
                    self.no_primitive_because(v, "cannot yield a primitive value");
                }
            }
            ast::Expr::YieldFrom(y) => {
                self.no_primitive_because(&y.value, "cannot yield from a primitive value")
            }
            ast::Expr::Name(n) => self.closure_load(n.id.as_str(), span),
            ast::Expr::Lambda(l) => self.lambda_captures(l),
            ast::Expr::Attribute(a) => {
                let object = self.ty(&a.value);
                self.none_attribute(object, a.attr.as_str(), span);
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

    /// The type of an operand of `and`/`or`: `not p` and comparisons of primitives are
    /// `cbool` whatever narrowing recorded for them.
    fn bool_operand_ty(&self, expr: &ast::Expr) -> Ty {
        match expr {
            ast::Expr::UnaryOp(u)
                if matches!(u.op, ast::UnaryOp::Not)
                    && primitive_of(self.ty(&u.operand))
                        .is_some_and(|p| p != Primitive::Double) =>
            {
                Ty::primitive(Primitive::CBool)
            }
            ast::Expr::Compare(c)
                if !c.ops.iter().any(|op| {
                    matches!(
                        op,
                        ast::CmpOp::Is | ast::CmpOp::IsNot | ast::CmpOp::In | ast::CmpOp::NotIn
                    )
                }) && std::iter::once(&*c.left)
                    .chain(&c.comparators)
                    .any(|e| primitive_of(self.ty(e)).is_some()) =>
            {
                Ty::primitive(Primitive::CBool)
            }
            _ => self.ty(expr),
        }
    }

    /// Whether a type is `Optional[T]` (a union with `None` and something else).
    pub(super) fn may_be_none(&self, ty: Ty) -> bool {
        matches!(ty.kind(), TyKind::Union(members)
            if members.iter().any(|m| m.is_none()) && members.iter().any(|m| !m.is_none() && !m.is_dynamic()))
    }

    /// Message 34: an attribute of a value that may be `None`.
    pub(super) fn none_attribute(&mut self, object: Ty, attr: &str, span: Span) {
        if self.may_be_none(object) && !attr.starts_with("__") {
            self.report(
                codes::NONE_ATTRIBUTE,
                span,
                format!("'NoneType' object has no attribute '{attr}'"),
            );
        }
    }

    /// A literal operand next to a primitive is loaded as that primitive.
    fn literal_operand(&mut self, operand: &ast::Expr, other: Ty) {
        if let Some(p) = primitive_of(other)
            && matches!(self.ty(operand).kind(), TyKind::Literal(_))
            && primitive_of(self.ty(operand)).is_none()
        {
            self.facts.primitives.push((Span::from(operand.range()), p));
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
                let (l, r) = (self.ty(left), self.ty(right));
                if primitive_of(l).is_some() || primitive_of(r).is_some() {
                    let sigil = match op {
                        ast::CmpOp::In => "in",
                        ast::CmpOp::NotIn => "not in",
                        ast::CmpOp::Is => "is",
                        _ => "is not",
                    };
                    let message = format!(
                        "'{sigil}' not supported between '{}' and '{}'",
                        self.show(l),
                        self.show(r)
                    );
                    self.report(
                        codes::PRIMITIVE_COMPARE_UNSUPPORTED,
                        Span::from(c.range),
                        message,
                    );
                }
                left = right;
                continue;
            }
            let (l, r) = (self.ty(left), self.ty(right));
            self.literal_operand(left, r);
            self.literal_operand(right, l);
            let ok = match (primitive_of(l), primitive_of(r)) {
                (None, None) => true,
                (Some(a), Some(b)) => (a == Primitive::Double) == (b == Primitive::Double),
                (Some(p), None) => {
                    literal_int_fits(r, p) || (p == Primitive::Double && is_float(self.db, r))
                }
                (None, Some(p)) => {
                    literal_int_fits(l, p) || (p == Primitive::Double && is_float(self.db, l))
                }
            };
            if !ok {
                let message = format!("can't compare {} to {}", self.show(l), self.show(r));
                self.report(codes::PRIMITIVE_COMPARE, Span::from(c.range), message);
            }
            left = right;
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

fn is_array(pass: &StaticPass<'_>, ty: Ty) -> bool {
    matches!(ty.kind(), TyKind::Instance(c) | TyKind::Exact(c)
        if is_static_stub_class(pass.db, c.class) && c.class.qualname() == "staticarray")
}

/// Whether a class is declared by a static module.
pub(super) fn is_static_class(pass: &StaticPass<'_>, class: crate::types::ClassId) -> bool {
    super::is_static_module(pass.db, class.file())
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
    pass.none_attribute(object, name, span);
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
        pass.facts.replaced.push(Span::from(s.range));
    }
}
