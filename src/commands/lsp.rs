//! `cinder lsp`: runs the language server on stdin/stdout (see `crate::lsp`).

use crate::cli::LspArgs;

pub fn run(_args: LspArgs) -> u8 {
    crate::lsp::run_stdio()
}
