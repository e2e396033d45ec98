//! Builds a [`SemanticIndex`]: one pass over the module, statements recursively (their
//! nesting is shallow), expressions with an explicit work list.

use rustpython_parser::ast::{self, Ranged};

use super::symbols::ScopeSymbols;
use super::{Scope, ScopeId, ScopeKind, SemanticIndex, Symbol};
use crate::diagnostics::Span;

struct Builder {
    scopes: Vec<Scope>,
    expressions: Vec<Vec<Span>>,
}

pub(super) fn build(suite: &[ast::Stmt]) -> SemanticIndex {
    let mut builder = Builder {
        scopes: Vec::new(),
        expressions: Vec::new(),
    };
    let end = suite.last().map_or(0, |s| u32::from(s.range().end()));
    let module = builder.scope(
        ScopeKind::Module,
        None,
        None,
        Span::new(0, end),
        &ScopeSymbols::of_body(suite),
    );
    builder.body(module, suite);
    let Builder {
        mut scopes,
        expressions,
    } = builder;
    for (scope, mut exprs) in scopes.iter_mut().zip(expressions) {
        exprs.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        exprs.dedup();
        scope.expressions = exprs.into_boxed_slice();
    }
    SemanticIndex {
        scopes: scopes.into_boxed_slice(),
    }
}

impl Builder {
    fn scope(
        &mut self,
        kind: ScopeKind,
        parent: Option<ScopeId>,
        name: Option<&str>,
        span: Span,
        symbols: &ScopeSymbols<'_>,
    ) -> ScopeId {
        let id = ScopeId(self.scopes.len() as u32);
        let symbols = symbols
            .names
            .iter()
            .map(|(n, info)| Symbol {
                name: (*n).into(),
                flags: info.flags,
            })
            .collect();
        self.scopes.push(Scope {
            kind,
            parent,
            name: name.map(Into::into),
            span,
            symbols,
            expressions: Box::new([]),
        });
        self.expressions.push(Vec::new());
        id
    }

    fn body(&mut self, scope: ScopeId, stmts: &[ast::Stmt]) {
        for stmt in stmts {
            let mut roots = Vec::new();
            stmt_exprs(stmt, &mut roots);
            self.exprs(scope, roots);
            use ast::Stmt as S;
            match stmt {
                S::FunctionDef(f) => {
                    let symbols = ScopeSymbols::of_function(&f.args, &f.body);
                    let child = self.scope(
                        ScopeKind::Function,
                        Some(scope),
                        Some(f.name.as_str()),
                        f.range.into(),
                        &symbols,
                    );
                    self.body(child, &f.body);
                }
                S::AsyncFunctionDef(f) => {
                    let symbols = ScopeSymbols::of_function(&f.args, &f.body);
                    let child = self.scope(
                        ScopeKind::Function,
                        Some(scope),
                        Some(f.name.as_str()),
                        f.range.into(),
                        &symbols,
                    );
                    self.body(child, &f.body);
                }
                S::ClassDef(c) => {
                    let symbols = ScopeSymbols::of_body(&c.body);
                    let child = self.scope(
                        ScopeKind::Class,
                        Some(scope),
                        Some(c.name.as_str()),
                        c.range.into(),
                        &symbols,
                    );
                    self.body(child, &c.body);
                }
                S::For(s) => {
                    self.body(scope, &s.body);
                    self.body(scope, &s.orelse);
                }
                S::AsyncFor(s) => {
                    self.body(scope, &s.body);
                    self.body(scope, &s.orelse);
                }
                S::While(s) => {
                    self.body(scope, &s.body);
                    self.body(scope, &s.orelse);
                }
                S::If(s) => {
                    self.body(scope, &s.body);
                    self.body(scope, &s.orelse);
                }
                S::With(s) => self.body(scope, &s.body),
                S::AsyncWith(s) => self.body(scope, &s.body),
                S::Match(m) => m.cases.iter().for_each(|c| self.body(scope, &c.body)),
                S::Try(s) => {
                    self.body(scope, &s.body);
                    for h in &s.handlers {
                        let ast::ExceptHandler::ExceptHandler(h) = h;
                        self.body(scope, &h.body);
                    }
                    self.body(scope, &s.orelse);
                    self.body(scope, &s.finalbody);
                }
                S::TryStar(s) => {
                    self.body(scope, &s.body);
                    for h in &s.handlers {
                        let ast::ExceptHandler::ExceptHandler(h) = h;
                        self.body(scope, &h.body);
                    }
                    self.body(scope, &s.orelse);
                    self.body(scope, &s.finalbody);
                }
                _ => {}
            }
        }
    }

