//! Function signatures from annotations, and what decorators make of a function.

use rustpython_parser::ast;

use crate::declare::{DeclBuilder, FuncDecl, TypeExprResolver};
use crate::types::{
    ClassId, FunctionFlags, FunctionRef, FunctionTy, Param, ParamKind, Signature, Ty, TyKind,
};

/// The parts of a `def` or `async def` that declarations read.
#[derive(Clone, Copy)]
pub struct FunctionSyntax<'a> {
    pub name: &'a str,
    pub args: &'a ast::Arguments,
    pub returns: Option<&'a ast::Expr>,
    pub decorators: &'a [ast::Expr],
    pub body: &'a [ast::Stmt],
    pub is_async: bool,
}

impl<'a> FunctionSyntax<'a> {
    pub fn from_def(f: &'a ast::StmtFunctionDef) -> Self {
        Self {
            name: f.name.as_str(),
            args: &f.args,
            returns: f.returns.as_deref(),
            decorators: &f.decorator_list,
            body: &f.body,
            is_async: false,
        }
    }
    pub fn from_async_def(f: &'a ast::StmtAsyncFunctionDef) -> Self {
        Self {
            name: f.name.as_str(),
            args: &f.args,
            returns: f.returns.as_deref(),
            decorators: &f.decorator_list,
            body: &f.body,
            is_async: true,
        }
    }
    /// From any statement that is a function definition.
    pub fn from_stmt(stmt: &'a ast::Stmt) -> Option<Self> {
        match stmt {
            ast::Stmt::FunctionDef(f) => Some(Self::from_def(f)),
            ast::Stmt::AsyncFunctionDef(f) => Some(Self::from_async_def(f)),
            _ => None,
        }
    }
}

/// The last name of a decorator (`functools.wraps(f)` → `wraps`).
pub fn decorator_name(expr: &ast::Expr) -> &str {
    match expr {
        ast::Expr::Name(n) => n.id.as_str(),
        ast::Expr::Attribute(a) => a.attr.as_str(),
        ast::Expr::Call(c) => decorator_name(&c.func),
        _ => "",
    }
}

/// Flags from decorators, and whether some decorator is not understood.
pub fn decorator_flags(decorators: &[ast::Expr]) -> (FunctionFlags, bool, bool) {
    let mut flags = FunctionFlags::default();
    let mut unknown = false;
    let mut property = false;
    for decorator in decorators {
        match decorator_name(decorator) {
            "staticmethod" => flags.is_staticmethod = true,
            "classmethod" => flags.is_classmethod = true,
            "abstractmethod" => flags.is_abstract = true,
            "final" => flags.is_final = true,
            "overload" => flags.is_overload = true,
            "property" | "cached_property" | "abstractproperty" => property = true,
            "override" | "wraps" | "lru_cache" | "cache" | "no_type_check" | "inline"
            | "donotcompile" | "runtime_checkable" | "total_ordering" => {}
            _ => unknown = true,
        }
    }
    (flags, unknown, property)
}

/// Whether a body yields (making the function a generator).
pub fn is_generator(body: &[ast::Stmt]) -> bool {
    crate::index::contains_yield(body)
}

