//! `semantic_index(db, file)`: the scopes of a module (module, class, function, lambda,
//! comprehension), their symbols, and per-scope expression ids.
//!
//! Expression ids count the expressions of one scope in source order, so an edit in one
//! function does not shift the ids of another scope. Expressions are walked with an
//! explicit stack: 10,000-deep nested expressions do not grow the native stack.
//! Our own walker: rustpython's `Visitor` skips match cases.

mod builder;
pub mod symbols;

use rustpython_parser::ast;

use crate::db::{Db, SourceFile};
use crate::diagnostics::Span;
use crate::parse::parsed_module;

pub use symbols::{ScopeSymbols, SymbolFlags};

/// The kind of a scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// The id of a scope in its file's index (the module is `ScopeId(0)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ScopeId(pub u32);

/// The id of an expression within its scope (source order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExprId(pub u32);

/// A symbol of a scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub name: Box<str>,
    pub flags: SymbolFlags,
}

/// One scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    pub kind: ScopeKind,
    pub parent: Option<ScopeId>,
    /// The name of a class or function scope.
    pub name: Option<Box<str>>,
    /// The span of the node that opens the scope.
    pub span: Span,
    pub symbols: Box<[Symbol]>,
    /// The spans of the scope's expressions; an [`ExprId`] indexes this.
    pub expressions: Box<[Span]>,
}

impl Scope {
    /// The id of the expression with exactly this span.
    pub fn expr_id(&self, span: Span) -> Option<ExprId> {
        self.expressions
            .iter()
            .position(|s| *s == span)
            .map(|i| ExprId(i as u32))
    }

    pub fn symbol(&self, name: &str) -> Option<&Symbol> {
        self.symbols.iter().find(|s| &*s.name == name)
    }
}

/// The scopes of a file.
#[derive(Debug, PartialEq, Eq)]
pub struct SemanticIndex {
    pub scopes: Box<[Scope]>,
}

impl SemanticIndex {
    pub fn scope(&self, id: ScopeId) -> Option<&Scope> {
        self.scopes.get(id.0 as usize)
    }

    /// The innermost scope whose node contains `offset`.
    pub fn scope_at(&self, offset: u32) -> ScopeId {
        let mut best = ScopeId(0);
        for (i, scope) in self.scopes.iter().enumerate().skip(1) {
            if scope.span.start <= offset && offset < scope.span.end {
                best = ScopeId(i as u32);
            }
        }
        best
    }
}

/// Builds the index of `file`.
#[salsa::tracked(returns(ref))]
pub fn semantic_index(db: &dyn Db, file: SourceFile) -> SemanticIndex {
    let parsed = parsed_module(db, file);
    builder::build(parsed.suite())
}

/// Pushes the direct sub-expressions of `expr` (in reverse source order, so popping
/// yields source order).
pub fn push_children<'a>(expr: &'a ast::Expr, stack: &mut Vec<&'a ast::Expr>) {
    use ast::Expr as E;
    let start = stack.len();
    match expr {
        E::BoolOp(e) => stack.extend(&e.values),
        E::NamedExpr(e) => {
            stack.push(&e.target);
            stack.push(&e.value);
        }
        E::BinOp(e) => {
            stack.push(&e.left);
            stack.push(&e.right);
        }
        E::UnaryOp(e) => stack.push(&e.operand),
        E::Lambda(e) => {
            for arg in e
                .args
                .posonlyargs
                .iter()
                .chain(&e.args.args)
                .chain(&e.args.kwonlyargs)
            {
                if let Some(d) = &arg.default {
                    stack.push(d);
                }
            }
            stack.push(&e.body);
        }
        E::IfExp(e) => {
            stack.push(&e.test);
            stack.push(&e.body);
            stack.push(&e.orelse);
        }
        E::Dict(e) => {
            for (k, v) in e.keys.iter().zip(&e.values) {
                if let Some(k) = k {
                    stack.push(k);
                }
                stack.push(v);
            }
        }
        E::Set(e) => stack.extend(&e.elts),
        E::ListComp(e) => {
            push_generators(&e.generators, stack);
            stack.push(&e.elt);
        }
        E::SetComp(e) => {
            push_generators(&e.generators, stack);
            stack.push(&e.elt);
        }
        E::GeneratorExp(e) => {
            push_generators(&e.generators, stack);
            stack.push(&e.elt);
        }
        E::DictComp(e) => {
            push_generators(&e.generators, stack);
            stack.push(&e.key);
            stack.push(&e.value);
        }
        E::Await(e) => stack.push(&e.value),
        E::Yield(e) => {
            if let Some(v) = &e.value {
                stack.push(v);
            }
        }
        E::YieldFrom(e) => stack.push(&e.value),
        E::Compare(e) => {
            stack.push(&e.left);
            stack.extend(&e.comparators);
        }
        E::Call(e) => {
            stack.push(&e.func);
            stack.extend(&e.args);
            stack.extend(e.keywords.iter().map(|k| &k.value));
        }
        E::FormattedValue(e) => {
            stack.push(&e.value);
            if let Some(spec) = &e.format_spec {
                stack.push(spec);
            }
        }
        E::JoinedStr(e) => stack.extend(&e.values),
        E::Constant(_) | E::Name(_) => {}
        E::Attribute(e) => stack.push(&e.value),
        E::Subscript(e) => {
            stack.push(&e.value);
            stack.push(&e.slice);
        }
        E::Starred(e) => stack.push(&e.value),
        E::List(e) => stack.extend(&e.elts),
        E::Tuple(e) => stack.extend(&e.elts),
        E::Slice(e) => {
            for part in [&e.lower, &e.upper, &e.step].into_iter().flatten() {
                stack.push(part);
            }
        }
    }
    stack[start..].reverse();
}

