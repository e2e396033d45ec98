//! Inference: `infer_function(db, unit)` per function declared at module or class level,
//! and `infer_module_body(db, file)` for the module's own statements (class bodies
//! included). Each produces an [`Inference`]: a type per expression, the resolved call
//! targets, and the diagnostics of its scope.
//!
//! A [`FunctionUnit`] holds a copy of its function's syntax with positions made
//! relative to the function's start, so an edit elsewhere in the file (even one that
//! moves the function) leaves the unit's syntax equal and its inference cached. Spans in
//! a function's [`Inference`] are relative too; [`check_types`] moves them back.
//!
//! Split by concern: `builder` (frames, flow state, names), `expr`, `call`, `attr`,
//! `ops`, `stmt`, `narrow`.

mod attr;
mod builder;
mod call;
mod expr;
mod narrow;
mod ops;
mod stmt;

use std::sync::Arc;

use rustpython_ast::Fold;
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::{TextRange, TextSize};

use crate::db::{Db, SourceFile};
use crate::declare::declaration_diagnostics;
use crate::diagnostics::{Diagnostic, Span};
use crate::parse::parsed_module;
use crate::types::{FunctionRef, Ty};

/// The syntax of one function unit, positions relative to its start.
#[derive(Debug, PartialEq)]
pub struct UnitSyntax {
    /// The `def` / `async def` statement.
    pub stmt: ast::Stmt,
    /// The qualified name of the class whose method this is.
    pub class: Option<Box<str>>,
}

/// A function declared at module level or in a class body: the unit of incremental
/// inference.
#[salsa::tracked(debug)]
pub struct FunctionUnit<'db> {
    #[returns(copy)]
    pub file: SourceFile,
    #[returns(ref)]
    pub qualname: String,
    #[tracked]
    #[returns(ref)]
    pub syntax: Arc<UnitSyntax>,
    /// Where the function starts in the file (add it to the unit's spans).
    #[tracked]
    #[returns(copy)]
    pub offset: u32,
}

/// The function units of a file, in source order.
#[derive(Debug, PartialEq, salsa::SalsaValue)]
pub struct FunctionUnits<'db> {
    pub units: Vec<FunctionUnit<'db>>,
}

/// Creates the function units of `file`.
#[salsa::tracked(returns(ref))]
pub fn function_units(db: &dyn Db, file: SourceFile) -> FunctionUnits<'_> {
    let parsed = parsed_module(db, file);
    let mut units = Vec::new();
    collect_units(db, file, parsed.suite(), "", None, &mut units);
    FunctionUnits { units }
}

fn collect_units<'db>(
    db: &'db dyn Db,
    file: SourceFile,
    stmts: &[ast::Stmt],
    prefix: &str,
    class: Option<&str>,
    out: &mut Vec<FunctionUnit<'db>>,
) {
    for stmt in stmts {
        match stmt {
            ast::Stmt::FunctionDef(_) | ast::Stmt::AsyncFunctionDef(_) => {
                let name = match stmt {
                    ast::Stmt::FunctionDef(f) => f.name.as_str(),
                    ast::Stmt::AsyncFunctionDef(f) => f.name.as_str(),
                    _ => continue,
                };
                let offset = u32::from(stmt.range().start());
                let relative = match (Shift(offset)).fold_stmt(stmt.clone()) {
                    Ok(s) => s,
                    Err(never) => match never {},
                };
                let syntax = UnitSyntax { stmt: relative, class: class.map(Into::into) };
                out.push(FunctionUnit::new(db, file, format!("{prefix}{name}"), Arc::new(syntax), offset));
            }
            ast::Stmt::ClassDef(c) => {
                let qualname = format!("{prefix}{}", c.name);
                collect_units(db, file, &c.body, &format!("{qualname}."), Some(&qualname), out);
            }
            ast::Stmt::If(s) => {
                collect_units(db, file, &s.body, prefix, class, out);
                collect_units(db, file, &s.orelse, prefix, class, out);
            }
            ast::Stmt::Try(s) => {
                collect_units(db, file, &s.body, prefix, class, out);
                for h in &s.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    collect_units(db, file, &h.body, prefix, class, out);
                }
                collect_units(db, file, &s.orelse, prefix, class, out);
                collect_units(db, file, &s.finalbody, prefix, class, out);
            }
            ast::Stmt::With(s) => collect_units(db, file, &s.body, prefix, class, out),
            _ => {}
        }
    }
}

