//! `cinder lsp`.

use crate::cli::LspArgs;
use crate::exit;

pub fn run(_args: LspArgs) -> u8 {
    eprintln!("error: `cinder lsp` is not available yet");
    exit::USAGE
}
