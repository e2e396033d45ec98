//! Facts for code generation that the diagnostic rules do not produce themselves:
//! explicit `cast(T, x)` calls (lowered to `CAST T`) and reads of the module's own `Final`
//! globals (inlined).
//!
//! Input: an expression of a static module during the static pass. Output: entries pushed
//! into [`super::facts::StaticFacts`]; no diagnostics.

use rustpython_parser::ast::{self, Ranged};

use crate::diagnostics::Span;

use super::descr::type_descr;
use super::facts::CallFact;
use super::hooks::static_function_name;
use super::walk::{ScopeKind, StaticPass};

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

impl StaticPass<'_> {
    /// A read of a module-level `Final` name of this module (not shadowed by a local):
    /// recorded in `finals` so that codegen inlines its value.
    pub(super) fn codegen_expr_facts(&mut self, e: &ast::Expr) {
        let ast::Expr::Name(n) = e else { return };
        if n.ctx != ast::ExprContext::Load {
            return;
        }
        let name = n.id.as_str();
        let scope = self.scope();
        match scope.kind {
            ScopeKind::Class => return,
            ScopeKind::Function if scope.locals.contains(name) && !scope.globals.contains(name) => {
                return;
            }
            _ => {}
        }
        let Some(global) = self.decls.globals.get(name) else {
            return;
        };
        if global.is_final && global.import.is_none() {
            self.facts
                .finals
                .push((Span::from(e.range()), name.to_string()));
        }
    }
}
