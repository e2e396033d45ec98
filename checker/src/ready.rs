//! `checked_module(db, file)`: the checked result of a module, and [`ReadyModule`], the
//! only thing code generation accepts.
//!
//! A plain module is ready whenever it parses (CPython compiles it whatever its type
//! diagnostics say); a static module is ready only when it has no error at all, since in
//! Static Python type errors are compile errors.

use std::sync::Arc;

use rustpython_parser::ast;

use crate::db::{Db, SourceFile};
use crate::diagnostics::{Diagnostic, Severity};
use crate::parse::parsed_module;

/// Which language a module is written in, from its marker import.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ModuleKind {
    /// No marker: plain annotated Python.
    Plain,
    /// `import __strict__`: top-level code is checked for side effects.
    Strict,
    /// `import __static__`: Static Python (which is strict too).
    Static,
}

/// Reads the marker: only a docstring and `from __future__` imports may precede it.
pub fn module_kind_of(suite: &[ast::Stmt]) -> ModuleKind {
    for (i, stmt) in suite.iter().enumerate() {
        match stmt {
            ast::Stmt::Expr(e) if i == 0 && is_string(&e.value) => continue,
            ast::Stmt::ImportFrom(f) if f.module.as_deref() == Some("__future__") => continue,
            ast::Stmt::Import(import)
                if import.names.len() == 1 && import.names[0].asname.is_none() =>
            {
                return match import.names[0].name.as_str() {
                    "__static__" => ModuleKind::Static,
                    "__strict__" => ModuleKind::Strict,
                    _ => ModuleKind::Plain,
                };
            }
            _ => return ModuleKind::Plain,
        }
    }
    ModuleKind::Plain
}

fn is_string(expr: &ast::Expr) -> bool {
    matches!(expr, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Str(_)))
}

/// The checked form of a module: its AST, its kind and its diagnostics. Later issues add
/// the typed side tables that code generation reads (call targets, fields, casts).
#[derive(Debug)]
pub struct CheckedModule {
    pub path: String,
    pub text: String,
    pub suite: Arc<ast::Suite>,
    pub kind: ModuleKind,
    pub diagnostics: Vec<Diagnostic>,
    /// Static Python facts for code generation (calls, fields, casts, primitives,
    /// argument checks); `Some` for a static module.
    pub static_facts: Option<Arc<crate::rules::static_python::StaticFacts>>,
    has_syntax_error: bool,
}

impl PartialEq for CheckedModule {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl CheckedModule {
    /// `Some` when the module can be compiled (see the module docs).
    pub fn ready(&self) -> Option<ReadyModule<'_>> {
        if self.has_syntax_error {
            return None;
        }
        if self.kind == ModuleKind::Static
            && self
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error)
        {
            return None;
        }
        Some(ReadyModule { module: self })
    }

    /// The errors that stop compilation (for the message when `ready()` is `None`).
    pub fn blocking_errors(&self) -> impl Iterator<Item = &Diagnostic> {
        let kind = self.kind;
        self.diagnostics.iter().filter(move |d| {
            d.severity == Severity::Error
                && (kind == ModuleKind::Static || d.code == crate::diagnostics::codes::SYNTAX_ERROR)
        })
    }
}

/// A module that code generation may lower: it parsed, and if it is static it checked
/// clean. The only way to get one is [`CheckedModule::ready`].
#[derive(Clone, Copy, Debug)]
pub struct ReadyModule<'a> {
    module: &'a CheckedModule,
}

impl<'a> ReadyModule<'a> {
    pub fn suite(&self) -> &'a ast::Suite {
        &self.module.suite
    }
    pub fn text(&self) -> &'a str {
        &self.module.text
    }
    pub fn path(&self) -> &'a str {
        &self.module.path
    }
    pub fn kind(&self) -> ModuleKind {
        self.module.kind
    }
    pub fn checked(&self) -> &'a CheckedModule {
        self.module
    }
    /// The Static Python facts of a static module (`None` for other modules).
    pub fn static_facts(&self) -> Option<&'a crate::rules::static_python::StaticFacts> {
        self.module.static_facts.as_deref()
    }
}

/// Builds the checked module of `file`.
#[salsa::tracked(returns(ref), no_eq)]
pub fn checked_module(db: &dyn Db, file: SourceFile) -> CheckedModule {
    let parsed = parsed_module(db, file);
    let diagnostics = crate::check_file(db, file).clone();
    CheckedModule {
        path: file.path(db).clone(),
        text: file.text(db).clone(),
        suite: parsed.suite().clone(),
        kind: module_kind_of(parsed.suite()),
        diagnostics,
        static_facts: crate::rules::static_python::is_static_module(db, file).then(|| {
            crate::rules::static_python::static_analysis(db, file)
                .facts
                .clone()
        }),
        has_syntax_error: parsed.has_syntax_error(),
    }
}
