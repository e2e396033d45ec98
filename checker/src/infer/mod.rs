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
//! Split by concern: `builder` (frames, flow state, names), `stmt` (assignments and
//! control flow), `defs` (functions and classes), `imports`, `expr`, `call`, `attr`,
//! `ops` (operators, subscripts, iteration), `narrow` (conditions).

mod attr;
mod builder;
mod call;
mod defs;
mod expr;
mod imports;
mod narrow;
mod ops;
mod stmt;
mod typed_dict;

use std::sync::Arc;

use rustpython_parser::ast::{self, Ranged};

use crate::db::{Db, SourceFile};
use crate::declare::declaration_diagnostics;
use crate::diagnostics::{Diagnostic, Span};
use crate::parse::parsed_module;
use crate::types::{FunctionRef, Ty};

/// Where one function unit's `def` is, and its source text.
///
/// Compared by text (and class): a function whose text is unchanged compares equal
/// even when the edit that moved it changed every position, so its inference stays
/// cached. Inference records spans relative to `offset`, so cached results stay valid
/// wherever the function moves.
#[derive(Debug)]
pub struct UnitSyntax {
    suite: Arc<ast::Suite>,
    /// Path from the module's statements to the `def`: (list, index) steps, where list
    /// 0 is a body, 1 an `orelse`, 2 a `finalbody`, 3 + k the body of handler `k`.
    path: Box<[(u32, u32)]>,
    text: Box<str>,
    /// The start of the `def` in the file when this value was built.
    pub offset: u32,
    /// The qualified name of the class whose method this is.
    pub class: Option<Box<str>>,
}

impl PartialEq for UnitSyntax {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && self.class == other.class
    }
}

impl UnitSyntax {
    /// The `def` statement.
    pub fn stmt(&self) -> Option<&ast::Stmt> {
        let mut list: &[ast::Stmt] = &self.suite;
        let mut current: Option<&ast::Stmt> = None;
        for &(which, index) in self.path.iter() {
            if let Some(stmt) = current {
                list = child_list(stmt, which)?;
            }
            current = list.get(index as usize);
        }
        current
    }
}

fn child_list(stmt: &ast::Stmt, which: u32) -> Option<&[ast::Stmt]> {
    Some(match (stmt, which) {
        (ast::Stmt::ClassDef(c), 0) => &c.body,
        (ast::Stmt::If(s), 0) => &s.body,
        (ast::Stmt::If(s), 1) => &s.orelse,
        (ast::Stmt::With(s), 0) => &s.body,
        (ast::Stmt::Try(s), 0) => &s.body,
        (ast::Stmt::Try(s), 1) => &s.orelse,
        (ast::Stmt::Try(s), 2) => &s.finalbody,
        (ast::Stmt::Try(s), k) => {
            let ast::ExceptHandler::ExceptHandler(h) = s.handlers.get(k.checked_sub(3)? as usize)?;
            &h.body
        }
        _ => return None,
    })
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
    /// Where the function starts in the file now (add it to the unit's spans).
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
    let mut walker = UnitWalker {
        db,
        file,
        suite: parsed.suite(),
        text: file.text(db),
        path: Vec::new(),
        out: &mut units,
    };
    walker.walk(parsed.suite(), 0, "", None);
    FunctionUnits { units }
}

struct UnitWalker<'db, 'w> {
    db: &'db dyn Db,
    file: SourceFile,
    suite: &'w Arc<ast::Suite>,
    text: &'w str,
    path: Vec<(u32, u32)>,
    out: &'w mut Vec<FunctionUnit<'db>>,
}

