//! Name resolution on the AST, for the IDE queries: which statement binds a name seen from
//! a scope, following imports into other project modules and the bundled stubs, and the
//! members of classes and modules for `value.attr`.
//!
//! This is the syntactic stand-in for the semantic index: it looks at bindings, not at
//! types. Where inference knows better (an attribute of a returned value), the callers ask
//! it first (see `hover::inferred_type_at`).

use rustpython_parser::ast::{self, Expr, Ranged, Stmt};

use super::walk::{FuncRef, params_of, stmt_children, target_names};
use crate::db::{Db, SourceFile};
use crate::diagnostics::Span;
use crate::parse::parsed_module;
use crate::resolve::{absolute_name, resolve_module};

/// How deep imports, base classes and attribute chains are followed.
const MAX_DEPTH: u32 = 12;

/// A scope enclosing a position, innermost last in a chain (the module is implicit).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Scope<'a> {
    Function(FuncRef<'a>),
    Class(&'a ast::StmtClassDef),
    Lambda(&'a ast::ExprLambda),
    Comprehension(&'a [ast::Comprehension]),
}

/// A statement (or part of one) that binds a name.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Binding<'a> {
    Function(FuncRef<'a>),
    Class(&'a ast::StmtClassDef),
    /// `x = v`, `x: T = v`, `x += v`, `for x in`, `with ... as x`.
    Variable {
        name: &'a ast::ExprName,
        annotation: Option<&'a Expr>,
        value: Option<&'a Expr>,
    },
    /// `self.x = v` or `self.x: T = v` in a method.
    InstanceAttribute {
        target: &'a ast::ExprAttribute,
        annotation: Option<&'a Expr>,
        value: Option<&'a Expr>,
    },
    /// A parameter; `owner` is the class when it is the first parameter of a method.
    Param {
        arg: &'a ast::Arg,
        owner: Option<(&'a ast::StmtClassDef, bool)>,
    },
    /// `import a.b` (binds `a`, the module `a`) or `import a.b as c` (binds `c`, `a.b`).
    Import {
        alias: &'a ast::Alias,
        module: &'a str,
        bound_len: usize,
    },
    /// `from {level}{module} import name [as asname]`.
    ImportFrom {
        alias: &'a ast::Alias,
        level: u32,
        module: Option<&'a str>,
    },
}

impl<'a> Binding<'a> {
    /// Where the bound name is written (the span to select).
    pub fn focus_span(&self, text: &str) -> Span {
        match self {
            Binding::Function(f) => {
                let from = f.decorators.last().map_or(f.range.start(), |d| d.end());
                name_span_after(text, from.into(), &["def"], f.name)
                    .unwrap_or_else(|| f.range.into())
            }
            Binding::Class(c) => {
                let from = c.decorator_list.last().map_or(c.range.start(), |d| d.end());
                name_span_after(text, from.into(), &["class"], c.name.as_str())
                    .unwrap_or_else(|| c.range.into())
            }
            Binding::Variable { name, .. } => name.range.into(),
            Binding::InstanceAttribute { target, .. } => attr_span(target),
            Binding::Param { arg, .. } => {
                let start: u32 = arg.range.start().into();
                Span::new(start, start + arg.arg.as_str().len() as u32)
            }
            Binding::Import { alias, .. } | Binding::ImportFrom { alias, .. } => alias_span(alias),
        }
    }

    /// The whole statement or node of the binding.
    pub fn full_span(&self) -> Span {
        match self {
            Binding::Function(f) => f.range.into(),
            Binding::Class(c) => c.range.into(),
            Binding::Variable {
                name,
                value,
                annotation,
            } => {
                let end = value.or(*annotation).map_or(name.range.end(), |e| e.end());
                Span::new(name.range.start().into(), end.into())
            }
            Binding::InstanceAttribute {
                target,
                value,
                annotation,
            } => {
                let end = value
                    .or(*annotation)
                    .map_or(target.range.end(), |e| e.end());
                Span::new(target.range.start().into(), end.into())
            }
            Binding::Param { arg, .. } => arg.range.into(),
            Binding::Import { alias, .. } | Binding::ImportFrom { alias, .. } => alias.range.into(),
        }
    }

    /// The name this binding binds.
    pub fn name(&self) -> &'a str {
        match self {
            Binding::Function(f) => f.name,
            Binding::Class(c) => c.name.as_str(),
            Binding::Variable { name, .. } => name.id.as_str(),
            Binding::InstanceAttribute { target, .. } => target.attr.as_str(),
            Binding::Param { arg, .. } => arg.arg.as_str(),
            Binding::Import {
                alias,
                module,
                bound_len,
            } => match &alias.asname {
                Some(asname) => asname.as_str(),
                None => module.get(..*bound_len).unwrap_or(module),
            },
            Binding::ImportFrom { alias, .. } => {
                alias.asname.as_ref().unwrap_or(&alias.name).as_str()
            }
        }
    }

    fn start(&self, text: &str) -> u32 {
        self.focus_span(text).start
    }
}

/// What a name or an expression refers to, after following imports.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Def<'a> {
    Module(SourceFile),
    Binding(SourceFile, Binding<'a>),
}

/// The span of the attribute name at the end of `value.attr`.
pub(crate) fn attr_span(attr: &ast::ExprAttribute) -> Span {
    let end: u32 = attr.range.end().into();
    Span::new(end.saturating_sub(attr.attr.as_str().len() as u32), end)
}

/// The span of the name an import alias binds (its `asname` when there is one).
pub(crate) fn alias_span(alias: &ast::Alias) -> Span {
    let start: u32 = alias.range.start().into();
    let end: u32 = alias.range.end().into();
    match &alias.asname {
        Some(asname) => Span::new(end.saturating_sub(asname.as_str().len() as u32), end),
        None => Span::new(start, start + alias.name.as_str().len() as u32),
    }
}

/// Finds `keyword <ws> name` in `text` from `from` and returns the span of `name`.
pub(crate) fn name_span_after(
    text: &str,
    from: usize,
    keywords: &[&str],
    name: &str,
) -> Option<Span> {
    let rest = text.get(from..)?;
    let mut search = 0;
    while search < rest.len() {
        let (at, kw) = keywords
            .iter()
            .filter_map(|kw| rest.get(search..)?.find(kw).map(|i| (search + i, *kw)))
            .min_by_key(|(i, _)| *i)?;
        let after = at + kw.len();
        let tail = rest.get(after..)?;
        let trimmed = tail.trim_start_matches([' ', '\t', '\\', '\n', '\r']);
        let name_at = after + (tail.len() - trimmed.len());
        let boundary_after = trimmed.get(name.len()..).and_then(|s| s.chars().next());
        if name_at > after
            && trimmed.starts_with(name)
            && !boundary_after.is_some_and(is_ident_char)
        {
            let start = (from + name_at) as u32;
            return Some(Span::new(start, start + name.len() as u32));
        }
        search = after;
    }
    None
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every binding of `name` directly in a block (not inside nested functions or classes,
/// which are bindings themselves), in source order.
pub(crate) fn block_bindings<'a>(stmts: &'a [Stmt], name: &str, out: &mut Vec<Binding<'a>>) {
    for stmt in stmts {
        match stmt {
            Stmt::FunctionDef(_) | Stmt::AsyncFunctionDef(_) => {
                if let Some(f) = FuncRef::of(stmt).filter(|f| f.name == name) {
                    out.push(Binding::Function(f));
                }
            }
            Stmt::ClassDef(c) => {
                if c.name.as_str() == name {
                    out.push(Binding::Class(c));
                }
            }
            Stmt::Import(s) => {
                for alias in &s.names {
                    let full = alias.name.as_str();
                    let top_len = full.find('.').unwrap_or(full.len());
                    let binding = Binding::Import {
                        alias,
                        module: full,
                        bound_len: top_len,
                    };
                    if binding.name() == name {
                        out.push(binding);
                    }
                }
            }
            Stmt::ImportFrom(s) => {
                let level = s.level.map_or(0, |l| l.to_u32());
                for alias in &s.names {
                    let binding = Binding::ImportFrom {
                        alias,
                        level,
                        module: s.module.as_deref(),
                    };
                    if binding.name() == name {
                        out.push(binding);
                    }
                }
            }
            _ => {
                let (value, annotation, targets): (Option<&Expr>, Option<&Expr>, Vec<&Expr>) =
                    match stmt {
                        Stmt::Assign(s) => (Some(&s.value), None, s.targets.iter().collect()),
                        Stmt::AnnAssign(s) => {
                            (s.value.as_deref(), Some(&s.annotation), vec![&s.target])
                        }
                        Stmt::AugAssign(s) => (Some(&s.value), None, vec![&s.target]),
                        Stmt::For(s) => (None, None, vec![&s.target]),
                        Stmt::AsyncFor(s) => (None, None, vec![&s.target]),
                        Stmt::With(s) => (
                            None,
                            None,
                            s.items
                                .iter()
                                .filter_map(|i| i.optional_vars.as_deref())
                                .collect(),
                        ),
                        Stmt::AsyncWith(s) => (
                            None,
                            None,
                            s.items
                                .iter()
                                .filter_map(|i| i.optional_vars.as_deref())
                                .collect(),
                        ),
                        _ => (None, None, Vec::new()),
                    };
                let single = targets.len() == 1 && matches!(targets[0], Expr::Name(_));
                for target in targets {
                    let mut names = Vec::new();
                    target_names(target, &mut names);
                    for n in names.into_iter().filter(|n| n.id.as_str() == name) {
                        let value = if single { value } else { None };
                        out.push(Binding::Variable {
                            name: n,
                            annotation,
                            value,
                        });
                    }
                }
                for block in stmt_children(stmt).1 {
                    block_bindings(block, name, out);
                }
            }
        }
    }
}

/// Whether a function body declares `global name` or `nonlocal name`.
fn declares_outer(stmts: &[Stmt], name: &str) -> bool {
    stmts.iter().any(|stmt| match stmt {
        Stmt::Global(g) => g.names.iter().any(|n| n.as_str() == name),
        Stmt::Nonlocal(g) => g.names.iter().any(|n| n.as_str() == name),
        Stmt::FunctionDef(_) | Stmt::AsyncFunctionDef(_) | Stmt::ClassDef(_) => false,
        _ => stmt_children(stmt)
            .1
            .iter()
            .any(|b| declares_outer(b, name)),
    })
}

/// The binding to show among several: the last one at or before `offset` when the use is
/// in that scope, otherwise the last one.
fn pick<'a>(bindings: Vec<Binding<'a>>, text: &str, offset: Option<u32>) -> Option<Binding<'a>> {
    if let Some(offset) = offset
        && let Some(b) = bindings.iter().rev().find(|b| b.start(text) <= offset)
    {
        return Some(*b);
    }
    bindings.last().copied()
}

/// Resolves `name` used at `offset` in `file` inside `scopes` (innermost last).
pub(crate) fn resolve_name<'a>(
    db: &'a dyn Db,
    file: SourceFile,
    scopes: &[Scope<'a>],
    name: &str,
    offset: u32,
) -> Option<Def<'a>> {
    let text = file.text(db).as_str();
    let innermost = scopes.len().checked_sub(1);
    for (i, scope) in scopes.iter().enumerate().rev() {
        let here = (Some(i) == innermost).then_some(offset);
        let found = match scope {
            Scope::Function(f) => {
                if declares_outer(f.body, name) {
                    continue;
                }
                let owner = match i.checked_sub(1).map(|p| scopes[p]) {
                    Some(Scope::Class(c)) => Some((c, is_classmethod(f))),
                    _ => None,
                };
                let mut out: Vec<Binding<'a>> = f
                    .params()
                    .into_iter()
                    .enumerate()
                    .filter(|(_, a)| a.arg.as_str() == name)
                    .map(|(k, arg)| Binding::Param {
                        arg,
                        owner: owner.filter(|_| k == 0 && !is_staticmethod(f)),
                    })
                    .collect();
                block_bindings(f.body, name, &mut out);
                pick(out, text, here)
            }
            Scope::Class(c) => {
                if Some(i) != innermost {
                    continue;
                }
                let mut out = Vec::new();
                block_bindings(&c.body, name, &mut out);
                pick(out, text, here)
            }
            Scope::Lambda(l) => params_of(&l.args)
                .into_iter()
                .find(|a| a.arg.as_str() == name)
                .map(|arg| Binding::Param { arg, owner: None }),
            Scope::Comprehension(generators) => {
                let mut names = Vec::new();
                generators
                    .iter()
                    .for_each(|g| target_names(&g.target, &mut names));
                names
                    .into_iter()
                    .find(|n| n.id.as_str() == name)
                    .map(|n| Binding::Variable {
                        name: n,
                        annotation: None,
                        value: None,
                    })
            }
        };
        if let Some(b) = found {
            return Some(Def::Binding(file, b));
        }
    }
    let here = scopes.is_empty().then_some(offset);
    if let Some(def) = module_member(db, file, name, here) {
        return Some(def);
    }
    let builtins = resolve_module(db, "builtins")?;
    if builtins == file {
        return None;
    }
    module_member(db, builtins, name, None)
}

/// A top-level binding of `module`, or a submodule `module.name`.
pub(crate) fn module_member<'a>(
    db: &'a dyn Db,
    module: SourceFile,
    name: &str,
    offset: Option<u32>,
) -> Option<Def<'a>> {
    let suite = parsed_module(db, module).suite();
    let mut out = Vec::new();
    block_bindings(suite, name, &mut out);
    if let Some(b) = pick(out, module.text(db), offset) {
        return Some(Def::Binding(module, b));
    }
    let own = crate::resolve::module_name_of(db, module)?;
    resolve_module(db, &format!("{own}.{name}")).map(Def::Module)
}