/// Builds the signature of a function.
pub fn signature(
    resolver: &mut TypeExprResolver<'_>,
    syntax: FunctionSyntax<'_>,
    self_ty: Option<Ty>,
    flags: FunctionFlags,
    coroutine: Option<ClassId>,
) -> Signature {
    let mut params = Vec::new();
    let args = syntax.args;
    let mut first = self_ty.is_some() && !flags.is_staticmethod;
    let mut push = |resolver: &mut TypeExprResolver<'_>,
                    arg: &ast::Arg,
                    kind: ParamKind,
                    has_default: bool| {
        let (ty, annotated) = match &arg.annotation {
            Some(annotation) => (resolver.type_of(annotation), true),
            None if first => {
                let self_ty = self_ty.unwrap_or_else(Ty::unknown);
                let ty = if flags.is_classmethod {
                    match self_ty.kind() {
                        TyKind::Instance(c) => Ty::class_object(c.class, c.args.to_vec()),
                        _ => Ty::unknown(),
                    }
                } else {
                    self_ty
                };
                (ty, false)
            }
            None => (Ty::any(), false),
        };
        if kind.is_positional() {
            first = false;
        }
        params.push(Param {
            name: Some(arg.arg.as_str().into()),
            kind,
            ty,
            annotated,
            has_default,
        });
    };
    for a in &args.posonlyargs {
        push(
            resolver,
            &a.def,
            ParamKind::PositionalOnly,
            a.default.is_some(),
        );
    }
    for a in &args.args {
        push(
            resolver,
            &a.def,
            ParamKind::PositionalOrKeyword,
            a.default.is_some(),
        );
    }
    if let Some(vararg) = &args.vararg {
        push(resolver, vararg, ParamKind::VarPositional, false);
    }
    for a in &args.kwonlyargs {
        push(
            resolver,
            &a.def,
            ParamKind::KeywordOnly,
            a.default.is_some(),
        );
    }
    if let Some(kwarg) = &args.kwarg {
        push(resolver, kwarg, ParamKind::VarKeyword, false);
    }
    let mut ret = match syntax.returns {
        Some(annotation) => resolver.type_of(annotation),
        None if syntax.name == "__init__" => Ty::none(),
        None => Ty::unknown(),
    };
    if syntax.is_async
        && !flags.is_generator
        && let Some(coroutine) = coroutine
    {
        ret = Ty::instance(coroutine, vec![Ty::any(), Ty::any(), ret]);
    }
    Signature {
        params: params.into_boxed_slice(),
        ret,
        gradual: false,
    }
}

impl DeclBuilder<'_> {
    /// Declares a function at module level or in a class body.
    pub(crate) fn declare_function(
        &mut self,
        syntax: FunctionSyntax<'_>,
        qualname: &str,
        class: Option<(ClassId, Ty)>,
    ) {
        let (mut flags, unknown, property) = decorator_flags(syntax.decorators);
        implicit_flags(syntax.name, class.is_some(), &mut flags);
        flags.is_async = syntax.is_async;
        flags.is_generator = is_generator(syntax.body);
        let mut resolver = TypeExprResolver::reporting(self.db, self.file);
        resolver.self_ty = class.map(|(_, ty)| ty);
        let coroutine = crate::types::class::typing_class(self.db, "Coroutine");
        let mut sig = signature(
            &mut resolver,
            syntax,
            class.map(|(_, ty)| ty),
            flags,
            coroutine,
        );
        self.diags.append(&mut resolver.diags);
        if let Some(ret) = infer_return(self.db, self.file, syntax, &sig, flags) {
            sig.ret = ret;
            flags.inferred_return = true;
        }
        let func = Ty::function(FunctionTy {
            name: syntax.name.into(),
            def: Some(FunctionRef {
                file: self.file,
                qualname: qualname.into(),
            }),
            sig,
            flags,
        });
        let value = if property {
            // A `cached_property` stores into the instance: it can be assigned.
            let settable = syntax
                .decorators
                .iter()
                .any(|d| decorator_name(d) == "cached_property");
            Ty::property(func_return(func), settable)
        } else if unknown && class.is_none() {
            // (A method's decorated value would have to bind `self`: left unknown.)
            self.apply_decorators(syntax.decorators, func)
                .unwrap_or_else(Ty::unknown)
        } else if unknown {
            Ty::unknown()
        } else {
            func
        };
        match self.decls.functions.get_mut(qualname) {
            Some(existing)
                if is_overload(existing.func)
                    || matches!(existing.value.kind(), TyKind::Overloaded(_)) =>
            {
                let mut items: Vec<Ty> = match existing.value.kind() {
                    TyKind::Overloaded(items) => items.to_vec(),
                    _ => vec![existing.func],
                };
                if flags.is_overload {
                    items.push(func);
                }
                existing.value = Ty::overloaded(items);
                existing.func = func;
            }
            Some(existing)
                if matches!(existing.value.kind(), TyKind::Property { .. }) && !property =>
            {
                // `@x.setter`: the property becomes settable.
                if let TyKind::Property { getter, .. } = existing.value.kind() {
                    existing.value = Ty::property(*getter, true);
                }
            }
            _ => {
                self.decls
                    .functions
                    .insert(qualname.into(), FuncDecl { func, value });
            }
        }
    }
}

