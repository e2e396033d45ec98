//! `github`: GitHub Actions workflow commands, one per diagnostic, which the Actions runner
//! turns into annotations on the pull request:
//! `::error file=a.py,line=1,col=5,endLine=1,endColumn=6,title=syntax-error::message`.
//!
//! Escaping follows the runner: in the message `%`, `\r` and `\n` are percent-encoded; in
//! property values `:` and `,` are too.

use std::fmt::Write;

use super::{FileDiagnostics, Location};
use crate::diagnostics::Severity;
use crate::line_index::LineIndex;

pub(super) fn render(file: &FileDiagnostics<'_>, out: &mut String) {
    if file.diagnostics.is_empty() {
        return;
    }
    let index = LineIndex::new(file.text);
    for diag in file.diagnostics {
        let at = Location::of(&index, file.text, diag.span);
        let command = match diag.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = diag.message.clone();
        for note in &diag.notes {
            message.push('\n');
            message.push_str(note);
        }
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(file.name),
            at.line,
            at.column,
            at.end_line,
            at.end_column,
            escape_property(diag.code.name()),
            escape_data(&message)
        );
    }
}

/// Escapes the message of a workflow command.
pub(super) fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            _ => out.push(ch),
        }
    }
    out
}

/// Escapes a property value of a workflow command.
pub(super) fn escape_property(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            _ => out.push(ch),
        }
    }
    out
}
