//! Definitions met while walking a scope: `def` (declared functions bind their declared
//! type; nested functions are inferred in place) and `class` (the body is walked in a
//! class frame, then overrides are checked); and the body of a function itself.

use rustpython_parser::ast::{self, Ranged};

use crate::declare::function::{FunctionSyntax, decorator_flags, signature};
use crate::declare::returns::is_stub_body;
use crate::diagnostics::{Span, codes};
use crate::index::ScopeSymbols;
use crate::infer::builder::{Frame, FrameKind, Infer};
use crate::types::class::{builtin_instance, typing_class};
use crate::types::relation::is_assignable;
use crate::types::{ClassId, FunctionTy, ParamKind, Ty, TyKind};

impl<'db, 'a> Infer<'db, 'a> {
    /// Infers the body of a function (`stmt` is its `def`), given its declared type.
    pub(super) fn function_body(&mut self, stmt: &'a ast::Stmt, func: Option<Ty>) {
        let Some(syntax) = FunctionSyntax::from_stmt(stmt) else {
            return;
        };
        let func_qualname: Option<&'static str> = match func.map(|f| f.kind()) {
            Some(TyKind::Function(f)) => f.def.as_ref().map(|d| &*d.qualname),
            _ => None,
        };
        let func = match func.map(|f| f.kind()) {
            Some(TyKind::Function(f)) => f.clone(),
            _ => {
                let self_ty = match (&self.unit_class, self.frames.is_empty()) {
                    (Some(class), true) => {
                        crate::declare::class_decl(self.db, ClassId::new(self.file, class))
                            .map(|d| d.self_instance())
                    }
                    _ => None,
                };
                self.local_function_type(syntax, self_ty)
            }
        };
        let mut frame = Frame::new(
            FrameKind::Function,
            ScopeSymbols::of_function(syntax.args, syntax.body),
        );
        frame.is_generator = func.flags.is_generator;
        frame.func_name = syntax.name;
        frame.func_qualname = func_qualname;
        let is_method = (self.unit_class.is_some() && self.frames.is_empty())
            || self
                .frames
                .last()
                .is_some_and(|f| f.kind == FrameKind::Class);
        if is_method
            && !func.flags.is_staticmethod
            && syntax.returns.is_none()
            && !func.sig.params.iter().any(|p| p.annotated)
        {
            frame.implicit_self = syntax
                .args
                .posonlyargs
                .iter()
                .chain(&syntax.args.args)
                .next()
                .map(|a| a.def.arg.as_str());
        }
        if syntax.returns.is_some() {
            let mut ret = func.sig.ret;
            if func.flags.is_async
                && let TyKind::Instance(c) = ret.kind()
                && c.class.qualname() == "Coroutine"
                && let Some(inner) = c.args.get(2)
            {
                ret = *inner;
            }
            frame.ret = Some(ret);
        }
        let mut param_types = Vec::new();
        for param in func.sig.params.iter() {
            let Some(name) = param.name.as_deref() else {
                continue;
            };
            let ty = match param.kind {
                ParamKind::VarPositional => Ty::variadic_tuple(param.ty),
                ParamKind::VarKeyword => builtin_instance(
                    self.db,
                    "dict",
                    vec![builtin_instance(self.db, "str", Vec::new()), param.ty],
                ),
                _ => param.ty,
            };
            param_types.push((name.to_string(), ty, param.annotated));
        }
        self.frames.push(frame);
        let annotated: Vec<(usize, &'a ast::Expr)> = self
            .frame()
            .symbols
            .names
            .values()
            .enumerate()
            .filter_map(|(i, info)| info.annotation.map(|a| (i, a)))
            .collect();
        for (i, annotation) in annotated {
            let ty = self.annotation_type(annotation).ty;
            self.frame_mut().declared[i] = Some(ty);
        }
        for (name, ty, annotated) in param_types {
            if annotated && let Some(id) = self.frame().symbols.id(&name) {
                self.frame_mut().declared[id] = Some(ty);
            }
            self.bind_name(&name, ty);
        }
        self.stmts(syntax.body);
        let frame = self.frames.pop();
        if let Some(frame) = frame
            && frame.state.reachable
            && let Some(ret) = frame.ret
            && !frame.is_generator
            && !is_stub_body(syntax.body)
            && !func.flags.is_abstract
            && !func.flags.is_overload
            && !is_assignable(self.db, Ty::none(), ret)
        {
            let span = Span::from(syntax.returns.map_or(stmt.range(), |r| r.range()));
            if self.silent == 0 {
                self.diags.push(crate::Diagnostic::new(
                    codes::MISSING_RETURN,
                    span,
                    format!(
                        "function `{}` can end without returning a value of type `{}`",
                        syntax.name,
                        ret.display()
                    ),
                ));
            }
        }
    }