/// The inferred return type of an unannotated function, where one is inferred: not in
/// stubs, generators, abstract methods, overloads, `__init__`, or Static Python modules
/// (where an unannotated return is dynamic by definition).
pub fn infer_return(
    db: &dyn crate::Db,
    file: crate::SourceFile,
    syntax: FunctionSyntax<'_>,
    sig: &Signature,
    flags: FunctionFlags,
) -> Option<Ty> {
    if flags.is_generator
        || flags.is_abstract
        || flags.is_overload
        || syntax.name == "__init__"
        || file.path(db).ends_with(".pyi")
        || crate::rules::static_python::is_static_module(db, file)
    {
        return None;
    }
    crate::declare::returns::inferred_return(db, file, syntax, sig)
}

impl DeclBuilder<'_> {
    /// The value of a function under decorators that are functions of this module
    /// declared above it, applied bottom-up: `def deco(f: Callable[P, R]) -> Callable[P, R]`
    /// keeps the signature, `def deco(f: F) -> F` keeps the function. `None` when some
    /// decorator is not understood (the value is unknown).
    ///
    /// Only type variables are solved here (a `ParamSpec`, the return type, the whole
    /// function): nothing looks a class up, so the declarations cannot cycle.
    fn apply_decorators(&self, decorators: &[ast::Expr], func: Ty) -> Option<Ty> {
        let mut value = func;
        for decorator in decorators.iter().rev() {
            let name = decorator_name(decorator);
            if is_flag_decorator(name) {
                continue;
            }
            let ast::Expr::Name(n) = decorator else {
                return None;
            };
            let deco = self.decls.functions.get(n.id.as_str())?.value;
            let TyKind::Function(deco) = deco.kind() else {
                return None;
            };
            let param = deco.sig.params.iter().find(|p| p.kind.is_positional())?;
            if !param.annotated || deco.flags.inferred_return {
                return None;
            }
            let sig = match value.kind() {
                TyKind::Function(f) => f.sig.clone(),
                TyKind::Callable(sig) => sig.clone(),
                _ => return None,
            };
            let mut subst = crate::types::Substitution::new();
            match param.ty.kind() {
                TyKind::TypeVar(_) => subst.bind(param.ty, value),
                TyKind::Callable(expected) => {
                    if let Some(spec) = expected.param_spec() {
                        let params = Signature {
                            ret: Ty::unknown(),
                            ..sig.clone()
                        };
                        subst.bind(spec, Ty::callable(params));
                    }
                    if matches!(expected.ret.kind(), TyKind::TypeVar(_)) {
                        subst.bind(expected.ret, sig.ret);
                    }
                }
                _ => return None,
            }
            let mut unsolved = Vec::new();
            crate::types::subst::collect_type_vars(deco.sig.ret, &mut unsolved);
            for var in unsolved {
                if subst.get(var).is_none() {
                    subst.bind(var, Ty::unknown());
                }
            }
            value = subst.apply(deco.sig.ret);
        }
        Some(value)
    }
}

/// Decorators that set a flag (or are transparent) rather than replace the function.
fn is_flag_decorator(name: &str) -> bool {
    matches!(
        name,
        "staticmethod"
            | "classmethod"
            | "abstractmethod"
            | "final"
            | "overload"
            | "override"
            | "wraps"
            | "lru_cache"
            | "cache"
            | "no_type_check"
            | "inline"
            | "donotcompile"
            | "runtime_checkable"
            | "total_ordering"
    )
}

fn is_overload(ty: Ty) -> bool {
    matches!(ty.kind(), TyKind::Function(f) if f.flags.is_overload)
}

/// The declared return type of a function type.
pub fn func_return(ty: Ty) -> Ty {
    match ty.kind() {
        TyKind::Function(f) => f.sig.ret,
        _ => Ty::unknown(),
    }
}

/// `__new__` is implicitly a static method, `__init_subclass__` and `__class_getitem__`
/// implicitly class methods.
pub fn implicit_flags(name: &str, in_class: bool, flags: &mut FunctionFlags) {
    if !in_class {
        return;
    }
    match name {
        "__new__" => flags.is_staticmethod = true,
        "__init_subclass__" | "__class_getitem__" => flags.is_classmethod = true,
        _ => {}
    }
}