    fn exprs(&mut self, scope: ScopeId, roots: Vec<&ast::Expr>) {
        let mut work: Vec<(ScopeId, &ast::Expr)> =
            roots.into_iter().rev().map(|e| (scope, e)).collect();
        let mut children = Vec::new();
        while let Some((scope, expr)) = work.pop() {
            if let Some(list) = self.expressions.get_mut(scope.0 as usize) {
                list.push(expr.range().into());
            }
            use ast::Expr as E;
            let (child_kind, generators): (Option<ScopeKind>, Option<&[ast::Comprehension]>) =
                match expr {
                    E::Lambda(_) => (Some(ScopeKind::Lambda), None),
                    E::ListComp(c) => (Some(ScopeKind::Comprehension), Some(&c.generators)),
                    E::SetComp(c) => (Some(ScopeKind::Comprehension), Some(&c.generators)),
                    E::DictComp(c) => (Some(ScopeKind::Comprehension), Some(&c.generators)),
                    E::GeneratorExp(c) => (Some(ScopeKind::Comprehension), Some(&c.generators)),
                    _ => (None, None),
                };
            match (child_kind, expr) {
                (Some(ScopeKind::Lambda), E::Lambda(l)) => {
                    let mut symbols = ScopeSymbols::default();
                    let body = [];
                    let fake = ScopeSymbols::of_function(&l.args, &body);
                    symbols.names = fake.names;
                    let child = self.scope(
                        ScopeKind::Lambda,
                        Some(scope),
                        None,
                        l.range.into(),
                        &symbols,
                    );
                    for arg in l
                        .args
                        .posonlyargs
                        .iter()
                        .chain(&l.args.args)
                        .chain(&l.args.kwonlyargs)
                    {
                        if let Some(d) = &arg.default {
                            work.push((scope, d));
                        }
                    }
                    work.push((child, &l.body));
                }
                (Some(ScopeKind::Comprehension), _) => {
                    let generators = generators.unwrap_or(&[]);
                    let mut symbols = ScopeSymbols::default();
                    for g in generators {
                        for name in crate::declare::symbols::target_names(&g.target) {
                            symbols
                                .names
                                .entry(name)
                                .or_default()
                                .flags
                                .insert(super::SymbolFlags::BOUND);
                        }
                    }
                    let child = self.scope(
                        ScopeKind::Comprehension,
                        Some(scope),
                        None,
                        expr.range().into(),
                        &symbols,
                    );
                    children.clear();
                    super::push_children(expr, &mut children);
                    let first_iter = generators.first().map(|g| &g.iter as *const ast::Expr);
                    for c in children.drain(..).rev() {
                        let target = if Some(c as *const ast::Expr) == first_iter {
                            scope
                        } else {
                            child
                        };
                        work.push((target, c));
                    }
                }
                _ => {
                    children.clear();
                    super::push_children(expr, &mut children);
                    for c in children.drain(..).rev() {
                        work.push((scope, c));
                    }
                }
            }
        }
    }
}

/// The expressions that a statement evaluates itself (not those of nested statements):
/// for a `def`, its decorators, defaults and annotations; for a `class`, its bases.
pub(super) fn stmt_exprs<'a>(stmt: &'a ast::Stmt, out: &mut Vec<&'a ast::Expr>) {
    use ast::Stmt as S;
    let args = |a: &'a ast::Arguments, out: &mut Vec<&'a ast::Expr>| {
        for arg in a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs) {
            if let Some(ann) = &arg.def.annotation {
                out.push(ann);
            }
            if let Some(d) = &arg.default {
                out.push(d);
            }
        }
        for arg in [&a.vararg, &a.kwarg].into_iter().flatten() {
            if let Some(ann) = &arg.annotation {
                out.push(ann);
            }
        }
    };
    match stmt {
        S::FunctionDef(f) => {
            out.extend(&f.decorator_list);
            args(&f.args, out);
            out.extend(f.returns.as_deref());
        }
        S::AsyncFunctionDef(f) => {
            out.extend(&f.decorator_list);
            args(&f.args, out);
            out.extend(f.returns.as_deref());
        }
        S::ClassDef(c) => {
            out.extend(&c.decorator_list);
            out.extend(&c.bases);
            out.extend(c.keywords.iter().map(|k| &k.value));
        }
        S::Return(r) => out.extend(r.value.as_deref()),
        S::Delete(d) => out.extend(&d.targets),
        S::Assign(a) => {
            out.extend(&a.targets);
            out.push(&a.value);
        }
        S::AugAssign(a) => {
            out.push(&a.target);
            out.push(&a.value);
        }
        S::AnnAssign(a) => {
            out.push(&a.target);
            out.push(&a.annotation);
            out.extend(a.value.as_deref());
        }
        S::For(s) => {
            out.push(&s.target);
            out.push(&s.iter);
        }
        S::AsyncFor(s) => {
            out.push(&s.target);
            out.push(&s.iter);
        }
        S::While(s) => out.push(&s.test),
        S::If(s) => out.push(&s.test),
        S::With(s) => {
            for item in &s.items {
                out.push(&item.context_expr);
                out.extend(item.optional_vars.as_deref());
            }
        }
        S::AsyncWith(s) => {
            for item in &s.items {
                out.push(&item.context_expr);
                out.extend(item.optional_vars.as_deref());
            }
        }
        S::Match(m) => {
            out.push(&m.subject);
            for case in &m.cases {
                out.extend(case.guard.as_deref());
            }
        }
        S::Raise(r) => {
            out.extend(r.exc.as_deref());
            out.extend(r.cause.as_deref());
        }
        S::Try(s) => {
            for h in &s.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                out.extend(h.type_.as_deref());
            }
        }
        S::TryStar(s) => {
            for h in &s.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                out.extend(h.type_.as_deref());
            }
        }
        S::Assert(a) => {
            out.push(&a.test);
            out.extend(a.msg.as_deref());
        }
        S::Expr(e) => out.push(&e.value),
        S::TypeAlias(t) => out.push(&t.value),
        S::Import(_)
        | S::ImportFrom(_)
        | S::Global(_)
        | S::Nonlocal(_)
        | S::Pass(_)
        | S::Break(_)
        | S::Continue(_) => {}
    }
}