/// Moves every range of a tree back by a fixed offset.
struct Shift(u32);

impl Fold<TextRange> for Shift {
    type TargetU = TextRange;
    type Error = std::convert::Infallible;
    type UserContext = ();

    fn will_map_user(&mut self, _user: &TextRange) {}

    fn map_user(&mut self, user: TextRange, _context: ()) -> Result<TextRange, Self::Error> {
        let shift = |t: TextSize| TextSize::from(u32::from(t).saturating_sub(self.0));
        Ok(TextRange::new(shift(user.start()), shift(user.end())))
    }
}

/// What a call resolves to, for code generation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallTarget {
    /// A function declared at module or class level, called directly.
    Function(FunctionRef),
    /// A method looked up on an instance of a known class.
    Method { function: FunctionRef },
    /// A constructor of a known class.
    Constructor(crate::types::ClassId),
    /// Anything else: a dynamic call.
    Dynamic,
}

/// The result of inferring one scope unit.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Inference {
    /// The type of each expression, sorted by span.
    pub expr_types: Box<[(Span, Ty)]>,
    /// The target of each call expression, sorted by span.
    pub calls: Box<[(Span, CallTarget)]>,
    pub diagnostics: Box<[Diagnostic]>,
}

impl Inference {
    /// The type of the expression with exactly this span.
    pub fn type_at(&self, span: Span) -> Option<Ty> {
        self.expr_types.binary_search_by_key(&span, |(s, _)| *s).ok().map(|i| self.expr_types[i].1)
    }
}

/// Infers one function unit.
#[salsa::tracked(returns(ref))]
pub fn infer_function<'db>(db: &'db dyn Db, unit: FunctionUnit<'db>) -> Inference {
    let syntax = unit.syntax(db).clone();
    builder::Infer::run_function(db, unit.file(db), unit.qualname(db), &syntax)
}

/// Infers the module's own statements (not function bodies).
#[salsa::tracked(returns(ref))]
pub fn infer_module_body(db: &dyn Db, file: SourceFile) -> Inference {
    let parsed = parsed_module(db, file);
    builder::Infer::run_module(db, file, parsed.suite())
}

/// Every type diagnostic of `file`: declarations, module body and each function.
pub fn check_types(db: &dyn Db, file: SourceFile) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = declaration_diagnostics(db, file).to_vec();
    if file.path(db).ends_with(".pyi") {
        return out;
    }
    out.extend(infer_module_body(db, file).diagnostics.iter().cloned());
    for unit in &function_units(db, file).units {
        let offset = unit.offset(db);
        for diag in infer_function(db, *unit).diagnostics.iter() {
            let mut diag = diag.clone();
            diag.span = Span::new(diag.span.start + offset, diag.span.end + offset);
            for label in &mut diag.labels {
                if label.path.is_none() {
                    label.span = Span::new(label.span.start + offset, label.span.end + offset);
                }
            }
            out.push(diag);
        }
    }
    out
}

/// The type of the expression at exactly `span` in `file` (for hover and tests).
pub fn type_of_expression(db: &dyn Db, file: SourceFile, span: Span) -> Option<Ty> {
    for unit in &function_units(db, file).units {
        let offset = unit.offset(db);
        let relative = Span::new(span.start.saturating_sub(offset), span.end.saturating_sub(offset));
        if span.start >= offset
            && let Some(ty) = infer_function(db, *unit).type_at(relative)
        {
            return Some(ty);
        }
    }
    infer_module_body(db, file).type_at(span)
}
