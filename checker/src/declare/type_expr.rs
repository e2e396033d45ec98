//! Type expressions (annotations, `cast` targets, alias values) to [`Ty`].
//!
//! Input: an annotation expression and a way to look names up (module symbols for
//! declarations, the module's declarations for inference). Output: a type, its
//! qualifiers (`Final`, `ClassVar`) and `invalid-annotation` / `unresolved-name`
//! diagnostics. String annotations are parsed and resolved the same way.

use rustpython_parser::text_size::TextSize;
use rustpython_parser::{Parse, ast};

use crate::db::{Db, SourceFile};
use crate::declare::ModuleDecls;
use crate::declare::names::{NameRes, builtins_file, resolve_global, resolve_in_module};
use crate::diagnostics::{Diagnostic, Span, codes};
use crate::types::{
    ClassId, Literal, Param, ParamKind, Signature, SpecialForm, TupleTy, Ty, TyKind,
};

/// An annotation's type and qualifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Annotation {
    pub ty: Ty,
    pub is_final: bool,
    pub is_class_var: bool,
    /// `Final` with no type: the type comes from the value.
    pub bare_final: bool,
    /// `Required[...]` (`Some(true)`) or `NotRequired[...]` (`Some(false)`): TypedDict keys.
    pub required: Option<bool>,
}

enum Lookup<'a> {
    Module,
    Decls(&'a ModuleDecls),
}

/// Resolves type expressions in the context of one module.
pub struct TypeExprResolver<'a> {
    db: &'a dyn Db,
    file: SourceFile,
    depth: u32,
    lookup: Lookup<'a>,
    report: bool,
    failed: bool,
    /// The type `Self` stands for (inside a class).
    pub self_ty: Option<Ty>,
    pub diags: Vec<Diagnostic>,
}

impl<'a> TypeExprResolver<'a> {
    /// Resolves names through module symbols (declarations; silent).
    pub fn for_module(db: &'a dyn Db, file: SourceFile, depth: u32) -> Self {
        Self {
            db,
            file,
            depth,
            lookup: Lookup::Module,
            report: false,
            failed: false,
            self_ty: None,
            diags: Vec::new(),
        }
    }

    /// Resolves names through module symbols and reports problems.
    pub fn reporting(db: &'a dyn Db, file: SourceFile) -> Self {
        Self {
            report: true,
            ..Self::for_module(db, file, 0)
        }
    }

    /// Resolves names through the module's declarations (inference) and reports.
    pub fn with_decls(db: &'a dyn Db, file: SourceFile, decls: &'a ModuleDecls) -> Self {
        Self {
            lookup: Lookup::Decls(decls),
            report: true,
            ..Self::for_module(db, file, 0)
        }
    }

    /// The type of an alias value, or `None` if it is not a valid type expression.
    pub fn try_alias(&mut self, expr: &ast::Expr) -> Option<Ty> {
        self.report = false;
        self.failed = false;
        let ty = self.type_of(expr);
        (!self.failed).then_some(ty)
    }

    /// The type of an expression, errors ignored.
    pub fn silent_type(&mut self, expr: &ast::Expr) -> Ty {
        let report = std::mem::replace(&mut self.report, false);
        let ty = self.type_of(expr);
        self.report = report;
        ty
    }

    fn error(&mut self, span: Span, code: crate::Code, message: String) {
        self.failed = true;
        if self.report {
            self.diags.push(Diagnostic::new(code, span, message));
        }
    }

    /// What a name means here.
    pub fn name_res(&self, name: &str) -> NameRes {
        match &self.lookup {
            Lookup::Module => {
                if self.depth > 0 {
                    resolve_in_module(self.db, self.file, name, self.depth)
                } else {
                    resolve_global(self.db, self.file, name)
                }
            }
            Lookup::Decls(decls) => match decls.globals.get(name) {
                Some(global) => global.res.clone(),
                None => match builtins_file(self.db) {
                    Some(builtins) => resolve_in_module(self.db, builtins, name, 1),
                    None => NameRes::Unresolved,
                },
            },
        }
    }

