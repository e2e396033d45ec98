//! `module_symbols(db, file)`: what each module-level name of a file is, read from the
//! syntax alone (no other module is consulted). Declarations of *other* modules resolve
//! imported names through this table, so no query ever cycles between modules.

use std::sync::Arc;

use indexmap::IndexMap;
use rustpython_parser::ast;

use crate::db::{Db, SourceFile};
use crate::parse::parsed_module;
use crate::resolve::absolute_name;

/// What a module-level name is bound to (the most informative binding wins: a class
/// or a function over a plain assignment, an annotated assignment over an unannotated one).
#[derive(Clone, Debug, PartialEq)]
pub enum SymbolDef {
    /// `class Name: ...`.
    Class,
    /// `def name(...)`.
    Function,
    /// `import a.b` (binds `a` to module `a`) or `import a.b as c` (binds `c` to `a.b`).
    Module { module: Box<str> },
    /// `from module import name [as alias]`, with `module` made absolute.
    ImportFrom { module: Box<str>, name: Box<str> },
    /// An assignment: its annotation and value (kept to resolve aliases, type variables
    /// and `Final` constants).
    Variable {
        annotation: Option<Arc<ast::Expr>>,
        value: Option<Arc<ast::Expr>>,
    },
}

/// The module-level names of one file.
#[derive(Debug, Default)]
pub struct ModuleSymbols {
    pub defs: IndexMap<Box<str>, SymbolDef>,
    /// Names in `__all__` when it is a literal list or tuple.
    pub all: Option<Box<[Box<str>]>>,
    /// Modules imported with `from module import *` (absolute names).
    pub star_imports: Vec<Box<str>>,
}