fn is_staticmethod(f: &FuncRef) -> bool {
    f.decorators
        .iter()
        .any(|d| matches!(d, Expr::Name(n) if n.id.as_str() == "staticmethod"))
}

fn is_classmethod(f: &FuncRef) -> bool {
    f.decorators
        .iter()
        .any(|d| matches!(d, Expr::Name(n) if n.id.as_str() == "classmethod"))
}

/// Follows an import binding to what it imports (a module or a binding in a module).
/// Unresolvable imports stay as they are.
pub(crate) fn follow<'a>(db: &'a dyn Db, def: Def<'a>) -> Def<'a> {
    let mut def = def;
    for _ in 0..MAX_DEPTH {
        let next = match def {
            Def::Binding(
                _,
                Binding::Import {
                    alias,
                    module,
                    bound_len,
                },
            ) => {
                let name = if alias.asname.is_some() {
                    module
                } else {
                    module.get(..bound_len).unwrap_or(module)
                };
                resolve_module(db, name).map(Def::Module)
            }
            Def::Binding(
                file,
                Binding::ImportFrom {
                    alias,
                    level,
                    module,
                },
            ) => absolute_name(db, file, level, module).and_then(|m| {
                let target = resolve_module(db, &m);
                match target.and_then(|t| module_member(db, t, alias.name.as_str(), None)) {
                    Some(found) => Some(found),
                    None => resolve_module(db, &format!("{m}.{}", alias.name)).map(Def::Module),
                }
            }),
            _ => return def,
        };
        match next {
            Some(next) => def = next,
            None => return def,
        }
    }
    def
}

