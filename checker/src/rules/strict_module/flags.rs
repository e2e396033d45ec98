//! The `import __strict__` marker: it must come first (after a docstring and
//! `from __future__` imports), alone in its `import`, and not aliased. Anything else is a
//! bad strict flag. (`import __static__` markers are checked with Static Python.)

use rustpython_parser::ast;

use super::errors::ErrorKind;
use crate::diagnostics::{Diagnostic, Span};

/// Diagnostics for every misplaced, aliased or combined `import __strict__`.
pub(crate) fn bad_strict_flags(suite: &[ast::Stmt]) -> Vec<Diagnostic> {
    let marker_position = suite.iter().enumerate().position(|(i, stmt)| match stmt {
        ast::Stmt::Expr(e) if i == 0 => {
            !matches!(&*e.value, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Str(_)))
        }
        ast::Stmt::ImportFrom(f) => f.module.as_deref() != Some("__future__"),
        _ => true,
    });
    let mut out = Vec::new();
    for (i, stmt) in suite.iter().enumerate() {
        let ast::Stmt::Import(import) = stmt else {
            continue;
        };
        let Some(alias) = import
            .names
            .iter()
            .find(|a| a.name.as_str() == "__strict__")
        else {
            continue;
        };
        let problem = if import.names.len() > 1 {
            "Cinder flag __strict__ must be imported alone"
        } else if alias.asname.is_some() {
            "Cinder flag __strict__ cannot be aliased"
        } else if Some(i) != marker_position {
            "Cinder flag __strict__ must be at the top of a file"
        } else {
            continue;
        };
        let kind = ErrorKind::BadStrictFlag {
            problem: problem.to_string(),
        };
        out.push(Diagnostic::new(
            kind.code(),
            Span::from(import.range),
            kind.message(),
        ));
    }
    out
}
