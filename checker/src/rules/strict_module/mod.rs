//! Strict modules: `strict_module_diagnostics(db, file)` checks that the top level of a
//! strict module (`import __strict__`, or `import __static__`, which implies strict) has
//! no side effects visible outside the module.
//!
//! It is an abstract interpreter of the module's top-level code (`interp.rs` and the
//! files it names) over its own value model (`values.rs`): assignments, calls of
//! functions defined in strict modules (their bodies run), decorators, loops,
//! comprehensions, `try`, `with` and class bodies are executed against models of the
//! allowed builtins (`builtins.rs`, `methods.rs`) and of safe stdlib modules
//! (`stdlib.rs`). Values of non-strict modules are unknown and every use of them at
//! module level is an error (`errors.rs` lists the kinds, with Cinder's messages).
//! Analysis always terminates: loops, iterables, recursion and total work are bounded.
//!
//! Where the model is imprecise it errs towards silence, never towards a made-up error:
//! a value it cannot compute (a compiled regex, a typing form, an unusual string format)
//! is *opaque*, safe to use in any way; an opaque `if` test takes the `if` branch and an
//! opaque `while` test ends the loop. Annotations are not evaluated. Calls nest at most
//! 64 deep (then `RecursionError`), strict imports 24 deep.
//!
//! Input: the file's AST and, for the strict modules it imports, theirs (a strict
//! module's values and functions are part of its importers' analysis, as in Cinder; salsa
//! records those reads, so an edit to an imported strict module re-checks its
//! importers). Output: diagnostics for this file only; errors inside imported modules
//! are reported when those modules are checked, or as labels of a call made here.

mod attrs;
mod builtins;
mod call;
mod classes;
mod constructors;
mod errors;
mod expr;
mod flags;
mod format;
mod imports;
mod interp;
mod items;
mod methods;
mod ops;
mod stdlib;
mod stmt;
mod values;

#[cfg(test)]
mod tests;

use std::rc::Rc;

use crate::db::{Db, SourceFile};
use crate::diagnostics::Diagnostic;
use crate::parse::parsed_module;
use crate::ready::{ModuleKind, module_kind_of};

/// The strict-module diagnostics of `file`: bad `__strict__` markers in any module, and
/// for strict and static modules the side-effect analysis of the top level.
#[salsa::tracked(returns(ref))]
pub(crate) fn strict_module_diagnostics(db: &dyn Db, file: SourceFile) -> Vec<Diagnostic> {
    let parsed = parsed_module(db, file);
    if parsed.has_syntax_error() {
        return Vec::new();
    }
    let suite = parsed.suite();
    let mut diagnostics = flags::bad_strict_flags(suite);
    if !matches!(
        module_kind_of(suite),
        ModuleKind::Strict | ModuleKind::Static
    ) {
        return diagnostics;
    }
    // A file outside the import roots is named by its stem (not `__main__`: a strict
    // module is imported, never run as the main module).
    let name: Rc<str> = Rc::from(crate::resolve::module_name_of(db, file).unwrap_or_else(|| {
        let path = file.path(db);
        let stem = path.rsplit('/').next().unwrap_or(path);
        stem.trim_end_matches(".pyi")
            .trim_end_matches(".py")
            .to_string()
    }));
    let mut interp = interp::Interp::new(db, name.clone());
    let scope = values::new_scope();
    scope
        .borrow_mut()
        .insert("__name__".into(), values::Value::Str(name.clone()));
    let module = values::Value::object(
        &name,
        values::ObjectData::Module(values::ModuleObject {
            name: name.clone(),
            scope: scope.clone(),
            strict: true,
            opaque_fallback: false,
        }),
    );
    interp.track(&module);
    interp.modules.insert(name.to_string(), module);
    let context = Rc::new(values::ModuleContext {
        name,
        file,
        path: None,
        scope,
    });
    interp.run_module(context, suite, Some(&mut diagnostics));
    diagnostics
}