    /// What an expression names (a name or a dotted attribute chain).
    pub fn expr_res(&self, expr: &ast::Expr) -> Option<NameRes> {
        match expr {
            ast::Expr::Name(n) => Some(self.name_res(n.id.as_str())),
            ast::Expr::Attribute(a) => match self.expr_res(&a.value)? {
                NameRes::Module(name, Some(file)) => {
                    let res = resolve_in_module(self.db, file, a.attr.as_str(), self.depth + 1);
                    if res == NameRes::Unresolved {
                        let sub = format!("{name}.{}", a.attr);
                        return Some(match crate::resolve::resolve_module(self.db, &sub) {
                            Some(f) => NameRes::Module(sub.into(), Some(f)),
                            None => NameRes::Unresolved,
                        });
                    }
                    Some(res)
                }
                NameRes::Module(_, None) | NameRes::Dynamic => Some(NameRes::Dynamic),
                // `P.args` / `P.kwargs` of a `ParamSpec` stand for `P` on `*args`/`**kwargs`.
                NameRes::TypeVar(spec)
                    if spec.is_param_spec() && matches!(a.attr.as_str(), "args" | "kwargs") =>
                {
                    Some(NameRes::TypeVar(spec))
                }
                NameRes::Class(class) => Some(NameRes::Class(ClassId::new(
                    class.file(),
                    &format!("{}.{}", class.qualname(), a.attr),
                ))),
                _ => Some(NameRes::Value),
            },
            _ => None,
        }
    }

    /// An annotation with its qualifiers, errors ignored.
    pub fn silent_annotation(&mut self, expr: &ast::Expr) -> Annotation {
        self.report = false;
        self.annotation(expr)
    }

    /// An annotation with its qualifiers.
    pub fn annotation(&mut self, expr: &ast::Expr) -> Annotation {
        let mut result = Annotation {
            ty: Ty::unknown(),
            is_final: false,
            is_class_var: false,
            bare_final: false,
            required: None,
        };
        let mut expr = expr;
        loop {
            let (base, inner) = match expr {
                ast::Expr::Subscript(s) => (&*s.value, Some(&*s.slice)),
                other => (other, None),
            };
            match self.expr_res(base) {
                Some(NameRes::Special(SpecialForm::Final)) => {
                    result.is_final = true;
                    match inner {
                        Some(inner) => expr = inner,
                        None => {
                            result.bare_final = true;
                            return result;
                        }
                    }
                }
                Some(NameRes::Special(
                    form @ (SpecialForm::Required
                    | SpecialForm::NotRequired
                    | SpecialForm::ReadOnly),
                )) => {
                    match form {
                        SpecialForm::Required => result.required = Some(true),
                        SpecialForm::NotRequired => result.required = Some(false),
                        _ => {}
                    }
                    match inner {
                        Some(inner) => expr = inner,
                        None => return result,
                    }
                }
                Some(NameRes::Special(SpecialForm::ClassVar)) => {
                    result.is_class_var = true;
                    match inner {
                        Some(inner) => expr = inner,
                        None => return result,
                    }
                }
                _ => break,
            }
        }
        result.ty = self.type_of(expr);
        result
    }

    fn builtin(&self, name: &str) -> Option<ClassId> {
        builtins_file(self.db).map(|f| ClassId::new(f, name))
    }

    fn builtin_instance(&self, name: &str, args: Vec<Ty>) -> Ty {
        match self.builtin(name) {
            Some(class) => Ty::instance(class, args),
            None => Ty::unknown(),
        }
    }

    fn is_builtin(&self, class: ClassId, name: &str) -> bool {
        class.qualname() == name && Some(class.file()) == builtins_file(self.db)
    }

    /// A type expression.
    pub fn type_of(&mut self, expr: &ast::Expr) -> Ty {
        let ty = self.type_of_inner(expr);
        // Static Python hook: what resolves to `dynamic` in a static module.
        if crate::rules::static_python::is_static_module(self.db, self.file) {
            return crate::rules::static_python::hooks::static_annotation(self.db, ty);
        }
        ty
    }

