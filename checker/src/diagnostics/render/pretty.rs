//! `pretty`: boxed diagnostics drawn by ariadne, coloured on a terminal, the default when a
//! person reads the output. Spans are byte offsets (`IndexType::Byte`), labels are added in
//! source order (ariadne splits the report otherwise), and trailing spaces are removed.

use ariadne::{Config, IndexType, Label, Report, ReportKind};

use super::{FileDiagnostics, RenderOptions, Sources, clamp, concise, trim_line_ends};
use crate::diagnostics::{Diagnostic, Severity};

type AriadneSpan = (String, std::ops::Range<usize>);

pub(super) fn render(
    file: &FileDiagnostics<'_>,
    sources: &dyn Sources,
    options: RenderOptions,
    out: &mut String,
) {
    for diag in file.diagnostics {
        match render_one(file, diag, sources, options) {
            Some(text) => out.push_str(&text),
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
    options: RenderOptions,
) -> Option<String> {
    let name = file.name.to_string();
    let mut texts: Vec<(String, String)> = vec![(name.clone(), file.text.to_string())];
    // (file order, start, label); the diagnostic's own file first.
    let mut labels: Vec<(usize, usize, Label<AriadneSpan>)> = Vec::new();
    let primary = clamp(file.text, diag.span);
    labels.push((
        0,
        primary.start,
        Label::new((name.clone(), primary.clone())).with_message("here"),
    ));
    let mut notes = Vec::new();
    for label in &diag.labels {
        let own = label.path.as_deref().is_none_or(|path| path == file.path);
        let target = if own {
            Some((0, name.clone(), file.text))
        } else {
            label
                .path
                .as_deref()
                .and_then(|path| sources.source(path))
                .map(|(other, text)| {
                    let position = match texts.iter().position(|(n, _)| n == other) {
                        Some(position) => position,
                        None => {
                            texts.push((other.to_string(), text.to_string()));
                            texts.len() - 1
                        }
                    };
                    (position, other.to_string(), text)
                })
        };
        match target {
            Some((position, id, text)) => {
                let range = clamp(text, label.span);
                labels.push((
                    position,
                    range.start,
                    Label::new((id, range)).with_message(&label.message),
                ));
            }
            None => notes.push(format!(
                "{}: {}",
                label.path.as_deref().unwrap_or(file.name),
                label.message
            )),
        }
    }
    labels.sort_by_key(|(position, start, _)| (*position, *start));
    notes.extend(diag.notes.iter().cloned());
    let kind = match diag.severity {
        Severity::Error => ReportKind::Error,
        Severity::Warning => ReportKind::Warning,
    };
    let config = Config::default()
        .with_color(options.color)
        .with_index_type(IndexType::Byte);
    let mut builder = Report::build(kind, (name, primary))
        .with_config(config)
        .with_code(diag.code.name())
        .with_message(&diag.message)
        .with_labels(labels.into_iter().map(|(_, _, label)| label));
    builder.with_notes(notes);
    let mut bytes = Vec::new();
    builder
        .finish()
        .write(ariadne::sources(texts), &mut bytes)
        .ok()?;
    let text = String::from_utf8(bytes).ok()?;
    // A blank line between reports, as in the `full` format.
    Some(trim_line_ends(&text) + "\n")
}
