//! Facts for code generation that the diagnostic rules do not produce themselves:
//! explicit `cast(T, x)` calls (lowered to `CAST T`).
//!
//! Input: an expression of a static module during the static pass. Output: entries pushed
//! into [`super::facts::StaticFacts`]; no diagnostics.

use rustpython_parser::ast::{self, Ranged};

use crate::diagnostics::Span;

use super::descr::type_descr;
use super::facts::CallFact;
use super::hooks::static_function_name;
use super::walk::StaticPass;

impl StaticPass<'_> {
    /// `cast(T, x)` with a runtime-checkable `T`: a [`CallFact::Cast`] for the call.
    pub(super) fn codegen_call_facts(&mut self, e: &ast::Expr, c: &ast::ExprCall) {
        if c.args.len() != 2 || !c.keywords.is_empty() {
            return;
        }
        if static_function_name(self.db, self.ty(&c.func)) != Some("cast") {
            return;
        }
        if let Some(to) = type_descr(self, self.ty(e))
            && !to.primitive
        {
            self.facts
                .calls
                .push((Span::from(e.range()), CallFact::Cast { to }));
        }
    }
}