    fn type_of_inner(&mut self, expr: &ast::Expr) -> Ty {
        let span = Span::from(expr_range(expr));
        match expr {
            ast::Expr::Constant(c) => match &c.value {
                ast::Constant::None => Ty::none(),
                ast::Constant::Str(text) => self.string_annotation(text, span),
                _ => {
                    self.error(
                        span,
                        codes::INVALID_ANNOTATION,
                        "a literal value is not a valid type".into(),
                    );
                    Ty::unknown()
                }
            },
            ast::Expr::Name(_) | ast::Expr::Attribute(_) => {
                let res = self.expr_res(expr).unwrap_or(NameRes::Value);
                self.res_to_type(res, expr, span)
            }
            ast::Expr::Subscript(s) => self.subscript(s, span),
            ast::Expr::BinOp(b) if matches!(b.op, ast::Operator::BitOr) => {
                let left = self.type_of(&b.left);
                let right = self.type_of(&b.right);
                left.or(right)
            }
            _ => {
                self.error(
                    span,
                    codes::INVALID_ANNOTATION,
                    "this expression is not a valid type".into(),
                );
                Ty::unknown()
            }
        }
    }

    fn string_annotation(&mut self, text: &str, span: Span) -> Ty {
        match ast::Expr::parse_starts_at(text, "<annotation>", TextSize::from(span.start + 1)) {
            Ok(parsed) => self.type_of(&parsed),
            Err(_) => {
                self.error(
                    span,
                    codes::INVALID_ANNOTATION,
                    format!("cannot parse the string annotation `{text}`"),
                );
                Ty::unknown()
            }
        }
    }

    fn res_to_type(&mut self, res: NameRes, expr: &ast::Expr, span: Span) -> Ty {
        match res {
            NameRes::Class(class) => {
                if self.is_builtin(class, "tuple") {
                    return Ty::variadic_tuple(Ty::unknown());
                }
                Ty::instance(class, Vec::new())
            }
            NameRes::TypeVar(tv) | NameRes::Alias(tv) => tv,
            NameRes::Primitive(p) => Ty::primitive(p),
            NameRes::Dynamic => Ty::unknown(),
            NameRes::Special(form) => match form {
                SpecialForm::Any => Ty::any(),
                SpecialForm::NoReturn | SpecialForm::Never => Ty::never(),
                SpecialForm::Alias(name) => self.builtin_instance(name, Vec::new()),
                SpecialForm::Tuple => Ty::variadic_tuple(Ty::unknown()),
                SpecialForm::Callable => Ty::callable(Signature::gradual(Ty::unknown())),
                SpecialForm::Type => self.builtin_instance("type", Vec::new()),
                SpecialForm::SelfType => self.self_ty.unwrap_or_else(Ty::unknown),
                _ => {
                    self.error(
                        span,
                        codes::INVALID_ANNOTATION,
                        format!(
                            "`{}` is not valid here without arguments",
                            unparse_name(expr)
                        ),
                    );
                    Ty::unknown()
                }
            },
            NameRes::Module(..) => {
                self.error(
                    span,
                    codes::INVALID_ANNOTATION,
                    format!("module `{}` is not a type", unparse_name(expr)),
                );
                Ty::unknown()
            }
            NameRes::Value => {
                self.error(
                    span,
                    codes::INVALID_ANNOTATION,
                    format!("`{}` is a value, not a type", unparse_name(expr)),
                );
                Ty::unknown()
            }
            NameRes::Unresolved => {
                self.error(
                    span,
                    codes::UNRESOLVED_NAME,
                    format!("name `{}` is not defined", unparse_name(expr)),
                );
                Ty::unknown()
            }
        }
    }

    fn elements(slice: &ast::Expr) -> Vec<&ast::Expr> {
        match slice {
            ast::Expr::Tuple(t) => t.elts.iter().collect(),
            other => vec![other],
        }
    }

