//! The `import __static__` marker: only a docstring and `from __future__` imports may
//! precede it, and it may be neither aliased nor combined with other names.
//!
//! Input: a module's statements. Output: `static-marker` diagnostics (in any module,
//! since a misplaced marker is exactly a module that is not static but meant to be).

use rustpython_parser::ast::{self, Ranged};

use crate::diagnostics::{Diagnostic, Span, codes};

/// The marker's diagnostics for one module.
pub(super) fn check_marker(suite: &[ast::Stmt]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut at_top = true;
    for (i, stmt) in suite.iter().enumerate() {
        match stmt {
            ast::Stmt::Expr(e) if i == 0 && is_string(&e.value) => continue,
            ast::Stmt::ImportFrom(f) if f.module.as_deref() == Some("__future__") => continue,
            ast::Stmt::Import(import) => {
                let names: Vec<&str> = import.names.iter().map(|a| a.name.as_str()).collect();
                for alias in &import.names {
                    if alias.name.as_str() != "__static__" {
                        continue;
                    }
                    let span = Span::from(stmt.range());
                    if alias.asname.is_some() {
                        out.push(Diagnostic::new(
                            codes::STATIC_MARKER,
                            span,
                            "__static__ flag may not be aliased",
                        ));
                    } else if names.len() > 1 {
                        out.push(Diagnostic::new(
                            codes::STATIC_MARKER,
                            span,
                            "__static__ flag may not be combined with other imports",
                        ));
                    } else if !at_top {
                        out.push(Diagnostic::new(
                            codes::STATIC_MARKER,
                            span,
                            "Cinder flag __static__ must be at the top of a file",
                        ));
                    }
                }
                at_top = false;
            }
            _ => at_top = false,
        }
    }
    out
}

fn is_string(expr: &ast::Expr) -> bool {
    matches!(expr, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Str(_)))
}
