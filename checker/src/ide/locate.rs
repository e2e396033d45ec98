//! What is under the cursor: the innermost name, attribute or definition at a byte offset
//! of a module, with the chain of scopes around it.

use rustpython_parser::ast::{self, Expr, Ranged, Stmt, text_size::TextRange};

use super::scope::{Binding, Scope, attr_span};
use super::walk::{FuncRef, argument_exprs, expr_children, stmt_children};
use crate::diagnostics::Span;

/// The thing at the cursor.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Target<'a> {
    /// A name in an expression (a use or an assignment target).
    Name(&'a ast::ExprName),
    /// The `attr` of `value.attr`.
    Attribute(&'a ast::ExprAttribute),
    /// The name of a definition (`def f`, `class C`, a parameter, an import alias).
    Definition(Binding<'a>),
}

impl Target<'_> {
    /// The span of the token at the cursor.
    pub fn span(&self, text: &str) -> Span {
        match self {
            Target::Name(n) => n.range.into(),
            Target::Attribute(a) => attr_span(a),
            Target::Definition(b) => b.focus_span(text),
        }
    }

    /// The whole expression at the cursor (`value.attr` for an attribute), whose type
    /// inference may know; `None` for definitions.
    pub fn expression_span(&self) -> Option<Span> {
        match self {
            Target::Name(n) => Some(n.range.into()),
            Target::Attribute(a) => Some(a.range.into()),
            Target::Definition(_) => None,
        }
    }
}

/// A target and the scopes that enclose it (innermost last; the module is implicit).
pub(crate) struct Located<'a> {
    pub target: Target<'a>,
    pub scopes: Vec<Scope<'a>>,
}

/// Finds the target at `offset` in `suite` (the module's statements).
pub(crate) fn locate<'a>(suite: &'a [Stmt], text: &'a str, offset: u32) -> Option<Located<'a>> {
    let mut locator = Locator {
        text,
        offset,
        scopes: Vec::new(),
    };
    let target = locator.block(suite)?;
    Some(Located {
        target,
        scopes: locator.scopes,
    })
}

struct Locator<'a> {
    text: &'a str,
    offset: u32,
    scopes: Vec<Scope<'a>>,
}

impl<'a> Locator<'a> {
    fn contains(&self, range: TextRange) -> bool {
        u32::from(range.start()) <= self.offset && self.offset <= u32::from(range.end())
    }

    fn span_contains(&self, span: Span) -> bool {
        span.start <= self.offset && self.offset <= span.end
    }

    fn block(&mut self, stmts: &'a [Stmt]) -> Option<Target<'a>> {
        for stmt in stmts {
            if self.contains(stmt.range())
                && let Some(t) = self.stmt(stmt)
            {
                return Some(t);
            }
        }
        None
    }

    fn exprs(&mut self, exprs: impl IntoIterator<Item = &'a Expr>) -> Option<Target<'a>> {
        exprs.into_iter().find_map(|e| self.expr(e))
    }

    /// Searches `f` with `scope` pushed, keeping the scope when something is found.
    fn within(
        &mut self,
        scope: Scope<'a>,
        f: impl FnOnce(&mut Self) -> Option<Target<'a>>,
    ) -> Option<Target<'a>> {
        self.scopes.push(scope);
        let found = f(self);
        if found.is_none() {
            self.scopes.pop();
        }
        found
    }

    fn stmt(&mut self, stmt: &'a Stmt) -> Option<Target<'a>> {
        if let Some(func) = FuncRef::of(stmt) {
            return self.function(func);
        }
        match stmt {
            Stmt::ClassDef(class) => {
                if let Some(t) = self.exprs(&class.decorator_list) {
                    return Some(t);
                }
                let binding = Binding::Class(class);
                if self.span_contains(binding.focus_span(self.text)) {
                    return Some(Target::Definition(binding));
                }
                if let Some(t) = self.exprs(
                    class
                        .bases
                        .iter()
                        .chain(class.keywords.iter().map(|k| &k.value)),
                ) {
                    return Some(t);
                }
                self.within(Scope::Class(class), |this| this.block(&class.body))
            }
            Stmt::Import(import) => {
                import
                    .names
                    .iter()
                    .find(|a| self.contains(a.range))
                    .map(|alias| {
                        let full = alias.name.as_str();
                        Target::Definition(Binding::Import {
                            alias,
                            module: full,
                            bound_len: full.len(),
                        })
                    })
            }
            Stmt::ImportFrom(from) => {
                let level = from.level.map_or(0, |l| l.to_u32());
                from.names
                    .iter()
                    .find(|a| self.contains(a.range))
                    .map(|alias| {
                        Target::Definition(Binding::ImportFrom {
                            alias,
                            level,
                            module: from.module.as_deref(),
                        })
                    })
            }
            _ => {
                let (exprs, blocks) = stmt_children(stmt);
                if let Some(t) = self.exprs(exprs) {
                    return Some(t);
                }
                blocks.into_iter().find_map(|b| self.block(b))
            }
        }
    }

    fn function(&mut self, func: FuncRef<'a>) -> Option<Target<'a>> {
        if let Some(t) = self.exprs(func.decorators) {
            return Some(t);
        }
        let binding = Binding::Function(func);
        if self.span_contains(binding.focus_span(self.text)) {
            return Some(Target::Definition(binding));
        }
        if let Some(t) = self.exprs(argument_exprs(func.args).into_iter().chain(func.returns)) {
            return Some(t);
        }
        let owner = match self.scopes.last() {
            Some(Scope::Class(c)) => Some(*c),
            _ => None,
        };
        self.within(Scope::Function(func), |this| {
            for (k, arg) in func.params().into_iter().enumerate() {
                let binding = Binding::Param {
                    arg,
                    owner: owner.filter(|_| k == 0).map(|c| (c, false)),
                };
                if this.span_contains(binding.focus_span(this.text)) {
                    return Some(Target::Definition(binding));
                }
            }
            this.block(func.body)
        })
    }

    fn expr(&mut self, expr: &'a Expr) -> Option<Target<'a>> {
        if !self.contains(expr.range()) {
            return None;
        }
        match expr {
            Expr::Name(n) => Some(Target::Name(n)),
            Expr::Attribute(a) => {
                if self.span_contains(attr_span(a)) {
                    Some(Target::Attribute(a))
                } else {
                    self.expr(&a.value)
                }
            }
            Expr::Lambda(l) => {
                if let Some(t) = self.exprs(argument_exprs(&l.args)) {
                    return Some(t);
                }
                self.within(Scope::Lambda(l), |this| this.expr(&l.body))
            }
            Expr::ListComp(ast::ExprListComp { generators, .. })
            | Expr::SetComp(ast::ExprSetComp { generators, .. })
            | Expr::DictComp(ast::ExprDictComp { generators, .. })
            | Expr::GeneratorExp(ast::ExprGeneratorExp { generators, .. }) => self
                .within(Scope::Comprehension(generators), |this| {
                    this.exprs(expr_children(expr))
                }),
            _ => self.exprs(expr_children(expr)),
        }
    }
}
