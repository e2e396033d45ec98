//! Scope analysis (CPython's `symtable.c`): which names each scope binds, and for every name
//! use whether it is local, global, free or a cell.
//!
//! Input: a module's statements. Output: a [`SymbolTable`]: one [`Scope`] per module, class,
//! function, lambda and comprehension, found by the address of its AST node (the AST outlives
//! the compilation). Names are mangled (`__x` in class `C` is `_C__x`) before lookup.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;
use rustpython_ast::{self as ast, Ranged};

use crate::error::CodegenError;

mod analyze;
mod exprs;
use analyze::analyze;

pub(crate) const DEF_GLOBAL: u32 = 1;
pub(crate) const DEF_LOCAL: u32 = 2;
pub(crate) const DEF_PARAM: u32 = 4;
pub(crate) const DEF_NONLOCAL: u32 = 8;
pub(crate) const USE: u32 = 16;
pub(crate) const DEF_FREE_CLASS: u32 = 64;
pub(crate) const DEF_IMPORT: u32 = 128;
pub(crate) const DEF_COMP_ITER: u32 = 512;
const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// Where a name lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
    /// Not seen in this scope at all.
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Class,
    /// Functions and lambdas.
    Function,
    Comprehension,
}

#[derive(Clone, Debug)]
pub(crate) struct Symbol {
    pub flags: u32,
    pub scope: NameScope,
}

#[derive(Clone, Debug)]
pub(crate) struct Scope {
    pub kind: ScopeKind,
    pub symbols: IndexMap<String, Symbol>,
    /// Parameters, in `co_varnames` order.
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    /// A class whose methods use `super()` or `__class__`.
    pub needs_class_closure: bool,
    /// Nested in a function (names may be free).
    pub nested: bool,
    /// The class name used for mangling private names, if inside a class.
    pub private: Option<String>,
}

impl Scope {
    fn new(kind: ScopeKind, nested: bool, private: Option<String>) -> Scope {
        Scope {
            kind,
            symbols: IndexMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            needs_class_closure: false,
            nested,
            private,
        }
    }

    pub(crate) fn scope_of(&self, name: &str) -> NameScope {
        self.symbols
            .get(name)
            .map_or(NameScope::Unknown, |s| s.scope)
    }

    pub(crate) fn flags_of(&self, name: &str) -> u32 {
        self.symbols.get(name).map_or(0, |s| s.flags)
    }

    /// Whether names are fast locals here (functions, lambdas, comprehensions).
    pub(crate) fn is_function_like(&self) -> bool {
        matches!(self.kind, ScopeKind::Function | ScopeKind::Comprehension)
    }

    /// `co_cellvars` in CPython's order (sorted), `__class__` for a class that needs it.
    pub(crate) fn cellvars(&self) -> Vec<String> {
        let mut cells: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == NameScope::Cell)
            .map(|(n, _)| n.clone())
            .collect();
        cells.sort();
        if self.needs_class_closure {
            cells.insert(0, "__class__".to_string());
        }
        cells
    }

    /// `co_freevars` in CPython's order (sorted).
    pub(crate) fn freevars(&self) -> Vec<String> {
        let mut free: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == NameScope::Free || s.flags & DEF_FREE_CLASS != 0)
            .map(|(n, _)| n.clone())
            .collect();
        free.sort();
        free
    }
}

/// Every scope of a module. Scope 0 is the module.
#[derive(Debug)]
pub(crate) struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
}

impl SymbolTable {
    /// The scope opened by the AST node at `node` (a def, class, lambda or comprehension).
    pub(crate) fn scope_for<T>(&self, node: &T) -> Option<usize> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }
}

/// `_Py_Mangle`: `__name` inside class `Klass` becomes `_Klass__name`, except dunder names,
/// dotted names, and classes named only with underscores.
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// Builds the symbol table of a module (or of `eval`/`exec` source).
pub(crate) fn build(
    body: &[ast::Stmt],
    expr: Option<&ast::Expr>,
) -> Result<SymbolTable, CodegenError> {
    let mut builder = Builder {
        scopes: vec![Scope::new(ScopeKind::Module, false, None)],
        stack: vec![0],
        by_node: HashMap::new(),
    };
    for stmt in body {
        builder.stmt(stmt)?;
    }
    if let Some(e) = expr {
        builder.expr(e)?;
    }
    let mut table = SymbolTable {
        scopes: builder.scopes,
        by_node: builder.by_node,
    };
    let mut free = HashSet::new();
    analyze(
        &mut table.scopes,
        0,
        &HashSet::new(),
        &mut free,
        &HashSet::new(),
    )?;
    Ok(table)
}

