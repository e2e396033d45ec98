//! The symbols of one scope, read from its own statements (nested function and class
//! bodies are other scopes): what is bound, annotated, declared `global`/`nonlocal`,
//! or a parameter. Walrus targets inside comprehensions bind in the enclosing scope.

use indexmap::IndexMap;
use rustpython_parser::ast;

/// Symbol flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SymbolFlags(u8);

impl SymbolFlags {
    pub const BOUND: SymbolFlags = SymbolFlags(1);
    pub const ANNOTATED: SymbolFlags = SymbolFlags(2);
    pub const GLOBAL: SymbolFlags = SymbolFlags(4);
    pub const NONLOCAL: SymbolFlags = SymbolFlags(8);
    pub const PARAMETER: SymbolFlags = SymbolFlags(16);
    pub const USED: SymbolFlags = SymbolFlags(32);

    pub fn contains(self, other: SymbolFlags) -> bool {
        self.0 & other.0 == other.0
    }
    pub fn insert(&mut self, other: SymbolFlags) {
        self.0 |= other.0;
    }
    /// A local of its scope: bound or annotated here and not `global`/`nonlocal`.
    pub fn is_local(self) -> bool {
        (self.contains(Self::BOUND)
            || self.contains(Self::ANNOTATED)
            || self.contains(Self::PARAMETER))
            && !self.contains(Self::GLOBAL)
            && !self.contains(Self::NONLOCAL)
    }
}

/// One symbol: its flags and its annotation (the first one seen).
#[derive(Clone, Copy, Debug, Default)]
pub struct SymbolInfo<'a> {
    pub flags: SymbolFlags,
    pub annotation: Option<&'a ast::Expr>,
}

/// The symbols of a scope, in first-seen order (the index is the symbol id).
#[derive(Debug, Default)]
pub struct ScopeSymbols<'a> {
    pub names: IndexMap<&'a str, SymbolInfo<'a>>,
}

impl<'a> ScopeSymbols<'a> {
    fn add(&mut self, name: &'a str, flags: SymbolFlags) {
        self.names.entry(name).or_default().flags.insert(flags);
    }