impl PartialEq for ModuleSymbols {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl ModuleSymbols {
    pub fn get(&self, name: &str) -> Option<&SymbolDef> {
        self.defs.get(name)
    }
}

/// Collects the module-level names of `file` (through `if`, `try`, `with`, loops).
#[salsa::tracked(returns(ref), no_eq)]
pub fn module_symbols(db: &dyn Db, file: SourceFile) -> ModuleSymbols {
    let parsed = parsed_module(db, file);
    let mut out = ModuleSymbols::default();
    collect(db, file, parsed.suite(), &mut out);
    out
}

fn rank(def: &SymbolDef) -> u8 {
    match def {
        SymbolDef::Variable {
            annotation: None, ..
        } => 0,
        SymbolDef::Variable { .. } => 2,
        SymbolDef::Module { .. } | SymbolDef::ImportFrom { .. } => 1,
        SymbolDef::Class | SymbolDef::Function => 3,
    }
}

fn insert(out: &mut ModuleSymbols, name: &str, def: SymbolDef) {
    match out.defs.get(name) {
        Some(old) if rank(old) > rank(&def) => {}
        _ => {
            out.defs.insert(name.into(), def);
        }
    }
}

fn collect(db: &dyn Db, file: SourceFile, stmts: &[ast::Stmt], out: &mut ModuleSymbols) {
    for stmt in stmts {
        match stmt {
            ast::Stmt::ClassDef(c) => insert(out, c.name.as_str(), SymbolDef::Class),
            ast::Stmt::FunctionDef(f) => insert(out, f.name.as_str(), SymbolDef::Function),
            ast::Stmt::AsyncFunctionDef(f) => insert(out, f.name.as_str(), SymbolDef::Function),
            ast::Stmt::Import(import) => {
                for alias in &import.names {
                    let full = alias.name.as_str();
                    match &alias.asname {
                        Some(asname) => insert(
                            out,
                            asname.as_str(),
                            SymbolDef::Module {
                                module: full.into(),
                            },
                        ),
                        None => {
                            let top = full.split('.').next().unwrap_or(full);
                            insert(out, top, SymbolDef::Module { module: top.into() });
                        }
                    }
                }
            }
            ast::Stmt::ImportFrom(from) => {
                let level = from.level.map_or(0, |l| l.to_u32());
                let Some(module) = absolute_name(db, file, level, from.module.as_deref()) else {
                    continue;
                };
                for alias in &from.names {
                    if alias.name.as_str() == "*" {
                        out.star_imports.push(module.as_str().into());
                        continue;
                    }
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    let def = SymbolDef::ImportFrom {
                        module: module.as_str().into(),
                        name: alias.name.as_str().into(),
                    };
                    insert(out, bound.as_str(), def);
                }
            }
            ast::Stmt::Assign(assign) => {
                for target in &assign.targets {
                    if let ast::Expr::Name(name) = target {
                        if name.id.as_str() == "__all__" {
                            out.all = literal_names(&assign.value);
                        }
                        let def = SymbolDef::Variable {
                            annotation: None,
                            value: Some(Arc::new((*assign.value).clone())),
                        };
                        insert(out, name.id.as_str(), def);
                    } else {
                        for name in target_names(target) {
                            insert(
                                out,
                                name,
                                SymbolDef::Variable {
                                    annotation: None,
                                    value: None,
                                },
                            );
                        }
                    }
                }
            }
            ast::Stmt::AnnAssign(assign) => {
                if let ast::Expr::Name(name) = &*assign.target {
                    let def = SymbolDef::Variable {
                        annotation: Some(Arc::new((*assign.annotation).clone())),
                        value: assign.value.as_ref().map(|v| Arc::new((**v).clone())),
                    };
                    insert(out, name.id.as_str(), def);
                }
            }
            ast::Stmt::AugAssign(assign) => {
                for name in target_names(&assign.target) {
                    insert(
                        out,
                        name,
                        SymbolDef::Variable {
                            annotation: None,
                            value: None,
                        },
                    );
                }
            }
            ast::Stmt::For(s) => {
                for name in target_names(&s.target) {
                    insert(
                        out,
                        name,
                        SymbolDef::Variable {
                            annotation: None,
                            value: None,
                        },
                    );
                }
                collect(db, file, &s.body, out);
                collect(db, file, &s.orelse, out);
            }
            ast::Stmt::AsyncFor(s) => {
                collect(db, file, &s.body, out);
                collect(db, file, &s.orelse, out);
            }
            ast::Stmt::While(s) => {
                collect(db, file, &s.body, out);
                collect(db, file, &s.orelse, out);
            }
            ast::Stmt::If(s) => {
                collect(db, file, &s.body, out);
                collect(db, file, &s.orelse, out);
            }
            ast::Stmt::With(s) => {
                for item in &s.items {
                    if let Some(vars) = &item.optional_vars {
                        for name in target_names(vars) {
                            insert(
                                out,
                                name,
                                SymbolDef::Variable {
                                    annotation: None,
                                    value: None,
                                },
                            );
                        }
                    }
                }
                collect(db, file, &s.body, out);
            }
            ast::Stmt::AsyncWith(s) => collect(db, file, &s.body, out),
            ast::Stmt::Try(s) => {
                collect(db, file, &s.body, out);
                for handler in &s.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = handler;
                    collect(db, file, &h.body, out);
                }
                collect(db, file, &s.orelse, out);
                collect(db, file, &s.finalbody, out);
            }
            ast::Stmt::TryStar(s) => {
                collect(db, file, &s.body, out);
                collect(db, file, &s.orelse, out);
                collect(db, file, &s.finalbody, out);
            }
            _ => {}
        }
    }
}

/// The names bound by an assignment target (`a`, `a, b`, `[a, *b]`).
pub fn target_names(target: &ast::Expr) -> Vec<&str> {
    let mut out = Vec::new();
    let mut stack = vec![target];
    while let Some(expr) = stack.pop() {
        match expr {
            ast::Expr::Name(n) => out.push(n.id.as_str()),
            ast::Expr::Tuple(t) => stack.extend(t.elts.iter().rev()),
            ast::Expr::List(l) => stack.extend(l.elts.iter().rev()),
            ast::Expr::Starred(s) => stack.push(&s.value),
            _ => {}
        }
    }
    out
}

fn literal_names(value: &ast::Expr) -> Option<Box<[Box<str>]>> {
    let elts = match value {
        ast::Expr::List(l) => &l.elts,
        ast::Expr::Tuple(t) => &t.elts,
        _ => return None,
    };
    elts.iter()
        .map(|e| match e {
            ast::Expr::Constant(c) => match &c.value {
                ast::Constant::Str(s) => Some(s.as_str().into()),
                _ => None,
            },
            _ => None,
        })
        .collect()
}
