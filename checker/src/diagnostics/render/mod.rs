//! Renderers: the diagnostics of checked files, as text in one of the output formats.
//!
//! Input: for each file, its path (as the database names it), the name to print, its text
//! and its diagnostics; plus [`Sources`], which finds the text of other files that labels
//! point into. Output: one `String`. Renderers never fail: a span that does not fit its
//! text is clamped, and a snippet that cannot be drawn falls back to the concise line.
//!
//! - `full` (codespan-reporting): rustc-like, with source snippets, no trailing spaces.
//! - `pretty` (ariadne): coloured boxes when asked; byte offsets; labels in source order.
//! - `concise`: exactly one line per diagnostic, `path:line:col: error[code]: message`.
//! - `json`: one array of objects (`path`, `line`, `column`, `end_line`, `end_column`,
//!   `severity`, `code`, `message`).
//! - `github`: GitHub Actions workflow commands (`::error file=...::message`).
//!
//! Lines and columns are 1-based; columns count characters (code points).

mod concise;
mod full;
mod github;
mod json;
mod pretty;

use crate::diagnostics::{Diagnostic, Span};
use crate::line_index::LineIndex;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Full,
    Pretty,
    Concise,
    Json,
    Github,
}

/// The diagnostics of one file, ready to render.
#[derive(Clone, Copy, Debug)]
pub struct FileDiagnostics<'a> {
    /// The path the database knows the file by (what [`crate::Label::path`] names).
    pub path: &'a str,
    /// The name printed for the file (for example relative to the current folder).
    pub name: &'a str,
    pub text: &'a str,
    pub diagnostics: &'a [Diagnostic],
}

/// Finds other files that secondary labels point into.
pub trait Sources {
    /// The printed name and the text of the file the database calls `path`.
    fn source(&self, path: &str) -> Option<(&str, &str)>;
}

/// No other files: labels into other files are printed as notes.
pub struct NoSources;

impl Sources for NoSources {
    fn source(&self, _path: &str) -> Option<(&str, &str)> {
        None
    }
}

/// Options that apply to every format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// Use ANSI colours (only `pretty` colours its output).
    pub color: bool,
}

/// Renders every diagnostic of `files`, in order, in `format`.
pub fn render(
    format: Format,
    files: &[FileDiagnostics<'_>],
    sources: &dyn Sources,
    options: RenderOptions,
) -> String {
    match format {
        Format::Json => json::render(files),
        _ => {
            let mut out = String::new();
            for file in files {
                match format {
                    Format::Full => full::render(file, sources, &mut out),
                    Format::Pretty => pretty::render(file, sources, options, &mut out),
                    Format::Concise => concise::render(file, &mut out),
                    Format::Github => github::render(file, &mut out),
                    Format::Json => {}
                }
            }
            out
        }
    }
}

/// Where a diagnostic starts and ends, 1-based, columns in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Location {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl Location {
    pub(crate) fn of(index: &LineIndex, text: &str, span: Span) -> Location {
        let start = index.line_col(text, span.start);
        let end = index.line_col(text, span.end);
        Location {
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }
}

/// `span` as a byte range that lies inside `text` on character boundaries.
pub(crate) fn clamp(text: &str, span: Span) -> std::ops::Range<usize> {
    let floor = |offset: u32| {
        let mut at = (offset as usize).min(text.len());
        while at > 0 && !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let start = floor(span.start);
    let end = floor(span.end).max(start);
    start..end
}

/// The message on one line: newlines become spaces (concise and the fallbacks).
pub(crate) fn one_line(message: &str) -> String {
    message
        .split(['\n', '\r'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Removes the spaces at the end of every line (ariadne leaves some).
pub(crate) fn trim_line_ends(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, newline) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        out.push_str(body.trim_end_matches([' ', '\t']));
        out.push_str(newline);
    }
    out
}

#[cfg(test)]
mod tests;
