//! The children of AST nodes, for the IDE queries: the expressions and statement blocks
//! directly under a statement, and the expressions directly under an expression.
//!
//! Our own walker (rustpython's `Visitor` skips match cases and takes nodes by value).
//! Function and class definitions are not opened here: callers handle them, since they
//! open a new scope.

use rustpython_parser::ast::{self, Expr, Pattern, Stmt};

/// A view of `def` and `async def`, which rustpython keeps as two node types.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FuncRef<'a> {
    pub name: &'a str,
    pub args: &'a ast::Arguments,
    pub body: &'a [Stmt],
    pub decorators: &'a [Expr],
    pub returns: Option<&'a Expr>,
    pub range: ast::text_size::TextRange,
    pub is_async: bool,
}

impl<'a> FuncRef<'a> {
    pub fn of(stmt: &'a Stmt) -> Option<Self> {
        match stmt {
            Stmt::FunctionDef(f) => Some(Self {
                name: f.name.as_str(),
                args: &f.args,
                body: &f.body,
                decorators: &f.decorator_list,
                returns: f.returns.as_deref(),
                range: f.range,
                is_async: false,
            }),
            Stmt::AsyncFunctionDef(f) => Some(Self {
                name: f.name.as_str(),
                args: &f.args,
                body: &f.body,
                decorators: &f.decorator_list,
                returns: f.returns.as_deref(),
                range: f.range,
                is_async: true,
            }),
            _ => None,
        }
    }

    /// Every parameter, in order: positional-only, positional, `*args`, keyword-only, `**kw`.
    pub fn params(&self) -> Vec<&'a ast::Arg> {
        params_of(self.args)
    }
}

/// The parameters of an argument list, in source order.
pub(crate) fn params_of(args: &ast::Arguments) -> Vec<&ast::Arg> {
    let mut out: Vec<&ast::Arg> = Vec::new();
    out.extend(args.posonlyargs.iter().map(|a| &a.def));
    out.extend(args.args.iter().map(|a| &a.def));
    out.extend(args.vararg.as_deref());
    out.extend(args.kwonlyargs.iter().map(|a| &a.def));
    out.extend(args.kwarg.as_deref());
    out
}

/// Default values and annotations of an argument list (evaluated in the enclosing scope).
pub(crate) fn argument_exprs(args: &ast::Arguments) -> Vec<&Expr> {
    let mut out = Vec::new();
    let with_defaults = args
        .posonlyargs
        .iter()
        .chain(&args.args)
        .chain(&args.kwonlyargs);
    for a in with_defaults {
        out.extend(a.def.annotation.as_deref());
        out.extend(a.default.as_deref());
    }
    for a in args.vararg.iter().chain(&args.kwarg) {
        out.extend(a.annotation.as_deref());
    }
    out
}

/// The expressions and the statement blocks directly inside a statement that is not a
/// definition (definitions yield nothing: see the module docs).
pub(crate) fn stmt_children(stmt: &Stmt) -> (Vec<&Expr>, Vec<&[Stmt]>) {
    let mut exprs: Vec<&Expr> = Vec::new();
    let mut blocks: Vec<&[Stmt]> = Vec::new();
    match stmt {
        Stmt::FunctionDef(_) | Stmt::AsyncFunctionDef(_) | Stmt::ClassDef(_) => {}
        Stmt::Return(s) => exprs.extend(s.value.as_deref()),
        Stmt::Delete(s) => exprs.extend(&s.targets),
        Stmt::Assign(s) => {
            exprs.extend(&s.targets);
            exprs.push(&s.value);
        }
        Stmt::TypeAlias(s) => {
            exprs.push(&s.name);
            exprs.push(&s.value);
        }
        Stmt::AugAssign(s) => {
            exprs.push(&s.target);
            exprs.push(&s.value);
        }
        Stmt::AnnAssign(s) => {
            exprs.push(&s.target);
            exprs.push(&s.annotation);
            exprs.extend(s.value.as_deref());
        }
        Stmt::For(s) => {
            exprs.push(&s.target);
            exprs.push(&s.iter);
            blocks.push(&s.body);
            blocks.push(&s.orelse);
        }
        Stmt::AsyncFor(s) => {
            exprs.push(&s.target);
            exprs.push(&s.iter);
            blocks.push(&s.body);
            blocks.push(&s.orelse);
        }
        Stmt::While(s) => {
            exprs.push(&s.test);
            blocks.push(&s.body);
            blocks.push(&s.orelse);
        }
        Stmt::If(s) => {
            exprs.push(&s.test);
            blocks.push(&s.body);
            blocks.push(&s.orelse);
        }
        Stmt::With(s) => {
            for item in &s.items {
                exprs.push(&item.context_expr);
                exprs.extend(item.optional_vars.as_deref());
            }
            blocks.push(&s.body);
        }
        Stmt::AsyncWith(s) => {
            for item in &s.items {
                exprs.push(&item.context_expr);
                exprs.extend(item.optional_vars.as_deref());
            }
            blocks.push(&s.body);
        }
        Stmt::Match(s) => {
            exprs.push(&s.subject);
            for case in &s.cases {
                pattern_exprs(&case.pattern, &mut exprs);
                exprs.extend(case.guard.as_deref());
                blocks.push(&case.body);
            }
        }
        Stmt::Raise(s) => {
            exprs.extend(s.exc.as_deref());
            exprs.extend(s.cause.as_deref());
        }
        Stmt::Try(s) => {
            blocks.push(&s.body);
            handler_children(&s.handlers, &mut exprs, &mut blocks);
            blocks.push(&s.orelse);
            blocks.push(&s.finalbody);
        }
        Stmt::TryStar(s) => {
            blocks.push(&s.body);
            handler_children(&s.handlers, &mut exprs, &mut blocks);
            blocks.push(&s.orelse);
            blocks.push(&s.finalbody);
        }
        Stmt::Assert(s) => {
            exprs.push(&s.test);
            exprs.extend(s.msg.as_deref());
        }
        Stmt::Expr(s) => exprs.push(&s.value),
        Stmt::Import(_)
        | Stmt::ImportFrom(_)
        | Stmt::Global(_)
        | Stmt::Nonlocal(_)
        | Stmt::Pass(_)
        | Stmt::Break(_)
        | Stmt::Continue(_) => {}
    }
    (exprs, blocks)
}