struct Builder {
    scopes: Vec<Scope>,
    stack: Vec<usize>,
    by_node: HashMap<usize, usize>,
}

fn syntax(message: impl Into<String>) -> CodegenError {
    CodegenError::Syntax {
        message: message.into(),
        location: None,
    }
}

impl Builder {
    fn current(&mut self) -> &mut Scope {
        let id = *self.stack.last().unwrap_or(&0);
        &mut self.scopes[id]
    }

    fn private(&self) -> Option<String> {
        let id = *self.stack.last().unwrap_or(&0);
        self.scopes[id].private.clone()
    }

    fn add_def(&mut self, name: &str, flag: u32) -> Result<(), CodegenError> {
        let mangled = mangle(self.private().as_deref(), name);
        let scope = self.current();
        let entry = scope.symbols.entry(mangled.clone()).or_insert(Symbol {
            flags: 0,
            scope: NameScope::Unknown,
        });
        if flag & DEF_PARAM != 0 {
            if entry.flags & DEF_PARAM != 0 {
                return Err(syntax(format!(
                    "duplicate argument '{name}' in function definition"
                )));
            }
            scope.params.push(mangled.clone());
        }
        let entry = scope
            .symbols
            .get_mut(&mangle(scope.private.as_deref(), name));
        if let Some(entry) = entry {
            entry.flags |= flag;
        }
        if flag & DEF_GLOBAL != 0 {
            // CPython records explicit globals in the module's own symbols too.
            let module = &mut self.scopes[0];
            module
                .symbols
                .entry(mangled)
                .or_insert(Symbol {
                    flags: 0,
                    scope: NameScope::Unknown,
                })
                .flags |= DEF_GLOBAL;
        }
        Ok(())
    }

    fn enter<T>(&mut self, node: &T, kind: ScopeKind, name: &str) {
        let parent = *self.stack.last().unwrap_or(&0);
        let nested = self.scopes[parent].nested || self.scopes[parent].is_function_like();
        let private = if kind == ScopeKind::Class {
            Some(name.to_string())
        } else {
            self.scopes[parent].private.clone()
        };
        let id = self.scopes.len();
        let _ = name;
        self.scopes.push(Scope::new(kind, nested, private));
        self.scopes[parent].children.push(id);
        self.by_node.insert(node as *const T as usize, id);
        self.stack.push(id);
    }

    fn leave(&mut self) {
        self.stack.pop();
    }

