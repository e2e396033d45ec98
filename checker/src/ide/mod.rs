//! IDE queries for the language server: `hover`, `goto_definition`, `document_symbols`
//! (each taking `(db, file, offset)` or `(db, file)`) and the import graph. They return
//! plain data with byte spans; the LSP layer (in the binary) converts to protocol types.
//!
//! Names are resolved on the AST (`scope`), which is what a module's bindings and
//! annotations tell; the inferred type of an expression comes from the checker's
//! inference through one hook (`hover::inferred_type_at`).

mod goto;
mod hover;
mod imports;
mod locate;
mod scope;
mod symbols;
mod walk;

#[cfg(test)]
mod tests;

pub use goto::{NavigationTarget, goto_definition};
pub use hover::{Hover, hover};
pub use imports::{depends_on, imported_files};
pub use symbols::{DocumentSymbol, SymbolKind, document_symbols};

use crate::db::{Db, SourceFile};
use locate::{Located, Target};
use scope::{Binding, Def, follow, member, resolve_name, value_of};

/// What the target at the cursor refers to, after following imports.
fn definition_of<'a>(db: &'a dyn Db, file: SourceFile, located: &Located<'a>) -> Option<Def<'a>> {
    match located.target {
        Target::Name(n) => {
            let def = resolve_name(
                db,
                file,
                &located.scopes,
                n.id.as_str(),
                n.range.start().into(),
            )?;
            Some(follow(db, def))
        }
        Target::Attribute(a) => {
            let base = value_of(db, file, &located.scopes, &a.value, 0)?;
            member(db, base, a.attr.as_str(), 0)
        }
        Target::Definition(b @ (Binding::Import { .. } | Binding::ImportFrom { .. })) => {
            Some(follow(db, Def::Binding(file, b)))
        }
        Target::Definition(b) => Some(Def::Binding(file, b)),
    }
}
