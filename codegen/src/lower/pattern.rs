//! `match` statements (CPython's `compiler_match`): subject, patterns, guards.

use rustpython_ast as ast;

use super::{Compiler, Result};

impl<'a> Compiler<'a> {
    pub(crate) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> Result<()> {
        Err(self.unsupported("match statement", m.range))
    }
}