/// What a value expression is, as far as bindings and annotations tell.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Value<'a> {
    Module(SourceFile),
    Class(SourceFile, &'a ast::StmtClassDef),
    Instance(SourceFile, &'a ast::StmtClassDef),
}

/// The value of `expr` written in `file` inside `scopes`: from bindings and annotations,
/// else from the type inference inferred for it.
pub(crate) fn value_of<'a>(
    db: &'a dyn Db,
    file: SourceFile,
    scopes: &[Scope<'a>],
    expr: &'a Expr,
    depth: u32,
) -> Option<Value<'a>> {
    if depth > MAX_DEPTH {
        return None;
    }
    syntactic_value_of(db, file, scopes, expr, depth).or_else(|| inferred_value_of(db, file, expr))
}

/// The value of `expr` from its inferred type: an instance, a class or a module.
fn inferred_value_of<'a>(db: &'a dyn Db, file: SourceFile, expr: &Expr) -> Option<Value<'a>> {
    use crate::types::TyKind;
    let mut ty = crate::infer::type_of_expression(db, file, expr.range().into())?;
    if let TyKind::Literal(lit) = ty.kind() {
        ty = crate::types::class::literal_fallback(db, lit);
    }
    match ty.kind() {
        TyKind::Instance(c) | TyKind::Exact(c) => {
            class_statement(db, c.class).map(|(f, class)| Value::Instance(f, class))
        }
        TyKind::ClassObject(c) => {
            class_statement(db, c.class).map(|(f, class)| Value::Class(f, class))
        }
        TyKind::Module(m) => m.file.map(Value::Module),
        _ => None,
    }
}

