//! `json`: every diagnostic of every file in one JSON array, in order, for tools.

use serde::Serialize;

use super::{FileDiagnostics, Location};
use crate::line_index::LineIndex;

/// One diagnostic as it appears in the array. Field order is the documented order.
#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    severity: &'static str,
    code: &'static str,
    message: &'a str,
}

pub(super) fn render(files: &[FileDiagnostics<'_>]) -> String {
    let mut items = Vec::new();
    for file in files {
        if file.diagnostics.is_empty() {
            continue;
        }
        let index = LineIndex::new(file.text);
        for diag in file.diagnostics {
            let at = Location::of(&index, file.text, diag.span);
            items.push(JsonDiagnostic {
                path: file.name,
                line: at.line,
                column: at.column,
                end_line: at.end_line,
                end_column: at.end_column,
                severity: diag.severity.as_str(),
                code: diag.code.name(),
                message: &diag.message,
            });
        }
    }
    // Serialising plain strings and numbers cannot fail; keep a valid document regardless.
    let mut out = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_string());
    out.push('\n');
    out
}