fn handler_children<'a>(
    handlers: &'a [ast::ExceptHandler],
    exprs: &mut Vec<&'a Expr>,
    blocks: &mut Vec<&'a [Stmt]>,
) {
    for ast::ExceptHandler::ExceptHandler(h) in handlers {
        exprs.extend(h.type_.as_deref());
        blocks.push(&h.body);
    }
}

/// The value expressions inside a match pattern (class names, literal values).
fn pattern_exprs<'a>(pattern: &'a Pattern, out: &mut Vec<&'a Expr>) {
    match pattern {
        Pattern::MatchValue(p) => out.push(&p.value),
        Pattern::MatchSingleton(_) | Pattern::MatchStar(_) => {}
        Pattern::MatchSequence(p) => p.patterns.iter().for_each(|p| pattern_exprs(p, out)),
        Pattern::MatchMapping(p) => {
            out.extend(&p.keys);
            p.patterns.iter().for_each(|p| pattern_exprs(p, out));
        }
        Pattern::MatchClass(p) => {
            out.push(&p.cls);
            p.patterns.iter().for_each(|p| pattern_exprs(p, out));
            p.kwd_patterns.iter().for_each(|p| pattern_exprs(p, out));
        }
        Pattern::MatchAs(p) => {
            if let Some(p) = p.pattern.as_deref() {
                pattern_exprs(p, out);
            }
        }
        Pattern::MatchOr(p) => p.patterns.iter().for_each(|p| pattern_exprs(p, out)),
    }
}

/// The expressions directly inside an expression. Lambdas and comprehensions yield their
/// parts too; callers that track scopes look at them first.
pub(crate) fn expr_children(expr: &Expr) -> Vec<&Expr> {
    let mut out: Vec<&Expr> = Vec::new();
    match expr {
        Expr::BoolOp(e) => out.extend(&e.values),
        Expr::NamedExpr(e) => {
            out.push(&e.target);
            out.push(&e.value);
        }
        Expr::BinOp(e) => {
            out.push(&e.left);
            out.push(&e.right);
        }
        Expr::UnaryOp(e) => out.push(&e.operand),
        Expr::Lambda(e) => {
            out.extend(argument_exprs(&e.args));
            out.push(&e.body);
        }
        Expr::IfExp(e) => {
            out.push(&e.test);
            out.push(&e.body);
            out.push(&e.orelse);
        }
        Expr::Dict(e) => {
            out.extend(e.keys.iter().flatten());
            out.extend(&e.values);
        }
        Expr::Set(e) => out.extend(&e.elts),
        Expr::ListComp(e) => {
            out.push(&e.elt);
            comprehension_exprs(&e.generators, &mut out);
        }
        Expr::SetComp(e) => {
            out.push(&e.elt);
            comprehension_exprs(&e.generators, &mut out);
        }
        Expr::DictComp(e) => {
            out.push(&e.key);
            out.push(&e.value);
            comprehension_exprs(&e.generators, &mut out);
        }
        Expr::GeneratorExp(e) => {
            out.push(&e.elt);
            comprehension_exprs(&e.generators, &mut out);
        }
        Expr::Await(e) => out.push(&e.value),
        Expr::Yield(e) => out.extend(e.value.as_deref()),
        Expr::YieldFrom(e) => out.push(&e.value),
        Expr::Compare(e) => {
            out.push(&e.left);
            out.extend(&e.comparators);
        }
        Expr::Call(e) => {
            out.push(&e.func);
            out.extend(&e.args);
            out.extend(e.keywords.iter().map(|k| &k.value));
        }
        Expr::FormattedValue(e) => {
            out.push(&e.value);
            out.extend(e.format_spec.as_deref());
        }
        Expr::JoinedStr(e) => out.extend(&e.values),
        Expr::Constant(_) | Expr::Name(_) => {}
        Expr::Attribute(e) => out.push(&e.value),
        Expr::Subscript(e) => {
            out.push(&e.value);
            out.push(&e.slice);
        }
        Expr::Starred(e) => out.push(&e.value),
        Expr::List(e) => out.extend(&e.elts),
        Expr::Tuple(e) => out.extend(&e.elts),
        Expr::Slice(e) => {
            out.extend(e.lower.as_deref());
            out.extend(e.upper.as_deref());
            out.extend(e.step.as_deref());
        }
    }
    out
}

fn comprehension_exprs<'a>(generators: &'a [ast::Comprehension], out: &mut Vec<&'a Expr>) {
    for g in generators {
        out.push(&g.target);
        out.push(&g.iter);
        out.extend(&g.ifs);
    }
}

/// The names an assignment target binds, with their expressions (`a, (b, *c) = ...`).
pub(crate) fn target_names<'a>(target: &'a Expr, out: &mut Vec<&'a ast::ExprName>) {
    match target {
        Expr::Name(n) => out.push(n),
        Expr::Tuple(t) => t.elts.iter().for_each(|e| target_names(e, out)),
        Expr::List(t) => t.elts.iter().for_each(|e| target_names(e, out)),
        Expr::Starred(s) => target_names(&s.value, out),
        _ => {}
    }
}