/// The `class` statement of a class the type model knows (`Outer.Inner` is nested).
fn class_statement<'a>(
    db: &'a dyn Db,
    class: crate::types::ClassId,
) -> Option<(SourceFile, &'a ast::StmtClassDef)> {
    let file = class.file();
    let mut body: &'a [Stmt] = parsed_module(db, file).suite();
    let mut found = None;
    for part in class.qualname().split('.') {
        let class = body.iter().find_map(|s| match s {
            Stmt::ClassDef(c) if c.name.as_str() == part => Some(c),
            _ => None,
        })?;
        body = &class.body;
        found = Some(class);
    }
    found.map(|c| (file, c))
}

fn syntactic_value_of<'a>(
    db: &'a dyn Db,
    file: SourceFile,
    scopes: &[Scope<'a>],
    expr: &'a Expr,
    depth: u32,
) -> Option<Value<'a>> {
    match expr {
        Expr::Name(n) => {
            let def = follow(
                db,
                resolve_name(db, file, scopes, n.id.as_str(), n.range.start().into())?,
            );
            value_of_def(db, def, depth + 1)
        }
        Expr::Attribute(a) => {
            let base = value_of(db, file, scopes, &a.value, depth + 1)?;
            let def = member(db, base, a.attr.as_str(), depth + 1)?;
            value_of_def(db, def, depth + 1)
        }
        Expr::Call(c) => match value_of(db, file, scopes, &c.func, depth + 1) {
            Some(Value::Class(f, class)) => Some(Value::Instance(f, class)),
            _ => {
                let def = match c.func.as_ref() {
                    Expr::Name(n) => follow(
                        db,
                        resolve_name(db, file, scopes, n.id.as_str(), n.range.start().into())?,
                    ),
                    Expr::Attribute(a) => {
                        let base = value_of(db, file, scopes, &a.value, depth + 1)?;
                        member(db, base, a.attr.as_str(), depth + 1)?
                    }
                    _ => return None,
                };
                match def {
                    Def::Binding(f, Binding::Function(func)) => {
                        instance_of_annotation(db, f, func.returns?, depth + 1)
                    }
                    _ => None,
                }
            }
        },
        _ => None,
    }
}

