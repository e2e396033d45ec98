//! Static Python: the rules of modules that begin with `import __static__`.
//!
//! Input: a file, its parse, and the inference results (expression types, call targets)
//! that `infer` computed, with the few Static Python hooks of [`hooks`] applied inside
//! inference. Output: [`static_analysis`], the Static Python diagnostics of the module
//! (Cinder's message formats, word for word, each with its own code) and the
//! [`facts::StaticFacts`] that code generation reads (static invokes, fields, casts,
//! primitive kinds, argument checks).
//!
//! The pass runs over the AST once, after inference, and never changes a type. In a
//! static module some plain diagnostics are replaced by their Static Python form
//! (assignment, return, argument, override and `Final` errors, `reveal_type`); see
//! [`check`].

mod annotations;
mod assign;
mod calls;
mod classes;
mod codegen_facts;
mod containers;
mod descr;
mod display;
mod exprs;
pub mod facts;
pub(crate) mod hooks;
mod marker;
mod walk;

use crate::db::{Db, SourceFile};
use crate::diagnostics::{Diagnostic, Span, codes};
use crate::parse::parsed_module;
use crate::ready::{ModuleKind, module_kind_of};

pub use facts::StaticFacts;

/// Whether `file` is a static module (`import __static__` first). Stubs never are.
#[salsa::tracked(returns(copy))]
pub(crate) fn is_static_module(db: &dyn Db, file: SourceFile) -> bool {
    if file.path(db).ends_with(".pyi") {
        return false;
    }
    module_kind_of(parsed_module(db, file).suite()) == ModuleKind::Static
}

/// The Static Python result of one module: its diagnostics and its facts.
#[derive(Debug, PartialEq, Eq)]
pub struct StaticAnalysis {
    pub diagnostics: Box<[Diagnostic]>,
    pub facts: std::sync::Arc<StaticFacts>,
}

/// Runs the static pass over a static module (empty for any other module).
#[salsa::tracked(returns(ref))]
pub(crate) fn static_analysis(db: &dyn Db, file: SourceFile) -> StaticAnalysis {
    let parsed = parsed_module(db, file);
    if !is_static_module(db, file) || parsed.has_syntax_error() {
        return StaticAnalysis {
            diagnostics: Box::new([]),
            facts: Default::default(),
        };
    }
    let plain = crate::infer::check_types(db, file);
    let (diagnostics, facts) = walk::StaticPass::run(db, file, parsed.suite(), &plain);
    StaticAnalysis {
        diagnostics: diagnostics.into_boxed_slice(),
        facts: std::sync::Arc::new(facts),
    }
}

/// The codes of plain diagnostics that a static module reports in Static Python's words
/// instead (the static pass reports the same errors with their own codes).
const REPLACED: &[crate::Code] = &[
    codes::BAD_ASSIGNMENT,
    codes::BAD_RETURN_TYPE,
    codes::MISSING_RETURN,
    codes::FINAL_REASSIGNED,
    codes::BAD_OVERRIDE,
    codes::REVEAL_TYPE,
    codes::OPTIONAL_MEMBER_ACCESS,
];

/// Adds the marker diagnostics of any module, and in a static module the static
/// diagnostics, dropping the plain ones they replace.
pub(crate) fn check(db: &dyn Db, file: SourceFile, mut diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let parsed = parsed_module(db, file);
    if parsed.has_syntax_error() || file.path(db).ends_with(".pyi") {
        return diags;
    }
    diags.extend(marker::check_marker(parsed.suite()));
    if !is_static_module(db, file) {
        return diags;
    }
    let analysis = static_analysis(db, file);
    let handled: Vec<Span> = analysis.facts.replaced.clone();
    diags.retain(|d| {
        if REPLACED.contains(&d.code) {
            return false;
        }
        if d.code == codes::BAD_ARGUMENT_TYPE
            || d.code == codes::NO_MATCHING_OVERLOAD
            || d.code == codes::MISSING_ARGUMENT
            || d.code == codes::TOO_MANY_POSITIONAL
            || d.code == codes::UNKNOWN_ARGUMENT
            || d.code == codes::PARAMETER_ALREADY_ASSIGNED
            || d.code == codes::NOT_SUBSCRIPTABLE
            || d.code == codes::UNRESOLVED_IMPORT
            || d.code == codes::INVALID_ANNOTATION
            || d.code.name() == "strict-star-import"
        {
            return !handled
                .iter()
                .any(|s| s.start <= d.span.start && d.span.end <= s.end);
        }
        true
    });
    // Message 5: a name defined nowhere.
    let text = file.text(db);
    for d in &mut diags {
        if d.code == codes::UNRESOLVED_NAME {
            let name = text
                .get(d.span.start as usize..d.span.end as usize)
                .unwrap_or("?");
            *d = Diagnostic::new(
                codes::STATIC_UNDEFINED_NAME,
                d.span,
                format!("Name `{name}` is not defined."),
            );
        }
    }
    diags.extend(analysis.diagnostics.iter().cloned());
    diags.sort_by_key(|d| (d.span.start, d.span.end));
    diags
}