    /// The symbols of a function: its parameters and body.
    pub fn of_function(args: &'a ast::Arguments, body: &'a [ast::Stmt]) -> Self {
        let mut out = Self::default();
        for arg in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            out.add(arg.def.arg.as_str(), SymbolFlags::PARAMETER);
        }
        if let Some(a) = &args.vararg {
            out.add(a.arg.as_str(), SymbolFlags::PARAMETER);
        }
        if let Some(a) = &args.kwarg {
            out.add(a.arg.as_str(), SymbolFlags::PARAMETER);
        }
        out.stmts(body);
        out
    }

    /// The symbols of a module or class body.
    pub fn of_body(body: &'a [ast::Stmt]) -> Self {
        let mut out = Self::default();
        out.stmts(body);
        out
    }

    /// The id of a symbol.
    pub fn id(&self, name: &str) -> Option<usize> {
        self.names.get_index_of(name)
    }

    pub fn stmts(&mut self, stmts: &'a [ast::Stmt]) {
        for stmt in stmts {
            self.stmt(stmt);
        }
    }

    fn target(&mut self, target: &'a ast::Expr) {
        match target {
            ast::Expr::Name(n) => self.add(n.id.as_str(), SymbolFlags::BOUND),
            ast::Expr::Tuple(t) => t.elts.iter().for_each(|e| self.target(e)),
            ast::Expr::List(l) => l.elts.iter().for_each(|e| self.target(e)),
            ast::Expr::Starred(s) => self.target(&s.value),
            other => self.expr(other),
        }
    }

    fn stmt(&mut self, stmt: &'a ast::Stmt) {
        use ast::Stmt as S;
        match stmt {
            S::FunctionDef(f) => {
                self.add(f.name.as_str(), SymbolFlags::BOUND);
                f.decorator_list.iter().for_each(|d| self.expr(d));
            }
            S::AsyncFunctionDef(f) => {
                self.add(f.name.as_str(), SymbolFlags::BOUND);
                f.decorator_list.iter().for_each(|d| self.expr(d));
            }
            S::ClassDef(c) => {
                self.add(c.name.as_str(), SymbolFlags::BOUND);
                c.bases.iter().for_each(|d| self.expr(d));
            }
            S::Assign(a) => {
                a.targets.iter().for_each(|t| self.target(t));
                self.expr(&a.value);
            }
            S::AnnAssign(a) => {
                if let ast::Expr::Name(n) = &*a.target {
                    let info = self.names.entry(n.id.as_str()).or_default();
                    info.flags.insert(SymbolFlags::ANNOTATED);
                    if a.value.is_some() {
                        info.flags.insert(SymbolFlags::BOUND);
                    }
                    if info.annotation.is_none() {
                        info.annotation = Some(&a.annotation);
                    }
                } else {
                    self.expr(&a.target);
                }
                if let Some(v) = &a.value {
                    self.expr(v);
                }
            }
            S::AugAssign(a) => {
                self.target(&a.target);
                self.expr(&a.value);
            }
            S::For(s) => {
                self.target(&s.target);
                self.expr(&s.iter);
                self.stmts(&s.body);
                self.stmts(&s.orelse);
            }
            S::AsyncFor(s) => {
                self.target(&s.target);
                self.expr(&s.iter);
                self.stmts(&s.body);
                self.stmts(&s.orelse);
            }
            S::While(s) => {
                self.expr(&s.test);
                self.stmts(&s.body);
                self.stmts(&s.orelse);
            }
            S::If(s) => {
                self.expr(&s.test);
                self.stmts(&s.body);
                self.stmts(&s.orelse);
            }
            S::With(s) => {
                for item in &s.items {
                    self.expr(&item.context_expr);
                    if let Some(v) = &item.optional_vars {
                        self.target(v);
                    }
                }
                self.stmts(&s.body);
            }
            S::AsyncWith(s) => {
                for item in &s.items {
                    self.expr(&item.context_expr);
                    if let Some(v) = &item.optional_vars {
                        self.target(v);
                    }
                }
                self.stmts(&s.body);
            }
            S::Match(m) => {
                self.expr(&m.subject);
                for case in &m.cases {
                    self.pattern(&case.pattern);
                    if let Some(g) = &case.guard {
                        self.expr(g);
                    }
                    self.stmts(&case.body);
                }
            }
            S::Try(s) => {
                self.stmts(&s.body);
                for handler in &s.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = handler;
                    if let Some(name) = &h.name {
                        self.add(name.as_str(), SymbolFlags::BOUND);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(&s.orelse);
                self.stmts(&s.finalbody);
            }
            S::TryStar(s) => {
                self.stmts(&s.body);
                for handler in &s.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = handler;
                    if let Some(name) = &h.name {
                        self.add(name.as_str(), SymbolFlags::BOUND);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(&s.orelse);
                self.stmts(&s.finalbody);
            }
            S::Import(i) => {
                for alias in &i.names {
                    let name = match &alias.asname {
                        Some(a) => a.as_str(),
                        None => alias.name.split('.').next().unwrap_or(alias.name.as_str()),
                    };
                    self.add(name, SymbolFlags::BOUND);
                }
            }
            S::ImportFrom(i) => {
                for alias in &i.names {
                    let name = alias.asname.as_ref().unwrap_or(&alias.name);
                    if name.as_str() != "*" {
                        self.add(name.as_str(), SymbolFlags::BOUND);
                    }
                }
            }
            S::Global(g) => g
                .names
                .iter()
                .for_each(|n| self.add(n.as_str(), SymbolFlags::GLOBAL)),
            S::Nonlocal(g) => g
                .names
                .iter()
                .for_each(|n| self.add(n.as_str(), SymbolFlags::NONLOCAL)),
            S::Delete(d) => d.targets.iter().for_each(|t| self.target(t)),
            S::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v);
                }
            }
            S::Expr(e) => self.expr(&e.value),
            S::Assert(a) => self.expr(&a.test),
            S::Raise(_) | S::Pass(_) | S::Break(_) | S::Continue(_) | S::TypeAlias(_) => {}
        }
    }

    fn pattern(&mut self, pattern: &'a ast::Pattern) {
        use ast::Pattern as P;
        match pattern {
            P::MatchAs(p) => {
                if let Some(name) = &p.name {
                    self.add(name.as_str(), SymbolFlags::BOUND);
                }
                if let Some(p) = &p.pattern {
                    self.pattern(p);
                }
            }
            P::MatchStar(p) => {
                if let Some(name) = &p.name {
                    self.add(name.as_str(), SymbolFlags::BOUND);
                }
            }
            P::MatchMapping(p) => {
                p.patterns.iter().for_each(|p| self.pattern(p));
                if let Some(rest) = &p.rest {
                    self.add(rest.as_str(), SymbolFlags::BOUND);
                }
            }
            P::MatchSequence(p) => p.patterns.iter().for_each(|p| self.pattern(p)),
            P::MatchClass(p) => {
                p.patterns.iter().for_each(|p| self.pattern(p));
                p.kwd_patterns.iter().for_each(|p| self.pattern(p));
            }
            P::MatchOr(p) => p.patterns.iter().for_each(|p| self.pattern(p)),
            P::MatchValue(_) | P::MatchSingleton(_) => {}
        }
    }

    /// Only walrus targets matter in expressions; iterative to survive deep nesting.
    fn expr(&mut self, expr: &'a ast::Expr) {
        let mut stack = vec![expr];
        while let Some(e) = stack.pop() {
            if let ast::Expr::NamedExpr(n) = e {
                self.target(&n.target);
            }
            if let ast::Expr::Lambda(_) = e {
                continue;
            }
            super::push_children(e, &mut stack);
        }
    }
}
