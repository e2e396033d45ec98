//! Operators through dunder methods (with the reflected fallback), comparisons,
//! subscripts, iteration and context managers.

use rustpython_parser::ast;

use crate::diagnostics::{Span, codes};
use crate::infer::builder::Infer;
use crate::infer::call::{Arg, ArgKind};
use crate::types::class::builtin_instance;
use crate::types::{Literal, TupleTy, Ty, TyKind};

fn dunder(op: ast::Operator) -> (&'static str, &'static str, &'static str, &'static str) {
    use ast::Operator as O;
    match op {
        O::Add => ("__add__", "__radd__", "__iadd__", "+"),
        O::Sub => ("__sub__", "__rsub__", "__isub__", "-"),
        O::Mult => ("__mul__", "__rmul__", "__imul__", "*"),
        O::MatMult => ("__matmul__", "__rmatmul__", "__imatmul__", "@"),
        O::Div => ("__truediv__", "__rtruediv__", "__itruediv__", "/"),
        O::Mod => ("__mod__", "__rmod__", "__imod__", "%"),
        O::Pow => ("__pow__", "__rpow__", "__ipow__", "**"),
        O::LShift => ("__lshift__", "__rlshift__", "__ilshift__", "<<"),
        O::RShift => ("__rshift__", "__rrshift__", "__irshift__", ">>"),
        O::BitOr => ("__or__", "__ror__", "__ior__", "|"),
        O::BitXor => ("__xor__", "__rxor__", "__ixor__", "^"),
        O::BitAnd => ("__and__", "__rand__", "__iand__", "&"),
        O::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__", "//"),
    }
}

impl<'db, 'a> Infer<'db, 'a> {
    /// Calls `receiver.method(arg)` silently; `None` when the method is missing or the
    /// argument does not fit.
    fn try_dunder(
        &mut self,
        receiver: Ty,
        method: &str,
        arg_types: &[Ty],
        span: Span,
    ) -> Option<Ty> {
        let callee = self.member_of(receiver, method)?;
        let args: Vec<Arg<'_>> = arg_types
            .iter()
            .map(|&ty| Arg {
                kind: ArgKind::Positional,
                ty,
                span,
            })
            .collect();
        let errors = self.call_errors;
        let diags = self.diags.len();
        self.silent += 1;
        let ty = self.call(callee, &args, span);
        self.silent -= 1;
        self.diags.truncate(diags);
        (self.call_errors == errors).then_some(ty)
    }

    pub(super) fn binary_op(
        &mut self,
        left: Ty,
        op: ast::Operator,
        right: Ty,
        span: Span,
        augmented: bool,
    ) -> Ty {
        // Static Python hook: primitive arithmetic (errors come from the static pass).
        if self.static_module
            && let Some(ty) =
                crate::rules::static_python::hooks::binary_op_type(self.db, left, op, right)
        {
            return ty;
        }
        if left.has_dynamic() || right.has_dynamic() {
            return Ty::unknown();
        }
        if left.union_members().len() > 1 || right.union_members().len() > 1 {
            let mut out = Vec::new();
            for &l in left.union_members() {
                for &r in right.union_members() {
                    out.push(self.binary_op(l, op, r, span, augmented));
                }
            }
            return Ty::union(out);
        }
        let (method, reflected, inplace, symbol) = dunder(op);
        if augmented && let Some(ty) = self.try_dunder(left, inplace, &[right], span) {
            return ty;
        }
        if let Some(ty) = self.try_dunder(left, method, &[right], span) {
            return ty;
        }
        if let Some(ty) = self.try_dunder(right, reflected, &[left], span) {
            return ty;
        }
        if let (TyKind::Tuple(_), TyKind::Tuple(_), ast::Operator::Add) =
            (left.kind(), right.kind(), op)
        {
            return tuple_concat(left, right);
        }
        self.report(
            codes::UNSUPPORTED_OPERATOR,
            span,
            format!(
                "operator `{symbol}` is not supported between `{}` and `{}`",
                left.display(),
                right.display()
            ),
        );
        Ty::unknown()
    }

    pub(super) fn unary_op(&mut self, op: ast::UnaryOp, operand: Ty, span: Span) -> Ty {
        // Static Python hook: `not`, `-`, `~` on primitives.
        if self.static_module
            && let Some(ty) = crate::rules::static_python::hooks::unary_op_type(op, operand)
        {
            return ty;
        }
        let bool_ty = builtin_instance(self.db, "bool", Vec::new());
        let (method, symbol) = match op {
            ast::UnaryOp::Not => return bool_ty,
            ast::UnaryOp::USub => ("__neg__", "-"),
            ast::UnaryOp::UAdd => ("__pos__", "+"),
            ast::UnaryOp::Invert => ("__invert__", "~"),
        };
        if let (TyKind::Literal(Literal::Int(i)), ast::UnaryOp::USub) = (operand.kind(), op)
            && let Some(neg) = i.checked_neg()
        {
            return Ty::literal(Literal::Int(neg));
        }
        if operand.is_dynamic() {
            return Ty::unknown();
        }
        operand.map_members(|m| match self.try_dunder(m, method, &[], span) {
            Some(ty) => ty,
            None => {
                self.report(
                    codes::UNSUPPORTED_OPERATOR,
                    span,
                    format!("unary `{symbol}` is not supported for `{}`", m.display()),
                );
                Ty::unknown()
            }
        })
    }

