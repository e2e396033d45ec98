//! `concise`: one line per diagnostic, `path:line:col: error[code]: message`, the format
//! that editors, `grep` and the typing conformance suite read.

use std::fmt::Write;

use super::{FileDiagnostics, Location, one_line};
use crate::line_index::LineIndex;

pub(super) fn render(file: &FileDiagnostics<'_>, out: &mut String) {
    if file.diagnostics.is_empty() {
        return;
    }
    let index = LineIndex::new(file.text);
    for diag in file.diagnostics {
        let at = Location::of(&index, file.text, diag.span);
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            file.name,
            at.line,
            at.column,
            diag.severity.as_str(),
            diag.code.name(),
            one_line(&diag.message)
        );
    }
}