/// The value a definition stands for.
pub(crate) fn value_of_def<'a>(db: &'a dyn Db, def: Def<'a>, depth: u32) -> Option<Value<'a>> {
    match def {
        Def::Module(m) => Some(Value::Module(m)),
        Def::Binding(f, Binding::Class(c)) => Some(Value::Class(f, c)),
        Def::Binding(
            f,
            Binding::Param {
                owner: Some((class, is_cls)),
                ..
            },
        ) => Some(if is_cls {
            Value::Class(f, class)
        } else {
            Value::Instance(f, class)
        }),
        Def::Binding(f, Binding::Param { arg, .. }) => {
            instance_of_annotation(db, f, arg.annotation.as_deref()?, depth)
        }
        Def::Binding(
            f,
            Binding::Variable {
                annotation, value, ..
            },
        )
        | Def::Binding(
            f,
            Binding::InstanceAttribute {
                annotation, value, ..
            },
        ) => match annotation {
            Some(annotation) => instance_of_annotation(db, f, annotation, depth),
            None => value_of(db, f, &[], value?, depth + 1),
        },
        Def::Binding(..) => None,
    }
}

/// An instance of the class an annotation names (`C`, `mod.C`, `"C"` is not followed).
fn instance_of_annotation<'a>(
    db: &'a dyn Db,
    file: SourceFile,
    annotation: &'a Expr,
    depth: u32,
) -> Option<Value<'a>> {
    match value_of(db, file, &[], annotation, depth + 1)? {
        Value::Class(f, c) => Some(Value::Instance(f, c)),
        _ => None,
    }
}