impl UnitWalker<'_, '_> {
    fn walk(&mut self, stmts: &[ast::Stmt], which: u32, prefix: &str, class: Option<&str>) {
        for (index, stmt) in stmts.iter().enumerate() {
            self.path.push((which, index as u32));
            match stmt {
                ast::Stmt::FunctionDef(_) | ast::Stmt::AsyncFunctionDef(_) => {
                    let name = match stmt {
                        ast::Stmt::FunctionDef(f) => f.name.as_str(),
                        ast::Stmt::AsyncFunctionDef(f) => f.name.as_str(),
                        _ => "",
                    };
                    let range = stmt.range();
                    let offset = u32::from(range.start());
                    let text = self
                        .text
                        .get(usize::from(range.start())..usize::from(range.end()))
                        .unwrap_or("");
                    let syntax = UnitSyntax {
                        suite: self.suite.clone(),
                        path: self.path.clone().into_boxed_slice(),
                        text: text.into(),
                        offset,
                        class: class.map(Into::into),
                    };
                    let unit = FunctionUnit::new(
                        self.db,
                        self.file,
                        format!("{prefix}{name}"),
                        Arc::new(syntax),
                        offset,
                    );
                    self.out.push(unit);
                }
                ast::Stmt::ClassDef(c) => {
                    let qualname = format!("{prefix}{}", c.name);
                    self.walk(&c.body, 0, &format!("{qualname}."), Some(&qualname));
                }
                ast::Stmt::If(s) => {
                    self.walk(&s.body, 0, prefix, class);
                    self.walk(&s.orelse, 1, prefix, class);
                }
                ast::Stmt::Try(s) => {
                    self.walk(&s.body, 0, prefix, class);
                    for (k, h) in s.handlers.iter().enumerate() {
                        let ast::ExceptHandler::ExceptHandler(h) = h;
                        self.walk(&h.body, 3 + k as u32, prefix, class);
                    }
                    self.walk(&s.orelse, 1, prefix, class);
                    self.walk(&s.finalbody, 2, prefix, class);
                }
                ast::Stmt::With(s) => self.walk(&s.body, 0, prefix, class),
                _ => {}
            }
            self.path.pop();
        }
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
        self.expr_types
            .binary_search_by_key(&span, |(s, _)| *s)
            .ok()
            .map(|i| self.expr_types[i].1)
    }
}

/// Infers one function unit.
#[salsa::tracked(returns(ref))]
pub fn infer_function<'db>(db: &'db dyn Db, unit: FunctionUnit<'db>) -> Inference {
    let syntax = unit.syntax(db).clone();
    match syntax.stmt() {
        Some(stmt) => {
            builder::Infer::run_function(db, unit.file(db), unit.qualname(db), stmt, &syntax)
        }
        None => Inference::default(),
    }
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
        let relative = Span::new(
            span.start.saturating_sub(offset),
            span.end.saturating_sub(offset),
        );
        if span.start >= offset
            && let Some(ty) = infer_function(db, *unit).type_at(relative)
        {
            return Some(ty);
        }
    }
    infer_module_body(db, file).type_at(span)
}

#[cfg(test)]
mod tests {
    use crate::{CheckerDb, SourceFile, check_file};

    /// 10,000-deep nested expressions are checked on the driver's stack size (the CLI
    /// runs checks on 256 MiB threads) without overflowing.
    #[test]
    fn deep_nesting_does_not_overflow() {
        let child = std::thread::Builder::new().stack_size(256 << 20).spawn(|| {
            let depth = 10_000;
            let nested = format!("x = {}1{}\n", "(".repeat(depth), ")".repeat(depth));
            let sum = format!("def f() -> int:\n    return 1{}\n", " + 1".repeat(depth));
            let list = format!("y = {}1{}\n", "[".repeat(depth), "]".repeat(depth));
            let mut db = CheckerDb::new();
            let file = SourceFile::new(
                &db,
                "proj/deep.py".to_string(),
                format!("{nested}{sum}{list}"),
            );
            db.set_project_files(vec![file], vec!["proj".to_string()]);
            check_file(&db, file).len()
        });
        let result = child.map(|c| c.join());
        assert!(
            matches!(result, Ok(Ok(_))),
            "checking deeply nested code failed"
        );
    }
}