    fn stmts(&mut self, body: &[ast::Stmt]) -> Result<(), CodegenError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn arguments_outer(&mut self, args: &ast::Arguments) -> Result<(), CodegenError> {
        for a in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn annotations(
        &mut self,
        args: &ast::Arguments,
        returns: Option<&ast::Expr>,
    ) -> Result<(), CodegenError> {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
            .map(|a| &a.def);
        for a in all
            .chain(args.vararg.as_deref())
            .chain(args.kwarg.as_deref())
        {
            if let Some(ann) = &a.annotation {
                self.expr(ann)?;
            }
        }
        if let Some(r) = returns {
            self.expr(r)?;
        }
        Ok(())
    }

    fn params(&mut self, args: &ast::Arguments) -> Result<(), CodegenError> {
        for a in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            self.add_def(&a.def.arg, DEF_PARAM)?;
        }
        if let Some(v) = &args.vararg {
            self.add_def(&v.arg, DEF_PARAM)?;
        }
        if let Some(k) = &args.kwarg {
            self.add_def(&k.arg, DEF_PARAM)?;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn function<T>(
        &mut self,
        node: &T,
        name: &str,
        args: &ast::Arguments,
        body: &[ast::Stmt],
        decorators: &[ast::Expr],
        returns: Option<&ast::Expr>,
        is_async: bool,
    ) -> Result<(), CodegenError> {
        self.add_def(name, DEF_LOCAL)?;
        self.arguments_outer(args)?;
        self.annotations(args, returns)?;
        for d in decorators {
            self.expr(d)?;
        }
        self.enter(node, ScopeKind::Function, name);
        if is_async {
            self.current().is_coroutine = true;
        }
        self.params(args)?;
        self.stmts(body)?;
        self.leave();
        Ok(())
    }

    fn stmt(&mut self, stmt: &ast::Stmt) -> Result<(), CodegenError> {
        use ast::Stmt as S;
        match stmt {
            S::FunctionDef(f) => self.function(
                f,
                &f.name,
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
                false,
            )?,
            S::AsyncFunctionDef(f) => self.function(
                f,
                &f.name,
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
                true,
            )?,
            S::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL)?;
                for b in &c.bases {
                    self.expr(b)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                for d in &c.decorator_list {
                    self.expr(d)?;
                }
                self.enter(c, ScopeKind::Class, &c.name);
                self.stmts(&c.body)?;
                self.leave();
            }
            S::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            S::Delete(d) => {
                for t in &d.targets {
                    self.expr(t)?;
                }
            }
            S::Assign(a) => {
                for t in &a.targets {
                    self.expr(t)?;
                }
                self.expr(&a.value)?;
            }
            S::AugAssign(a) => {
                self.expr(&a.target)?;
                self.expr(&a.value)?;
            }
            S::AnnAssign(a) => {
                if let ast::Expr::Name(n) = a.target.as_ref() {
                    self.add_def(&n.id, DEF_LOCAL)?;
                } else {
                    self.expr(&a.target)?;
                }
                if self.current().kind != ScopeKind::Function || !a.simple {
                    self.expr(&a.annotation)?;
                }
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
            }
            S::For(f) => {
                self.expr(&f.target)?;
                self.expr(&f.iter)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            S::AsyncFor(f) => {
                self.expr(&f.target)?;
                self.expr(&f.iter)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            S::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            S::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                self.stmts(&i.orelse)?;
            }
            S::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            S::AsyncWith(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            S::Match(m) => {
                self.expr(&m.subject)?;
                for case in &m.cases {
                    self.pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&case.body)?;
                }
            }
            S::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            S::Try(t) => self.try_parts(&t.body, &t.handlers, &t.orelse, &t.finalbody)?,
            S::TryStar(t) => self.try_parts(&t.body, &t.handlers, &t.orelse, &t.finalbody)?,
            S::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            S::Import(i) => {
                for alias in &i.names {
                    let bound = match &alias.asname {
                        Some(a) => a.to_string(),
                        None => alias.name.split('.').next().unwrap_or("").to_string(),
                    };
                    self.add_def(&bound, DEF_IMPORT)?;
                }
            }
            S::ImportFrom(i) => {
                for alias in &i.names {
                    if alias.name.as_str() == "*" {
                        continue;
                    }
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
                    self.add_def(&bound, DEF_IMPORT)?;
                }
            }
            S::Global(g) => {
                for n in &g.names {
                    let mangled = mangle(self.private().as_deref(), n);
                    let flags = self.current().flags_of(&mangled);
                    if flags & (DEF_PARAM | DEF_LOCAL | USE) != 0 && flags & DEF_GLOBAL == 0 {
                        let what = if flags & DEF_PARAM != 0 {
                            "is parameter and global"
                        } else if flags & USE != 0 {
                            "is used prior to global declaration"
                        } else {
                            "is assigned to before global declaration"
                        };
                        return Err(syntax(format!("name '{n}' {what}")));
                    }
                    self.add_def(n, DEF_GLOBAL)?;
                }
            }
            S::Nonlocal(g) => {
                if self.current().kind == ScopeKind::Module {
                    return Err(syntax("nonlocal declaration not allowed at module level"));
                }
                for n in &g.names {
                    let mangled = mangle(self.private().as_deref(), n);
                    let flags = self.current().flags_of(&mangled);
                    if flags & (DEF_PARAM | DEF_LOCAL | USE) != 0 && flags & DEF_NONLOCAL == 0 {
                        let what = if flags & DEF_PARAM != 0 {
                            "is parameter and nonlocal"
                        } else if flags & USE != 0 {
                            "is used prior to nonlocal declaration"
                        } else {
                            "is assigned to before nonlocal declaration"
                        };
                        return Err(syntax(format!("name '{n}' {what}")));
                    }
                    self.add_def(n, DEF_NONLOCAL)?;
                }
            }
            S::Expr(e) => self.expr(&e.value)?,
            S::Pass(_) | S::Break(_) | S::Continue(_) => {}
            S::TypeAlias(_) => {
                return Err(CodegenError::Unsupported {
                    what: "type alias statement".into(),
                    location: None,
                });
            }
        }
        Ok(())
    }

    fn try_parts(
        &mut self,
        body: &[ast::Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[ast::Stmt],
        finalbody: &[ast::Stmt],
    ) -> Result<(), CodegenError> {
        self.stmts(body)?;
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            if let Some(t) = &h.type_ {
                self.expr(t)?;
            }
            if let Some(n) = &h.name {
                self.add_def(n, DEF_LOCAL)?;
            }
            self.stmts(&h.body)?;
        }
        self.stmts(orelse)?;
        self.stmts(finalbody)
    }
}
