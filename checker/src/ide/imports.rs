//! The import graph, for the LSP's "who must be re-checked" question:
//! `imported_files(db, file)` lists the project files (and stubs) a module imports, from
//! its import statements (anywhere in the module) and module resolution.

use indexmap::IndexSet;
use rustpython_parser::ast::Stmt;

use super::walk::{FuncRef, stmt_children};
use crate::db::{Db, SourceFile};
use crate::parse::parsed_module;
use crate::resolve::{absolute_name, resolve_module};

/// The files `file` imports directly, in first-import order. `import a.b` imports `a` and
/// `a.b`; `from m import x` imports `m`, and `m.x` when that is a module.
#[salsa::tracked(returns(ref))]
pub fn imported_files(db: &dyn Db, file: SourceFile) -> Vec<SourceFile> {
    let mut names: IndexSet<String> = IndexSet::new();
    collect(db, file, parsed_module(db, file).suite(), &mut names);
    let mut out: IndexSet<SourceFile> = IndexSet::new();
    for name in &names {
        if let Some(target) = resolve_module(db, name)
            && target != file
        {
            out.insert(target);
        }
    }
    out.into_iter().collect()
}

fn collect(db: &dyn Db, file: SourceFile, stmts: &[Stmt], names: &mut IndexSet<String>) {
    for stmt in stmts {
        match stmt {
            Stmt::Import(s) => {
                for alias in &s.names {
                    let full = alias.name.as_str();
                    for (i, _) in full.match_indices('.') {
                        names.insert(full[..i].to_string());
                    }
                    names.insert(full.to_string());
                }
            }
            Stmt::ImportFrom(s) => {
                let level = s.level.map_or(0, |l| l.to_u32());
                if let Some(module) = absolute_name(db, file, level, s.module.as_deref()) {
                    for alias in &s.names {
                        if alias.name.as_str() != "*" {
                            names.insert(format!("{module}.{}", alias.name));
                        }
                    }
                    names.insert(module);
                }
            }
            Stmt::ClassDef(c) => collect(db, file, &c.body, names),
            _ => {
                if let Some(f) = FuncRef::of(stmt) {
                    collect(db, file, f.body, names);
                }
                for block in stmt_children(stmt).1 {
                    collect(db, file, block, names);
                }
            }
        }
    }
}

/// Whether `file` imports `target`, directly or through other modules.
pub fn depends_on(db: &dyn Db, file: SourceFile, target: SourceFile) -> bool {
    let mut seen: IndexSet<SourceFile> = IndexSet::new();
    let mut stack = vec![file];
    while let Some(next) = stack.pop() {
        for &dep in imported_files(db, next) {
            if dep == target {
                return true;
            }
            if seen.insert(dep) {
                stack.push(dep);
            }
        }
    }
    false
}