    fn subscript(&mut self, s: &ast::ExprSubscript, span: Span) -> Ty {
        let res = self.expr_res(&s.value).unwrap_or(NameRes::Value);
        let args = Self::elements(&s.slice);
        match res {
            NameRes::Special(SpecialForm::Optional) => self.type_of(&s.slice).or(Ty::none()),
            NameRes::Special(SpecialForm::Union) => {
                let members: Vec<Ty> = args.iter().map(|a| self.type_of(a)).collect();
                Ty::union(members)
            }
            NameRes::Special(SpecialForm::Literal) => {
                let members: Vec<Ty> = args.iter().map(|a| self.literal(a)).collect();
                Ty::union(members)
            }
            NameRes::Special(SpecialForm::Callable) => self.callable(&args, span),
            NameRes::Special(SpecialForm::Final | SpecialForm::ClassVar) => {
                self.error(
                    span,
                    codes::INVALID_ANNOTATION,
                    "`Final` and `ClassVar` are only valid as the outermost annotation".into(),
                );
                self.type_of(&s.slice)
            }
            NameRes::Special(SpecialForm::Annotated) => match args.first() {
                // Static Python hook: `Annotated[C, "Exact"]` is `Exact[C]`.
                Some(first) if args.get(1).is_some_and(|a| is_exact_marker(a)) => {
                    match self.type_of(first).kind() {
                        TyKind::Instance(c) => Ty::exact(c.class, c.args.to_vec()),
                        _ => Ty::unknown(),
                    }
                }
                Some(first) => self.type_of(first),
                None => Ty::unknown(),
            },
            NameRes::Special(SpecialForm::Type) => self.type_of_class(&s.slice),
            NameRes::Special(
                SpecialForm::Required | SpecialForm::NotRequired | SpecialForm::ReadOnly,
            ) => self.type_of(&s.slice),
            NameRes::Special(SpecialForm::Tuple) => self.tuple(&s.slice),
            NameRes::Special(SpecialForm::Alias(name)) => {
                let args = args.iter().map(|a| self.type_of(a)).collect();
                self.builtin_instance(name, args)
            }
            NameRes::Class(class) if self.is_builtin(class, "tuple") => self.tuple(&s.slice),
            NameRes::Class(class) if self.is_builtin(class, "type") => self.type_of_class(&s.slice),
            NameRes::Class(class) => {
                let args = args.iter().map(|a| self.type_of(a)).collect();
                Ty::instance(class, args)
            }
            // Static Python hook: `CheckedList = chklist` subscripted takes the arguments.
            NameRes::Alias(ty) => match ty.kind() {
                TyKind::Instance(c) if c.args.is_empty() => {
                    let args = args.iter().map(|a| self.type_of(a)).collect();
                    Ty::instance(c.class, args)
                }
                _ => ty,
            },
            NameRes::Dynamic => Ty::unknown(),
            other => {
                let ty = self.res_to_type(other, &s.value, span);
                if !ty.is_unknown() {
                    self.error(
                        span,
                        codes::INVALID_ANNOTATION,
                        format!("`{}` cannot be subscripted", ty.display()),
                    );
                }
                Ty::unknown()
            }
        }
    }

    fn type_of_class(&mut self, inner: &ast::Expr) -> Ty {
        let inner = self.type_of(inner);
        inner.map_members(|m| match m.kind() {
            TyKind::Instance(c) => Ty::class_object(c.class, c.args.to_vec()),
            TyKind::TypeVar(_) => Ty::class_of_var(m),
            _ => self.builtin_instance("type", Vec::new()),
        })
    }

    fn tuple(&mut self, slice: &ast::Expr) -> Ty {
        if let ast::Expr::Tuple(t) = slice {
            if t.elts.is_empty() {
                return Ty::tuple(Vec::new());
            }
            if t.elts.len() == 2 && is_ellipsis(&t.elts[1]) {
                return Ty::variadic_tuple(self.type_of(&t.elts[0]));
            }
            return Ty::tuple(t.elts.iter().map(|e| self.type_of(e)).collect());
        }
        Ty::tuple(vec![self.type_of(slice)])
    }

