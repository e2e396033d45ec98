//! `full`: rustc-like diagnostics with source snippets, drawn by codespan-reporting. Plain
//! text (no colour, no trailing spaces): the format of CI logs and snapshots.

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;

use super::{FileDiagnostics, Sources, clamp, concise, trim_line_ends};
use crate::diagnostics::{Diagnostic, Severity};

pub(super) fn render(file: &FileDiagnostics<'_>, sources: &dyn Sources, out: &mut String) {
    let config = term::Config::default();
    for diag in file.diagnostics {
        match render_one(file, diag, sources, &config) {
            Some(text) => out.push_str(&text),
            // A snippet codespan cannot draw (it should not happen with clamped spans):
            // the concise line still says where and what.
            None => concise::render(
                &FileDiagnostics {
                    diagnostics: std::slice::from_ref(diag),
                    ..*file
                },
                out,
            ),
        }
    }
}

fn render_one(
    file: &FileDiagnostics<'_>,
    diag: &Diagnostic,
    sources: &dyn Sources,
    config: &term::Config,
) -> Option<String> {
    let mut files: SimpleFiles<&str, &str> = SimpleFiles::new();
    let own = files.add(file.name, file.text);
    let mut other_ids: Vec<(&str, usize)> = Vec::new();
    let mut labels = vec![cs::Label::primary(own, clamp(file.text, diag.span))];
    let mut notes = Vec::new();
    for label in &diag.labels {
        let target = match label.path.as_deref() {
            None => Some((own, file.text)),
            Some(path) if path == file.path => Some((own, file.text)),
            Some(path) => match other_ids.iter().find(|(p, _)| *p == path) {
                Some(&(_, id)) => sources.source(path).map(|(_, text)| (id, text)),
                None => sources.source(path).map(|(name, text)| {
                    let id = files.add(name, text);
                    other_ids.push((path, id));
                    (id, text)
                }),
            },
        };
        match target {
            Some((id, text)) => labels.push(
                cs::Label::secondary(id, clamp(text, label.span)).with_message(&label.message),
            ),
            None => notes.push(format!(
                "{}: {}",
                label.path.as_deref().unwrap_or(file.name),
                label.message
            )),
        }
    }
    notes.extend(diag.notes.iter().cloned());
    let report = match diag.severity {
        Severity::Error => cs::Diagnostic::error(),
        Severity::Warning => cs::Diagnostic::warning(),
    }
    .with_code(diag.code.name())
    .with_message(&diag.message)
    .with_labels(labels)
    .with_notes(notes);
    let text = term::emit_into_string(config, &files, &report).ok()?;
    // codespan pads some label lines with spaces; snapshots and editors want none. Every
    // report ends with one blank line, whatever codespan drew last.
    let mut text = trim_line_ends(&text).trim_end_matches('\n').to_string();
    text.push_str("\n\n");
    Some(text)
}