    /// The type of a function defined inside another function (not declared).
    pub(super) fn local_function_type(
        &mut self,
        syntax: FunctionSyntax<'_>,
        self_ty: Option<Ty>,
    ) -> FunctionTy {
        let (mut flags, _, _) = decorator_flags(syntax.decorators);
        crate::declare::function::implicit_flags(syntax.name, self_ty.is_some(), &mut flags);
        flags.is_async = syntax.is_async;
        flags.is_generator = crate::index::contains_yield(syntax.body);
        let mut resolver = self.resolver();
        let coroutine = typing_class(self.db, "Coroutine");
        let mut sig = signature(&mut resolver, syntax, self_ty, flags, coroutine);
        for diag in resolver.diags {
            self.report_diag(diag);
        }
        if let Some(ret) =
            crate::declare::function::infer_return(self.db, self.file, syntax, &sig, flags)
        {
            sig.ret = ret;
            flags.inferred_return = true;
        }
        FunctionTy {
            name: syntax.name.into(),
            def: None,
            sig,
            flags,
        }
    }

    pub(super) fn def_stmt(&mut self, stmt: &'a ast::Stmt) {
        let Some(syntax) = FunctionSyntax::from_stmt(stmt) else {
            return;
        };
        for decorator in syntax.decorators {
            self.infer_expr(decorator);
        }
        let args = syntax.args;
        for arg in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            if let Some(default) = &arg.default {
                self.infer_expr(default);
            }
        }
        let kind = self.frame().kind;
        match kind {
            FrameKind::Module | FrameKind::Class => {
                let qualname = match self.frame().class {
                    Some(class) => format!("{}.{}", class.qualname(), syntax.name),
                    None if kind == FrameKind::Module => syntax.name.to_string(),
                    None => String::new(),
                };
                let ty = self
                    .decls
                    .functions
                    .get(&*qualname)
                    .map_or_else(Ty::unknown, |f| f.value);
                let local_class = self
                    .frame()
                    .class
                    .is_some_and(|c| c.qualname().contains("<locals>"));
                if kind == FrameKind::Class && (self.frame().class.is_none() || local_class) {
                    // A method of a class local to a function: infer it here.
                    let func = self.decls.functions.get(&*qualname).map(|f| f.func);
                    self.function_body(stmt, func);
                }
                self.bind_name(syntax.name, ty);
            }
            _ => {
                let func = self.local_function_type(syntax, None);
                let (_, unknown, property) = decorator_flags(syntax.decorators);
                let func_ty = Ty::function(func);
                self.function_body(stmt, Some(func_ty));
                let value = if unknown || property {
                    Ty::unknown()
                } else {
                    func_ty
                };
                self.bind_name(syntax.name, value);
            }
        }
    }

    pub(super) fn class_stmt(&mut self, c: &'a ast::StmtClassDef) {
        for decorator in &c.decorator_list {
            self.infer_expr(decorator);
        }
        for base in &c.bases {
            self.infer_expr(base);
        }
        for keyword in &c.keywords {
            self.infer_expr(&keyword.value);
        }
        let class = match self.frame().kind {
            FrameKind::Module => Some(ClassId::new(self.file, c.name.as_str())),
            FrameKind::Class => self
                .frame()
                .class
                .map(|outer| ClassId::new(self.file, &format!("{}.{}", outer.qualname(), c.name))),
            _ => self
                .frames
                .iter()
                .rev()
                .find(|f| f.kind == FrameKind::Function)
                .and_then(|f| f.func_qualname)
                .map(|function| {
                    ClassId::new(self.file, &format!("{function}.<locals>.{}", c.name))
                }),
        };
        let class = class.filter(|id| crate::declare::class_decl(self.db, *id).is_some());
        let mut frame = Frame::new(FrameKind::Class, ScopeSymbols::of_body(&c.body));
        frame.class = class;
        if let Some(class) = class
            && let Some(decl) = crate::declare::class_decl(self.db, class)
        {
            for (i, (name, _)) in frame.symbols.names.iter().enumerate() {
                if let Some(member) = decl.members.get(*name)
                    && member.declared
                    && member.in_class_body
                    && matches!(
                        member.kind,
                        crate::declare::MemberKind::InstanceVar
                            | crate::declare::MemberKind::ClassVar
                    )
                {
                    frame.declared[i] = Some(member.ty);
                }
            }
        }
        self.frames.push(frame);
        self.stmts(&c.body);
        self.frames.pop();
        self.last_class_defs = c
            .body
            .iter()
            .filter_map(|s| {
                FunctionSyntax::from_stmt(s).map(|f| (f.name.into(), Span::from(s.range())))
            })
            .collect();
        let ty = match class {
            Some(class) => {
                self.check_overrides(class);
                Ty::class_object(class, Vec::new())
            }
            None => Ty::unknown(),
        };
        self.bind_name(c.name.as_str(), ty);
    }
}
