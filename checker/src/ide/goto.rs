//! `goto_definition(db, file, offset)`: where the name under the cursor is defined: in
//! the same module, in an imported project module or stub, or a class member.

use super::locate::locate;
use super::scope::Def;
use crate::db::{Db, SourceFile};
use crate::diagnostics::Span;
use crate::parse::parsed_module;

/// A place to jump to. Plain data: the LSP layer turns the path into a URI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NavigationTarget {
    pub file: SourceFile,
    /// The file's path as the driver named it (stubs live under `<stubs>/`).
    pub path: String,
    pub name: String,
    /// The whole definition (the `def` with its body, the assignment).
    pub full_span: Span,
    /// The defined name.
    pub focus_span: Span,
}

/// The definitions of the name at byte `offset` of `file` (empty when unknown).
pub fn goto_definition(db: &dyn Db, file: SourceFile, offset: u32) -> Vec<NavigationTarget> {
    let parsed = parsed_module(db, file);
    let text = file.text(db).as_str();
    let Some(located) = locate(parsed.suite(), text, offset) else {
        return Vec::new();
    };
    let Some(def) = super::definition_of(db, file, &located) else {
        return Vec::new();
    };
    vec![navigation_target(db, def)]
}

pub(crate) fn navigation_target(db: &dyn Db, def: Def<'_>) -> NavigationTarget {
    match def {
        Def::Module(m) => NavigationTarget {
            file: m,
            path: m.path(db).clone(),
            name: crate::resolve::module_name_of(db, m).unwrap_or_default(),
            full_span: Span::new(0, 0),
            focus_span: Span::new(0, 0),
        },
        Def::Binding(f, binding) => NavigationTarget {
            file: f,
            path: f.path(db).clone(),
            name: binding.name().to_string(),
            full_span: binding.full_span(),
            focus_span: binding.focus_span(f.text(db)),
        },
    }
}