    pub(super) fn compare(&mut self, c: &'a ast::ExprCompare, span: Span) -> Ty {
        let bool_ty = builtin_instance(self.db, "bool", Vec::new());
        let mut left = self.infer_expr(&c.left);
        let mut result = bool_ty;
        for (op, right_expr) in c.ops.iter().zip(&c.comparators) {
            let right = self.infer_expr(right_expr);
            // Static Python hook: comparing primitives gives `cbool`.
            if self.static_module
                && let Some(ty) = crate::rules::static_python::hooks::compare_type(left, right)
            {
                result = ty;
                left = right;
                continue;
            }
            let pair = match op {
                ast::CmpOp::Lt => Some(("__lt__", "__gt__", "<")),
                ast::CmpOp::LtE => Some(("__le__", "__ge__", "<=")),
                ast::CmpOp::Gt => Some(("__gt__", "__lt__", ">")),
                ast::CmpOp::GtE => Some(("__ge__", "__le__", ">=")),
                _ => None,
            };
            if let Some((method, reflected, symbol)) = pair
                && !left.is_dynamic()
                && !right.is_dynamic()
                && left.union_members().len() == 1
                && right.union_members().len() == 1
            {
                match self.try_dunder(left, method, &[right], span) {
                    Some(ty) => result = ty,
                    None => match self.try_dunder(right, reflected, &[left], span) {
                        Some(ty) => result = ty,
                        None => self.report(
                            codes::UNSUPPORTED_OPERATOR,
                            span,
                            format!(
                                "operator `{symbol}` is not supported between `{}` and `{}`",
                                left.display(),
                                right.display()
                            ),
                        ),
                    },
                }
            }
            if matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) && !right.is_dynamic() {
                let has_contains = self.member_of(right, "__contains__").is_some();
                if !has_contains {
                    self.iterate(right, span);
                }
            }
            left = right;
        }
        result
    }

    pub(super) fn subscript(
        &mut self,
        object: Ty,
        index: Ty,
        index_expr: &'a ast::Expr,
        span: Span,
    ) -> Ty {
        if let Some(ty) = self.typed_dict_item(object, index, span) {
            return ty;
        }
        match object.kind() {
            TyKind::Any | TyKind::Unknown => return Ty::unknown(),
            TyKind::Tuple(TupleTy::Fixed(items)) => {
                if let TyKind::Literal(Literal::Int(i)) = index.kind() {
                    let len = items.len() as i64;
                    let at = if *i < 0 { len + i } else { *i };
                    if let Some(ty) = usize::try_from(at).ok().and_then(|at| items.get(at)) {
                        return *ty;
                    }
                    self.report(
                        codes::NOT_SUBSCRIPTABLE,
                        span,
                        format!("index {i} is out of range for `{}`", object.display()),
                    );
                    return Ty::unknown();
                }
                if matches!(index_expr, ast::Expr::Slice(_)) {
                    return Ty::variadic_tuple(Ty::union(items.iter().copied()));
                }
                return Ty::union(items.iter().copied());
            }
            TyKind::Tuple(TupleTy::Variadic(item)) => {
                if matches!(index_expr, ast::Expr::Slice(_)) {
                    return object;
                }
                return *item;
            }
            TyKind::ClassObject(c) => {
                // `list[int]` as a value: the generic alias.
                let args = match index.kind() {
                    TyKind::Tuple(TupleTy::Fixed(items)) => {
                        items.iter().map(|&t| class_arg(self.db, t)).collect()
                    }
                    _ => vec![class_arg(self.db, index)],
                };
                return Ty::class_object(c.class, args);
            }
            TyKind::SpecialForm(_) => return Ty::unknown(),
            _ => {}
        }
        if object.has_dynamic() {
            return Ty::unknown();
        }
        if object.contains_none() && object.union_members().len() > 1 {
            self.report(
                codes::NOT_SUBSCRIPTABLE,
                span,
                format!(
                    "value of type `{}` may be `None` and cannot be subscripted",
                    object.display()
                ),
            );
            let rest = object.without_none();
            return self.subscript(rest, index, index_expr, span);
        }
        object.map_members(|m| {
            if m.is_dynamic() {
                return Ty::unknown();
            }
            let Some(getitem) = self.member_of(m, "__getitem__") else {
                self.report(
                    codes::NOT_SUBSCRIPTABLE,
                    span,
                    format!("type `{}` is not subscriptable", m.display()),
                );
                return Ty::unknown();
            };
            let args = [Arg {
                kind: ArgKind::Positional,
                ty: index,
                span,
            }];
            self.call(getitem, &args, span)
        })
    }

    pub(super) fn set_item(&mut self, object: Ty, index: Ty, value: Ty, span: Span) {
        for &m in object.union_members() {
            if m.is_dynamic() || self.typed_dict_set_item(m, index, value, span) {
                continue;
            }
            match self.member_of(m, "__setitem__") {
                Some(setitem) => {
                    let args = [
                        Arg {
                            kind: ArgKind::Positional,
                            ty: index,
                            span,
                        },
                        Arg {
                            kind: ArgKind::Positional,
                            ty: value,
                            span,
                        },
                    ];
                    self.call(setitem, &args, span);
                }
                None => self.report(
                    codes::NOT_SUBSCRIPTABLE,
                    span,
                    format!("type `{}` does not support item assignment", m.display()),
                ),
            }
        }
    }

    /// The element type of iterating over a value of type `ty`.
    pub(super) fn iterate(&mut self, ty: Ty, span: Span) -> Ty {
        if ty.has_dynamic() {
            return Ty::unknown();
        }
        if let TyKind::ClassObject(c) = ty.kind() {
            // Iterating over a class goes through its metaclass: enums yield members.
            if crate::types::class::is_enum(self.db, c) {
                return Ty::instance(c.class, Vec::new());
            }
            let has_metaclass =
                crate::declare::class_decl(self.db, c.class).is_some_and(|d| d.metaclass.is_some());
            if has_metaclass || crate::types::class::has_dynamic_ancestry(self.db, c) {
                return Ty::unknown();
            }
        }
        match ty.kind() {
            TyKind::Any | TyKind::Unknown => return Ty::unknown(),
            TyKind::Tuple(TupleTy::Fixed(items)) => return Ty::union(items.iter().copied()),
            TyKind::Tuple(TupleTy::Variadic(item)) => return *item,
            _ => {}
        }
        ty.map_members(|m| {
            if m.is_dynamic() {
                return Ty::unknown();
            }
            if let Some(iter) = self.try_dunder(m, "__iter__", &[], span) {
                if iter.is_dynamic() {
                    return Ty::unknown();
                }
                if let Some(next) = self.try_dunder(iter, "__next__", &[], span) {
                    return next;
                }
                return Ty::unknown();
            }
            if let Some(item) = self.try_dunder(
                m,
                "__getitem__",
                &[builtin_instance(self.db, "int", Vec::new())],
                span,
            ) {
                return item;
            }
            self.report(
                codes::NOT_ITERABLE,
                span,
                format!("type `{}` is not iterable", m.display()),
            );
            Ty::unknown()
        })
    }

    /// The type bound by `with value as x`.
    pub(super) fn enter_context(&mut self, ty: Ty, is_async: bool, span: Span) -> Ty {
        let (enter, exit) = if is_async {
            ("__aenter__", "__aexit__")
        } else {
            ("__enter__", "__exit__")
        };
        if ty.has_dynamic() {
            return Ty::unknown();
        }
        ty.map_members(|m| {
            let has_exit = self.member_of(m, exit).is_some();
            match self.try_dunder(m, enter, &[], span) {
                Some(entered) if has_exit => {
                    if is_async {
                        match entered.kind() {
                            TyKind::Instance(c) if c.class.qualname() == "Coroutine" => {
                                c.args.get(2).copied().unwrap_or_else(Ty::unknown)
                            }
                            _ => Ty::unknown(),
                        }
                    } else {
                        entered
                    }
                }
                _ => {
                    self.report(
                        codes::BAD_CONTEXT_MANAGER,
                        span,
                        format!(
                            "type `{}` is not a context manager (no `{enter}`/`{exit}`)",
                            m.display()
                        ),
                    );
                    Ty::unknown()
                }
            }
        })
    }
}

fn class_arg(db: &dyn crate::db::Db, ty: Ty) -> Ty {
    // Static Python hook: `Array[int64]` takes the primitive, not an instance of the class.
    if let Some(p) = crate::rules::static_python::hooks::primitive_class(db, ty) {
        return Ty::primitive(p);
    }
    match ty.kind() {
        TyKind::ClassObject(c) => Ty::instance(c.class, c.args.to_vec()),
        TyKind::None => ty,
        _ => Ty::unknown(),
    }
}

fn tuple_concat(left: Ty, right: Ty) -> Ty {
    match (left.kind(), right.kind()) {
        (TyKind::Tuple(TupleTy::Fixed(a)), TyKind::Tuple(TupleTy::Fixed(b))) => {
            Ty::tuple(a.iter().chain(b.iter()).copied().collect())
        }
        _ => Ty::variadic_tuple(Ty::unknown()),
    }
}