    fn callable(&mut self, args: &[&ast::Expr], span: Span) -> Ty {
        let (Some(params), Some(ret)) = (args.first(), args.get(1)) else {
            self.error(
                span,
                codes::INVALID_ANNOTATION,
                "`Callable` takes `[[params...], return]`".into(),
            );
            return Ty::callable(Signature::gradual(Ty::unknown()));
        };
        let ret = self.type_of(ret);
        match params {
            ast::Expr::List(list) => {
                let params = list
                    .elts
                    .iter()
                    .map(|p| Param {
                        name: None,
                        kind: ParamKind::PositionalOnly,
                        ty: self.type_of(p),
                        annotated: true,
                        has_default: false,
                    })
                    .collect();
                Ty::callable(Signature {
                    params,
                    ret,
                    gradual: false,
                })
            }
            e if is_ellipsis(e) => Ty::callable(Signature::gradual(ret)),
            // `Callable[P, R]` with a `ParamSpec`.
            e @ (ast::Expr::Name(_) | ast::Expr::Attribute(_)) if matches!(self.expr_res(e), Some(NameRes::TypeVar(spec)) if spec.is_param_spec()) => {
                match self.expr_res(e) {
                    Some(NameRes::TypeVar(spec)) => {
                        Ty::callable(Signature::from_param_spec(spec, ret))
                    }
                    _ => Ty::callable(Signature::gradual(ret)),
                }
            }
            // `Callable[Concatenate[X, P], R]`: accepted, not modelled.
            ast::Expr::Subscript(_) => Ty::callable(Signature::gradual(ret)),
            other => {
                self.error(
                    Span::from(expr_range(other)),
                    codes::INVALID_ANNOTATION,
                    "the parameters of `Callable` must be a list or `...`".into(),
                );
                Ty::callable(Signature::gradual(ret))
            }
        }
    }

    fn literal(&mut self, expr: &ast::Expr) -> Ty {
        let span = Span::from(expr_range(expr));
        match expr {
            ast::Expr::Constant(c) => match &c.value {
                ast::Constant::Int(i) => match i64::try_from(i) {
                    Ok(v) => Ty::literal(Literal::Int(v)),
                    Err(_) => self.builtin_instance("int", Vec::new()),
                },
                ast::Constant::Str(s) => Ty::literal(Literal::Str(s.as_str().into())),
                ast::Constant::Bytes(b) => {
                    Ty::literal(Literal::Bytes(b.clone().into_boxed_slice()))
                }
                ast::Constant::Bool(b) => Ty::literal(Literal::Bool(*b)),
                ast::Constant::None => Ty::none(),
                _ => {
                    self.error(
                        span,
                        codes::INVALID_ANNOTATION,
                        "invalid `Literal` value".into(),
                    );
                    Ty::unknown()
                }
            },
            ast::Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::USub) => match &*u.operand {
                ast::Expr::Constant(c) => match &c.value {
                    ast::Constant::Int(i) => match i64::try_from(i) {
                        Ok(v) => Ty::literal(Literal::Int(-v)),
                        Err(_) => self.builtin_instance("int", Vec::new()),
                    },
                    _ => Ty::unknown(),
                },
                _ => Ty::unknown(),
            },
            ast::Expr::Attribute(a) => match self.expr_res(&a.value) {
                Some(NameRes::Class(class)) => {
                    Ty::literal(Literal::Enum(class, a.attr.as_str().into()))
                }
                _ => {
                    self.error(
                        span,
                        codes::INVALID_ANNOTATION,
                        "invalid `Literal` value".into(),
                    );
                    Ty::unknown()
                }
            },
            ast::Expr::Subscript(_) => self.type_of(expr),
            _ => {
                self.error(
                    span,
                    codes::INVALID_ANNOTATION,
                    "invalid `Literal` value".into(),
                );
                Ty::unknown()
            }
        }
    }
}

/// The type of a `tuple` type: a fixed or variadic [`TupleTy`].
pub fn tuple_elements(ty: Ty) -> Option<&'static TupleTy> {
    match ty.kind() {
        TyKind::Tuple(t) => Some(t),
        _ => None,
    }
}

/// `"Exact"` as the metadata of `Annotated` (Static Python's exact types).
fn is_exact_marker(expr: &ast::Expr) -> bool {
    matches!(expr, ast::Expr::Constant(c) if matches!(&c.value, ast::Constant::Str(s) if s == "Exact"))
}

fn is_ellipsis(expr: &ast::Expr) -> bool {
    matches!(expr, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Ellipsis))
}

/// `a.b.c` as text, for messages.
pub fn unparse_name(expr: &ast::Expr) -> String {
    match expr {
        ast::Expr::Name(n) => n.id.to_string(),
        ast::Expr::Attribute(a) => format!("{}.{}", unparse_name(&a.value), a.attr),
        _ => "expression".to_string(),
    }
}

/// The range of any expression.
pub fn expr_range(expr: &ast::Expr) -> rustpython_parser::text_size::TextRange {
    use rustpython_parser::ast::Ranged;
    expr.range()
}