/// The member `name` of a value: a module's top-level binding, or a class attribute
/// (class body, then `self.name` assignments in its methods, then base classes).
pub(crate) fn member<'a>(
    db: &'a dyn Db,
    base: Value<'a>,
    name: &str,
    depth: u32,
) -> Option<Def<'a>> {
    if depth > MAX_DEPTH {
        return None;
    }
    match base {
        Value::Module(m) => module_member(db, m, name, None).map(|d| follow(db, d)),
        Value::Class(file, class) | Value::Instance(file, class) => {
            let mut out = Vec::new();
            block_bindings(&class.body, name, &mut out);
            if let Some(b) = out.first() {
                return Some(Def::Binding(file, *b));
            }
            if let Some(b) = instance_attribute(class, name) {
                return Some(Def::Binding(file, b));
            }
            class
                .bases
                .iter()
                .find_map(|base| match value_of(db, file, &[], base, depth + 1)? {
                    Value::Class(f, c) => member(db, Value::Class(f, c), name, depth + 1),
                    _ => None,
                })
        }
    }
}

/// The first `self.name = ...` (or annotated) assignment in the methods of `class`.
fn instance_attribute<'a>(class: &'a ast::StmtClassDef, name: &str) -> Option<Binding<'a>> {
    for stmt in &class.body {
        let Some(f) = FuncRef::of(stmt) else { continue };
        let Some(this) = f.params().first().map(|a| a.arg.as_str()) else {
            continue;
        };
        if let Some(b) = self_assignment(f.body, this, name) {
            return Some(b);
        }
    }
    None
}

fn self_assignment<'a>(stmts: &'a [Stmt], this: &str, name: &str) -> Option<Binding<'a>> {
    for stmt in stmts {
        let (targets, annotation, value): (Vec<&Expr>, Option<&Expr>, Option<&Expr>) = match stmt {
            Stmt::Assign(s) => (s.targets.iter().collect(), None, Some(&s.value)),
            Stmt::AnnAssign(s) => (vec![&s.target], Some(&s.annotation), s.value.as_deref()),
            Stmt::FunctionDef(_) | Stmt::AsyncFunctionDef(_) | Stmt::ClassDef(_) => continue,
            _ => (Vec::new(), None, None),
        };
        for target in targets {
            if let Expr::Attribute(a) = target
                && a.attr.as_str() == name
                && matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == this)
            {
                return Some(Binding::InstanceAttribute {
                    target: a,
                    annotation,
                    value,
                });
            }
        }
        if let Some(b) = stmt_children(stmt)
            .1
            .into_iter()
            .find_map(|b| self_assignment(b, this, name))
        {
            return Some(b);
        }
    }
    None
}