fn push_generators<'a>(generators: &'a [ast::Comprehension], stack: &mut Vec<&'a ast::Expr>) {
    for g in generators {
        stack.push(&g.iter);
        stack.push(&g.target);
        stack.extend(&g.ifs);
    }
}

/// Whether a function body yields (not counting nested functions).
pub fn contains_yield(body: &[ast::Stmt]) -> bool {
    let mut found = false;
    for_each_expr_in_body(body, &mut |e| {
        if matches!(e, ast::Expr::Yield(_) | ast::Expr::YieldFrom(_)) {
            found = true;
        }
    });
    found
}

/// Every `self.attr = value` / `self.attr: T = value` in a function body (not nested
/// functions), with its annotation and value.
pub fn self_assignments<'a>(
    body: &'a [ast::Stmt],
    self_name: &str,
    out: &mut Vec<(&'a str, Option<&'a ast::Expr>, Option<&'a ast::Expr>)>,
) {
    let is_self_attr = |e: &'a ast::Expr| -> Option<&'a str> {
        match e {
            ast::Expr::Attribute(a) => match &*a.value {
                ast::Expr::Name(n) if n.id.as_str() == self_name => Some(a.attr.as_str()),
                _ => None,
            },
            _ => None,
        }
    };
    for_each_stmt(body, &mut |stmt| match stmt {
        ast::Stmt::Assign(a) => {
            for target in &a.targets {
                if let Some(attr) = is_self_attr(target) {
                    out.push((attr, None, Some(&a.value)));
                } else if let ast::Expr::Tuple(t) = target {
                    for elt in &t.elts {
                        if let Some(attr) = is_self_attr(elt) {
                            out.push((attr, None, None));
                        }
                    }
                }
            }
        }
        ast::Stmt::AnnAssign(a) => {
            if let Some(attr) = is_self_attr(&a.target) {
                out.push((attr, Some(&a.annotation), a.value.as_deref()));
            }
        }
        ast::Stmt::AugAssign(a) => {
            if let Some(attr) = is_self_attr(&a.target) {
                out.push((attr, None, None));
            }
        }
        _ => {}
    });
}

/// Calls `f` on every statement of a body, through compound statements but not into
/// nested functions or classes.
pub fn for_each_stmt<'a>(body: &'a [ast::Stmt], f: &mut impl FnMut(&'a ast::Stmt)) {
    for stmt in body {
        f(stmt);
        use ast::Stmt as S;
        match stmt {
            S::For(s) => {
                for_each_stmt(&s.body, f);
                for_each_stmt(&s.orelse, f);
            }
            S::AsyncFor(s) => {
                for_each_stmt(&s.body, f);
                for_each_stmt(&s.orelse, f);
            }
            S::While(s) => {
                for_each_stmt(&s.body, f);
                for_each_stmt(&s.orelse, f);
            }
            S::If(s) => {
                for_each_stmt(&s.body, f);
                for_each_stmt(&s.orelse, f);
            }
            S::With(s) => for_each_stmt(&s.body, f),
            S::AsyncWith(s) => for_each_stmt(&s.body, f),
            S::Match(m) => m.cases.iter().for_each(|c| for_each_stmt(&c.body, f)),
            S::Try(s) => {
                for_each_stmt(&s.body, f);
                for h in &s.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    for_each_stmt(&h.body, f);
                }
                for_each_stmt(&s.orelse, f);
                for_each_stmt(&s.finalbody, f);
            }
            S::TryStar(s) => {
                for_each_stmt(&s.body, f);
                for h in &s.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    for_each_stmt(&h.body, f);
                }
                for_each_stmt(&s.orelse, f);
                for_each_stmt(&s.finalbody, f);
            }
            _ => {}
        }
    }
}

/// Calls `f` on every expression of a body (not in nested functions, classes or lambdas).
pub fn for_each_expr_in_body<'a>(body: &'a [ast::Stmt], f: &mut impl FnMut(&'a ast::Expr)) {
    let mut roots: Vec<&'a ast::Expr> = Vec::new();
    for_each_stmt(body, &mut |stmt| builder::stmt_exprs(stmt, &mut roots));
    let mut stack = Vec::new();
    for root in roots {
        stack.push(root);
        while let Some(e) = stack.pop() {
            f(e);
            if !matches!(e, ast::Expr::Lambda(_)) {
                push_children(e, &mut stack);
            }
        }
    }
}
