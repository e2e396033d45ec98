//! The static pass over a module's statements: scopes (module, class, function), the
//! rules of assignments, returns, `Final`, primitive scopes, and dispatch to
//! [`super::exprs`] for expressions and [`super::classes`] for class declarations.
//!
//! Input: the module's AST, its inference results, and the plain diagnostics (to turn
//! "can end without returning" into message 4). Output: static diagnostics and facts.

use std::collections::{HashMap, HashSet};

use rustpython_parser::ast::{self, Ranged};

use crate::db::{Db, SourceFile};
use crate::declare::function::{FunctionSyntax, decorator_name};
use crate::declare::{ModuleDecls, TypeExprResolver, module_declarations};
use crate::diagnostics::{Code, Diagnostic, Span, codes};
use crate::index::ScopeSymbols;
use crate::infer::{Inference, function_units, infer_function, infer_module_body};
use crate::types::{ClassId, ParamKind, Ty, TyKind};

use super::assign::{needs_cast, static_assignable};
use super::display::static_display;
use super::facts::{ArgChecks, StaticFacts};

/// Expression types of the whole module, by absolute span.
struct TypeTable<'db> {
    units: Vec<(u32, u32, &'db Inference)>,
    module: &'db Inference,
}

impl TypeTable<'_> {
    fn ty(&self, span: Span) -> Option<Ty> {
        for &(start, end, inference) in &self.units {
            if start <= span.start && span.end <= end {
                let relative = Span::new(span.start - start, span.end - start);
                if let Some(ty) = inference.type_at(relative) {
                    return Some(ty);
                }
            }
        }
        self.module.type_at(span)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum ScopeKind {
    Module,
    Class,
    Function,
}

/// One scope being walked.
pub(super) struct Scope {
    pub kind: ScopeKind,
    /// `""` for the module, `C`, `f`, `C.f`.
    pub qualname: String,
    /// Declared types of annotated names (and parameters).
    pub declared: HashMap<String, Ty>,
    /// The names local to a function scope.
    pub locals: HashSet<String>,
    /// `global` names of a function scope.
    pub globals: HashSet<String>,
    pub ret: Option<Ty>,
    /// The class of a class body, or of a method.
    pub class: Option<ClassId>,
    /// The function's own name (`__init__` allows `Final` attribute stores).
    pub func_name: String,
    /// The first parameter of a method.
    pub self_name: Option<String>,
}

impl Scope {
    fn new(kind: ScopeKind, qualname: String) -> Self {
        Self {
            kind,
            qualname,
            declared: HashMap::new(),
            locals: HashSet::new(),
            globals: HashSet::new(),
            ret: None,
            class: None,
            func_name: String::new(),
            self_name: None,
        }
    }
}

/// The pass.
pub(crate) struct StaticPass<'db> {
    pub db: &'db dyn Db,
    pub file: SourceFile,
    pub decls: &'db ModuleDecls,
    table: TypeTable<'db>,
    pub diags: Vec<Diagnostic>,
    pub facts: StaticFacts,
    pub scopes: Vec<Scope>,
    plain_missing_returns: Vec<Span>,
    /// `crange(...)` calls that are the iterator of a `for` loop.
    pub crange_ok: HashSet<Span>,
}

impl<'db> StaticPass<'db> {
    /// Runs the pass over a static module.
    pub(crate) fn run(
        db: &'db dyn Db,
        file: SourceFile,
        suite: &[ast::Stmt],
        plain: &[Diagnostic],
    ) -> (Vec<Diagnostic>, StaticFacts) {
        let mut units = Vec::new();
        for unit in &function_units(db, file).units {
            let offset = unit.offset(db);
            let len = unit.syntax(db).stmt().map_or(0, |s| {
                u32::from(s.range().end()) - u32::from(s.range().start())
            });
            units.push((offset, offset + len, infer_function(db, *unit)));
        }
        let decls: &'db ModuleDecls = module_declarations(db, file);
        let mut pass = StaticPass {
            db,
            file,
            decls,
            table: TypeTable {
                units,
                module: infer_module_body(db, file),
            },
            diags: Vec::new(),
            facts: StaticFacts::default(),
            scopes: Vec::new(),
            plain_missing_returns: plain
                .iter()
                .filter(|d| d.code == codes::MISSING_RETURN)
                .map(|d| d.span)
                .collect(),
            crange_ok: HashSet::new(),
        };
        let mut module = Scope::new(ScopeKind::Module, String::new());
        for (name, global) in &decls.globals {
            if global.declared {
                module.declared.insert(name.to_string(), global.ty);
            }
        }
        pass.scopes.push(module);
        pass.stmts(suite);
        pass.layout_facts();
        pass.facts.finish();
        pass.diags.sort_by_key(|d| (d.span.start, d.span.end));
        pass.diags.dedup();
        (pass.diags, pass.facts)
    }

