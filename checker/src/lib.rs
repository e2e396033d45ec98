//! `cinder_checker`: the salsa database, parsing, module resolution, the type model,
//! inference and checks, the Static Python and strict-module rules, and the diagnostic
//! model with its renderers.
//!
//! Architecture invariant: this crate reads no files, environment variables or clocks and
//! prints nothing. All input arrives as salsa inputs ([`SourceFile`], [`Project`]); the
//! driver (the `cinder` binary, the LSP server, the tests) sets them.

mod db;
pub mod declare;
pub mod diagnostics;
pub mod ide;
pub mod index;
pub mod infer;
mod line_index;
mod parse;
mod ready;
pub mod resolve;
pub(crate) mod rules;
pub mod types;

pub use db::{CheckerDb, Db, Project, SourceFile};
pub use diagnostics::{Code, Diagnostic, Label, Severity, Span};
pub use line_index::{LineCol, LineIndex};
pub use parse::{Comment, ParsedModule, parse_source, parsed_module};
pub use ready::{CheckedModule, ModuleKind, ReadyModule, checked_module, module_kind_of};
pub use rules::static_python::facts::{
    ArgChecks, CallFact, CheckedBuild, ClassLayout, ContainerFact, ContainerKind, FieldFact,
    FunctionDescr, StaticFacts, TypeDescr,
};

/// Every diagnostic of `file`: syntax errors and, later, type, static and strict errors,
/// with `# type: ignore` suppressions applied, sorted by position.
#[salsa::tracked(returns(ref))]
pub fn check_file(db: &dyn Db, file: SourceFile) -> Vec<Diagnostic> {
    let parsed = parsed_module(db, file);
    let mut diags: Vec<Diagnostic> = parsed.syntax_errors().to_vec();
    if !parsed.has_syntax_error() {
        diags.extend(infer::check_types(db, file));
    }
    diags.extend(
        rules::strict_module::strict_module_diagnostics(db, file)
            .iter()
            .cloned(),
    );
    // Static Python: the marker everywhere, the static rules in static modules.
    diags = rules::static_python::check(db, file, diags);
    diags.sort_by_key(|d| (d.span.start, d.span.end));
    diagnostics::suppression::apply(db, file, diags)
}