    // ---- helpers -------------------------------------------------------------------

    pub fn report(&mut self, code: Code, span: Span, message: impl Into<String>) {
        self.diags.push(Diagnostic::new(code, span, message));
    }

    /// The inferred type of an expression (`dynamic` when inference recorded none).
    pub fn ty(&self, expr: &ast::Expr) -> Ty {
        self.table
            .ty(Span::from(expr.range()))
            .unwrap_or_else(Ty::unknown)
    }

    pub fn recorded(&self, expr: &ast::Expr) -> Option<Ty> {
        self.table.ty(Span::from(expr.range()))
    }

    pub fn show(&self, ty: Ty) -> String {
        static_display(self.db, ty)
    }

    pub fn scope(&self) -> &Scope {
        match self.scopes.last() {
            Some(s) => s,
            None => unreachable!("the pass always has a scope"),
        }
    }

    fn scope_mut(&mut self) -> &mut Scope {
        match self.scopes.last_mut() {
            Some(s) => s,
            None => unreachable!("the pass always has a scope"),
        }
    }

    fn resolver(&self) -> TypeExprResolver<'db> {
        TypeExprResolver::with_decls(self.db, self.file, self.decls)
    }

    pub fn annotation(&self, expr: &ast::Expr) -> crate::declare::Annotation {
        self.resolver().silent_annotation(expr)
    }

    /// Checks that a value flows into a typed slot: message 1 or the `CAST` fact.
    pub fn check_flow(&mut self, value: &ast::Expr, declared: Ty) {
        if self.unboxes_into(value, declared) || self.checked_literal(value, declared) {
            return;
        }
        let ty = self.ty(value);
        self.check_flow_ty(ty, Span::from(value.range()), declared);
    }

    /// `unbox(x)` takes the primitive type its context expects (`int64` without one).
    pub fn unboxes_into(&mut self, value: &ast::Expr, declared: Ty) -> bool {
        let is_unbox = matches!(value, ast::Expr::Call(c)
            if super::hooks::static_function_name(self.db, self.ty(&c.func)) == Some("unbox"));
        if let (true, TyKind::Primitive(p)) = (is_unbox, declared.kind()) {
            self.facts.primitives.push((Span::from(value.range()), *p));
            return true;
        }
        false
    }

    pub fn check_flow_ty(&mut self, ty: Ty, span: Span, declared: Ty) {
        if let (TyKind::Primitive(p), TyKind::Literal(_)) = (declared.kind(), ty.kind()) {
            self.facts.primitives.push((span, *p));
        }
        if !static_assignable(self.db, ty, declared) {
            let message = format!(
                "type mismatch: {} cannot be assigned to {}",
                self.show(ty),
                self.show(declared)
            );
            self.report(codes::STATIC_TYPE_MISMATCH, span, message);
        } else if needs_cast(self.db, ty, declared)
            && let Some(descr) = super::descr::type_descr(self, declared)
        {
            self.facts.casts.push((span, descr));
        }
    }

    fn is_final_global(&self, name: &str) -> bool {
        self.decls.globals.get(name).is_some_and(|g| g.is_final)
    }

    /// Whether a name assigned in the current scope is the module's `Final` global.
    fn assigns_final_global(&self, name: &str) -> bool {
        match self.scope().kind {
            ScopeKind::Module => self.is_final_global(name),
            ScopeKind::Function => {
                self.scope().globals.contains(name) && self.is_final_global(name)
            }
            ScopeKind::Class => false,
        }
    }

    // ---- statements ----------------------------------------------------------------

    pub fn stmts(&mut self, stmts: &[ast::Stmt]) {
        for stmt in stmts {
            self.stmt(stmt);
        }
    }

    fn stmt(&mut self, stmt: &ast::Stmt) {
        use ast::Stmt as S;
        match stmt {
            S::FunctionDef(_) | S::AsyncFunctionDef(_) => {
                if let Some(syntax) = FunctionSyntax::from_stmt(stmt) {
                    self.function(stmt, syntax);
                }
            }
            S::ClassDef(c) => {
                for base in &c.bases {
                    self.expr(base);
                }
                for d in &c.decorator_list {
                    self.expr(d);
                }
                let qualname = match self.scope().kind {
                    ScopeKind::Module => c.name.to_string(),
                    ScopeKind::Class => format!("{}.{}", self.scope().qualname, c.name),
                    ScopeKind::Function => String::new(),
                };
                let class = (!qualname.is_empty()).then(|| ClassId::new(self.file, &qualname));
                if let Some(class) = class {
                    super::classes::check_class(self, c, class);
                }
                let mut scope = Scope::new(ScopeKind::Class, qualname);
                scope.class = class;
                self.scopes.push(scope);
                self.stmts(&c.body);
                self.scopes.pop();
            }
            S::Return(r) => {
                if let Some(value) = &r.value {
                    self.expr(value);
                }
                let Some(ret) = self.scope().ret else { return };
                if let Some(v) = &r.value
                    && (self.unboxes_into(v, ret) || self.checked_literal(v, ret))
                {
                    return;
                }
                let (ty, span) = match &r.value {
                    Some(v) => (self.ty(v), Span::from(v.range())),
                    None => (Ty::none(), Span::from(r.range)),
                };
                if !static_assignable(self.db, ty, ret) {
                    let message = format!(
                        "mismatched types: expected {} because of return type, found {} instead",
                        self.show(ret),
                        self.show(ty)
                    );
                    self.report(codes::STATIC_BAD_RETURN, span, message);
                } else if needs_cast(self.db, ty, ret)
                    && let Some(descr) = super::descr::type_descr(self, ret)
                {
                    self.facts.casts.push((span, descr));
                }
            }
            S::Assign(a) => {
                self.expr(&a.value);
                for target in &a.targets {
                    self.store(target, Some(&a.value), None);
                }
            }
            S::AnnAssign(a) => self.ann_assign(a),
            S::AugAssign(a) => {
                self.expr(&a.value);
                self.expr(&a.target);
                if let ast::Expr::Name(n) = &*a.target
                    && self.assigns_final_global(n.id.as_str())
                {
                    self.report(
                        codes::STATIC_FINAL_REASSIGNED,
                        Span::from(a.target.range()),
                        "Cannot assign to a Final variable",
                    );
                }
                self.aug_arithmetic(a);
            }
            S::For(f) => self.for_stmt(&f.target, &f.iter, &f.body, &f.orelse),
            S::AsyncFor(f) => self.for_stmt(&f.target, &f.iter, &f.body, &f.orelse),
            S::While(w) => {
                self.expr(&w.test);
                self.stmts(&w.body);
                self.stmts(&w.orelse);
            }
            S::If(i) => {
                self.expr(&i.test);
                self.stmts(&i.body);
                self.stmts(&i.orelse);
            }
            S::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr);
                    if let Some(vars) = &item.optional_vars {
                        self.store(vars, None, None);
                    }
                }
                self.stmts(&w.body);
            }
            S::AsyncWith(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr);
                    if let Some(vars) = &item.optional_vars {
                        self.store(vars, None, None);
                    }
                }
                self.stmts(&w.body);
            }
            S::Try(t) => self.try_stmt(&t.body, &t.handlers, &t.orelse, &t.finalbody),
            S::TryStar(t) => self.try_stmt(&t.body, &t.handlers, &t.orelse, &t.finalbody),
            S::Match(m) => {
                self.expr(&m.subject);
                for case in &m.cases {
                    if let Some(guard) = &case.guard {
                        self.expr(guard);
                    }
                    self.stmts(&case.body);
                }
            }
            S::Raise(r) => {
                for e in [&r.exc, &r.cause].into_iter().flatten() {
                    self.expr(e);
                }
            }
            S::Assert(a) => {
                self.expr(&a.test);
                if let Some(msg) = &a.msg {
                    self.expr(msg);
                    self.no_primitive_because(msg, "assert message cannot be a primitive");
                }
            }
            S::Expr(e) => self.expr(&e.value),
            S::Delete(d) => {
                for t in &d.targets {
                    self.expr(t);
                }
            }
            S::Global(g) => {
                let names: Vec<String> = g.names.iter().map(|n| n.to_string()).collect();
                self.scope_mut().globals.extend(names);
            }
            S::ImportFrom(i) => super::annotations::static_import(self, i),
            S::Import(_)
            | S::Nonlocal(_)
            | S::Pass(_)
            | S::Break(_)
            | S::Continue(_)
            | S::TypeAlias(_) => {}
        }
    }

    fn try_stmt(
        &mut self,
        body: &[ast::Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[ast::Stmt],
        finalbody: &[ast::Stmt],
    ) {
        self.stmts(body);
        for handler in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = handler;
            if let Some(t) = &h.type_ {
                self.expr(t);
            }
            if let Some(name) = &h.name
                && self.assigns_final_global(name.as_str())
            {
                self.report(
                    codes::STATIC_FINAL_REASSIGNED,
                    Span::from(h.range),
                    "Cannot assign to a Final variable",
                );
            }
            self.stmts(&h.body);
        }
        self.stmts(orelse);
        self.stmts(finalbody);
    }

    fn for_stmt(
        &mut self,
        target: &ast::Expr,
        iter: &ast::Expr,
        body: &[ast::Stmt],
        orelse: &[ast::Stmt],
    ) {
        if let ast::Expr::Call(c) = iter {
            self.crange_ok.insert(Span::from(c.range));
        }
        self.expr(iter);
        self.store(target, None, None);
        self.stmts(body);
        self.stmts(orelse);
    }

    /// A store to a target, with the assigned value when there is one expression for it.
    fn store(&mut self, target: &ast::Expr, value: Option<&ast::Expr>, _annotation: Option<Ty>) {
        match target {
            ast::Expr::Name(n) => {
                let name = n.id.as_str();
                let span = Span::from(n.range);
                if self.assigns_final_global(name) {
                    self.report(
                        codes::STATIC_FINAL_REASSIGNED,
                        span,
                        "Cannot assign to a Final variable",
                    );
                }
                let value_ty = value.map(|v| self.ty(v)).or_else(|| self.recorded(target));
                if let Some(ty) = value_ty
                    && matches!(ty.kind(), TyKind::Primitive(_))
                    && self.is_global_scope_name(name)
                {
                    self.report(
                        codes::PRIMITIVE_SCOPE,
                        span,
                        "cannot use primitives in global or closure scope",
                    );
                }
                if let (Some(value), Some(declared)) =
                    (value, self.scope().declared.get(name).copied())
                    && self.scope().kind == ScopeKind::Function
                {
                    self.check_flow(value, declared);
                }
            }
            ast::Expr::Attribute(a) => {
                self.expr(&a.value);
                super::exprs::attribute_store(self, a, value);
            }
            ast::Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
                super::exprs::subscript_store(self, s);
                let whole = match value {
                    Some(v) => Span::new(u32::from(s.range.start()), u32::from(v.range().end())),
                    None => Span::from(s.range),
                };
                self.checked_subscript(s, value, whole);
            }
            ast::Expr::Tuple(t) => {
                for elt in &t.elts {
                    self.store(elt, None, None);
                }
            }
            ast::Expr::List(l) => {
                for elt in &l.elts {
                    self.store(elt, None, None);
                }
            }
            ast::Expr::Starred(s) => self.store(&s.value, None, None),
            other => self.expr(other),
        }
    }

    /// Whether a name stored here lives in a global (module or class body, or `global`).
    fn is_global_scope_name(&self, name: &str) -> bool {
        match self.scope().kind {
            ScopeKind::Module => true,
            ScopeKind::Class => false,
            ScopeKind::Function => self.scope().globals.contains(name),
        }
    }

    fn ann_assign(&mut self, a: &ast::StmtAnnAssign) {
        if let Some(value) = &a.value {
            self.expr(value);
        }
        super::annotations::check_annotation_expr(self, &a.annotation, true);
        let ann = self.annotation(&a.annotation);
        let span = Span::from(a.target.range());
        let kind = self.scope().kind;
        if ann.is_final && kind == ScopeKind::Function && matches!(&*a.target, ast::Expr::Name(_)) {
            self.report(
                codes::FINAL_MISPLACED,
                Span::from(a.annotation.range()),
                "Final annotation is only valid in initial declaration of attribute or module-level constant",
            );
        }
        if ann.is_final && a.value.is_none() && kind == ScopeKind::Module {
            self.report(
                codes::FINAL_UNINITIALIZED,
                span,
                "Must assign a value when declaring a Final",
            );
        }
        let declared = if ann.bare_final {
            a.value.as_deref().map_or_else(Ty::unknown, |v| self.ty(v))
        } else {
            ann.ty
        };
        match &*a.target {
            ast::Expr::Name(n) => {
                let name = n.id.as_str();
                if matches!(declared.kind(), TyKind::Primitive(_))
                    && self.is_global_scope_name(name)
                {
                    self.report(
                        codes::PRIMITIVE_SCOPE,
                        span,
                        "cannot use primitives in global or closure scope",
                    );
                }
                if kind == ScopeKind::Function {
                    if self.scope().declared.contains_key(name) {
                        self.report(
                            codes::STATIC_REDEFINED_LOCAL,
                            span,
                            format!("Cannot redefine local variable {name}"),
                        );
                    }
                    self.scope_mut().declared.insert(name.to_string(), declared);
                }
                if let Some(value) = &a.value
                    && !ann.bare_final
                {
                    self.check_flow(value, declared);
                }
            }
            ast::Expr::Attribute(attr) => {
                self.expr(&attr.value);
                if let Some(value) = &a.value {
                    self.check_flow(value, declared);
                }
            }
            other => {
                self.expr(other);
                if let Some(value) = &a.value {
                    self.check_flow(value, declared);
                }
            }
        }
    }

    fn aug_arithmetic(&mut self, a: &ast::StmtAugAssign) {
        let (Some(left), Some(right)) = (self.recorded(&a.target), self.recorded(&a.value)) else {
            return;
        };
        super::exprs::check_arithmetic(self, left, a.op, right, Span::from(a.range));
    }

    /// A primitive may not appear here, for the reason Cinder gives (dict keys, set
    /// members, generator elements, slice bounds, formatted values, yields...).
    pub fn no_primitive_because(&mut self, expr: &ast::Expr, reason: &str) {
        if matches!(self.ty(expr).kind(), TyKind::Primitive(_)) {
            self.report(
                codes::PRIMITIVE_NOT_OBJECT,
                Span::from(expr.range()),
                reason,
            );
        }
    }

    /// A primitive may not appear here (list and tuple elements, decorators...).
    pub fn no_primitive(&mut self, expr: &ast::Expr) {
        let ty = self.ty(expr);
        if matches!(ty.kind(), TyKind::Primitive(_)) {
            let message = format!(
                "type mismatch: {} cannot be assigned to dynamic",
                self.show(ty)
            );
            self.report(
                codes::STATIC_TYPE_MISMATCH,
                Span::from(expr.range()),
                message,
            );
        }
    }

    // ---- functions -----------------------------------------------------------------

    fn function(&mut self, stmt: &ast::Stmt, syntax: FunctionSyntax<'_>) {
        for d in syntax.decorators {
            self.expr(d);
            self.no_primitive(d);
        }
        for arg in syntax
            .args
            .posonlyargs
            .iter()
            .chain(&syntax.args.args)
            .chain(&syntax.args.kwonlyargs)
        {
            if let Some(default) = &arg.default {
                self.expr(default);
            }
            if let Some(ann) = &arg.def.annotation {
                super::annotations::check_annotation_expr(self, ann, false);
            }
        }
        if let Some(returns) = syntax.returns {
            super::annotations::check_annotation_expr(self, returns, false);
        }
        let parent = self.scope();
        let qualname = match parent.kind {
            ScopeKind::Module => syntax.name.to_string(),
            ScopeKind::Class => format!("{}.{}", parent.qualname, syntax.name),
            ScopeKind::Function => String::new(),
        };
        let class = if parent.kind == ScopeKind::Class {
            parent.class
        } else {
            parent.class.filter(|_| parent.kind == ScopeKind::Function)
        };
        let func_ty = self.decls.functions.get(qualname.as_str()).map(|f| f.func);
        let mut scope = Scope::new(ScopeKind::Function, qualname.clone());
        scope.class = class;
        scope.func_name = syntax.name.to_string();
        let symbols = ScopeSymbols::of_function(syntax.args, syntax.body);
        scope.locals = symbols
            .names
            .iter()
            .filter(|(_, i)| i.flags.is_local())
            .map(|(n, _)| n.to_string())
            .collect();
        let mut resolver = self.resolver();
        let params: Vec<&ast::ArgWithDefault> = syntax
            .args
            .posonlyargs
            .iter()
            .chain(&syntax.args.args)
            .chain(&syntax.args.kwonlyargs)
            .collect();
        if parent.kind == ScopeKind::Class {
            scope.self_name = params.first().map(|p| p.def.arg.to_string());
        }
        match func_ty.map(|t| t.kind()) {
            Some(TyKind::Function(f)) => {
                for p in f.sig.params.iter() {
                    if let Some(name) = &p.name
                        && p.annotated
                        && !matches!(p.kind, ParamKind::VarPositional | ParamKind::VarKeyword)
                    {
                        scope.declared.insert(name.to_string(), p.ty);
                    }
                }
                if syntax.returns.is_some() && !f.flags.is_generator {
                    scope.ret = Some(if f.flags.is_async {
                        async_inner(f.sig.ret)
                    } else {
                        f.sig.ret
                    });
                }
                if !qualname.is_empty() {
                    let checks = super::descr::arg_checks(
                        self,
                        f,
                        parent.kind == ScopeKind::Class && !f.flags.is_staticmethod,
                    );
                    self.facts.arg_checks.push(ArgChecks {
                        qualname: qualname.clone(),
                        checks,
                    });
                }
            }
            _ => {
                for p in &params {
                    if let Some(ann) = &p.def.annotation {
                        scope
                            .declared
                            .insert(p.def.arg.to_string(), resolver.silent_annotation(ann).ty);
                    }
                }
                if let Some(r) = syntax.returns
                    && !crate::index::contains_yield(syntax.body)
                {
                    scope.ret = Some(resolver.silent_annotation(r).ty);
                }
            }
        }
        if let Some(returns) = syntax.returns
            && let Some(ret) = scope.ret
            && self
                .plain_missing_returns
                .contains(&Span::from(returns.range()))
        {
            let message = format!(
                "Function has declared return type '{}' but can implicitly return None.",
                self.show(ret)
            );
            let start = u32::from(stmt.range().start());
            self.report(
                codes::STATIC_IMPLICIT_NONE_RETURN,
                Span::new(start, u32::from(returns.range().end())),
                message,
            );
        }
        if syntax
            .decorators
            .iter()
            .any(|d| decorator_name(d) == "inline")
            && !is_simple_return(syntax.body)
        {
            self.report(
                codes::BAD_INLINE,
                Span::from(stmt.range()),
                "@inline only supported on functions with simple return",
            );
        }
        self.scopes.push(scope);
        self.stmts(syntax.body);
        self.scopes.pop();
    }
}

/// `async def f() -> int`: the declared `int`, not the coroutine.
fn async_inner(ret: Ty) -> Ty {
    match ret.kind() {
        TyKind::Instance(c) if c.class.qualname() == "Coroutine" => {
            c.args.get(2).copied().unwrap_or(ret)
        }
        _ => ret,
    }
}

/// A body that is one `return expr` (a docstring may precede it).
fn is_simple_return(body: &[ast::Stmt]) -> bool {
    let body = match body.first() {
        Some(ast::Stmt::Expr(e)) if matches!(&*e.value, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Str(_))) => {
            &body[1..]
        }
        _ => body,
    };
    matches!(body, [ast::Stmt::Return(r)] if r.value.is_some())
}
