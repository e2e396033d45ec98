//! Conversions between the checker's plain data (byte offsets, paths, diagnostics,
//! symbols) and LSP types (line/character positions in the negotiated encoding, URIs).

use std::path::{Path, PathBuf};
use std::str::FromStr;

use cinder_checker::ide::{DocumentSymbol as IdeSymbol, SymbolKind as IdeKind};
use cinder_checker::{LineIndex, Severity, Span};
use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, DocumentSymbol, Location, NumberOrString,
    Position, Range, SymbolKind, TextDocumentContentChangeEvent, Uri,
};

/// How `Position::character` counts: UTF-16 code units (the LSP default) or bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf16,
    Utf8,
}

/// A text and its line starts, to turn offsets into positions and back.
pub struct LineMap<'a> {
    text: &'a str,
    index: &'a LineIndex,
    encoding: Encoding,
}

impl<'a> LineMap<'a> {
    pub fn new(text: &'a str, index: &'a LineIndex, encoding: Encoding) -> Self {
        Self {
            text,
            index,
            encoding,
        }
    }

    /// The position of a byte offset (clamped to the text and to a character boundary).
    pub fn position(&self, offset: u32) -> Position {
        let mut offset = (offset as usize).min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.index.line_of(offset as u32);
        let start = self.index.line_start(line) as usize;
        let prefix = self.text.get(start..offset).unwrap_or("");
        let character = match self.encoding {
            Encoding::Utf8 => prefix.len(),
            Encoding::Utf16 => prefix.encode_utf16().count(),
        };
        Position {
            line: line as u32,
            character: character as u32,
        }
    }

    pub fn range(&self, span: Span) -> Range {
        Range {
            start: self.position(span.start),
            end: self.position(span.end),
        }
    }

    /// The byte offset of a position, or `None` when its line is past the end. A character
    /// past the end of its line means the end of the line (as the protocol says), and one
    /// inside a character means that character's start.
    pub fn offset(&self, position: Position) -> Option<u32> {
        let line = position.line as usize;
        if line >= self.index.line_count() {
            return None;
        }
        let start = self.index.line_start(line) as usize;
        let rest = self.text.get(start..)?;
        let line_text = match rest.find('\n') {
            Some(end) => &rest[..end],
            None => rest,
        };
        let line_text = line_text.strip_suffix('\r').unwrap_or(line_text);
        let want = position.character as usize;
        let mut units = 0usize;
        for (i, ch) in line_text.char_indices() {
            let width = match self.encoding {
                Encoding::Utf8 => ch.len_utf8(),
                Encoding::Utf16 => ch.len_utf16(),
            };
            if units + width > want {
                return Some((start + i) as u32);
            }
            units += width;
        }
        Some((start + line_text.len()) as u32)
    }
}

/// Applies one `didChange` content change to `text`. Positions on lines past the end are
/// clamped to the end of the text (clients and the protocol differ there; never fail).
pub fn apply_change(
    text: &mut String,
    change: &TextDocumentContentChangeEvent,
    encoding: Encoding,
) {
    let Some(range) = change.range else {
        *text = change.text.clone();
        return;
    };
    let index = LineIndex::new(text);
    let map = LineMap::new(text, &index, encoding);
    let end_of_text = text.len() as u32;
    let start = map.offset(range.start).unwrap_or(end_of_text) as usize;
    let end = map.offset(range.end).unwrap_or(end_of_text) as usize;
    let (start, end) = (start.min(end), start.max(end));
    text.replace_range(start..end, &change.text);
}

/// The file path of a `file:` URI (percent-decoded), or `None` for other schemes.
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    // `file:///path` or `file://localhost/path`.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let bytes = percent_decode(rest)?;
    Some(PathBuf::from(String::from_utf8(bytes).ok()?))
}

fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The `file:` URI of an absolute path.
pub fn path_to_uri(path: &Path) -> Option<Uri> {
    let s = path.to_str()?;
    let mut out = String::from("file://");
    if !s.starts_with('/') {
        out.push('/');
    }
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&out).ok()
}

/// The URI of a path as the checker names files: a real path, or the URI that a file
/// with no path (an unsaved buffer) was opened with.
pub fn file_uri(path: &str) -> Option<Uri> {
    if path.starts_with('/') {
        path_to_uri(Path::new(path))
    } else {
        Uri::from_str(path).ok()
    }
}

/// A checker diagnostic as an LSP diagnostic. `related` turns a label (in this file or
/// another) into a location.
pub fn diagnostic(
    d: &cinder_checker::Diagnostic,
    map: &LineMap<'_>,
    related: &dyn Fn(&cinder_checker::Label) -> Option<Location>,
) -> lsp_types::Diagnostic {
    let mut message = d.message.clone();
    for note in &d.notes {
        message.push_str("\nnote: ");
        message.push_str(note);
    }
    let related_information: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .filter_map(|label| {
            Some(DiagnosticRelatedInformation {
                location: related(label)?,
                message: label.message.clone(),
            })
        })
        .collect();
    lsp_types::Diagnostic {
        range: map.range(d.span),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.name().to_string())),
        source: Some("cinder".to_string()),
        message,
        related_information: (!related_information.is_empty()).then_some(related_information),
        ..Default::default()
    }
}

/// The document symbols of the checker as LSP's hierarchical symbols.
pub fn document_symbols(symbols: &[IdeSymbol], map: &LineMap<'_>) -> Vec<DocumentSymbol> {
    symbols
        .iter()
        .map(|s| {
            #[allow(deprecated)] // `deprecated` is a required field of the struct.
            DocumentSymbol {
                name: s.name.clone(),
                detail: s.detail.clone(),
                kind: match s.kind {
                    IdeKind::Class => SymbolKind::CLASS,
                    IdeKind::Function => SymbolKind::FUNCTION,
                    IdeKind::Method => SymbolKind::METHOD,
                    IdeKind::Variable => SymbolKind::VARIABLE,
                    IdeKind::Constant => SymbolKind::CONSTANT,
                    IdeKind::Field => SymbolKind::FIELD,
                },
                tags: None,
                deprecated: None,
                range: map.range(s.full_span),
                selection_range: map.range(s.focus_span),
                children: (!s.children.is_empty()).then(|| document_symbols(&s.children, map)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn positions_count_utf16_units_or_bytes() {
        // 'é' is 2 bytes and 1 UTF-16 unit; '😀' is 4 bytes and 2 UTF-16 units.
        let text = "ab\né😀x = 1\nlast";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap_or_default() as u32;
        let utf16 = LineMap::new(text, &index, Encoding::Utf16);
        let utf8 = LineMap::new(text, &index, Encoding::Utf8);
        assert_eq!(utf16.position(x), pos(1, 3));
        assert_eq!(utf8.position(x), pos(1, 6));
        assert_eq!(utf16.offset(pos(1, 3)), Some(x));
        assert_eq!(utf8.offset(pos(1, 6)), Some(x));
        // Inside a surrogate pair or a multi-byte character: the character's start.
        assert_eq!(utf16.offset(pos(1, 2)), Some(x - 4));
        assert_eq!(utf8.offset(pos(1, 4)), Some(x - 4));
        // Past the end of a line: the end of that line; past the last line: none.
        assert_eq!(utf16.offset(pos(0, 99)), Some(2));
        assert_eq!(utf16.offset(pos(2, 99)), Some(text.len() as u32));
        assert_eq!(utf16.offset(pos(3, 0)), None);
        // Offsets inside a character or past the end are clamped.
        assert_eq!(utf16.position(x - 1), pos(1, 1));
        assert_eq!(utf16.position(10_000), pos(2, 4));
    }

    #[test]
    fn crlf_lines_end_before_the_carriage_return() {
        let text = "ab\r\ncd";
        let index = LineIndex::new(text);
        let map = LineMap::new(text, &index, Encoding::Utf16);
        assert_eq!(map.offset(pos(0, 10)), Some(2));
        assert_eq!(map.offset(pos(1, 1)), Some(5));
    }

    fn change(range: Option<(u32, u32, u32, u32)>, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range.map(|(a, b, c, d)| Range {
                start: pos(a, b),
                end: pos(c, d),
            }),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn incremental_edits_apply_in_order() {
        let mut text = String::from("def f(:\n    return 1\n");
        apply_change(&mut text, &change(Some((0, 6, 0, 6)), "x"), Encoding::Utf16);
        assert_eq!(text, "def f(x:\n    return 1\n");
        apply_change(
            &mut text,
            &change(Some((0, 7, 0, 8)), "):"),
            Encoding::Utf16,
        );
        assert_eq!(text, "def f(x):\n    return 1\n");
        // A multi-line replacement, then an insertion at the very end.
        apply_change(
            &mut text,
            &change(Some((0, 4, 1, 12)), "g(): return 2"),
            Encoding::Utf16,
        );
        assert_eq!(text, "def g(): return 2\n");
        apply_change(
            &mut text,
            &change(Some((1, 0, 1, 0)), "g()\n"),
            Encoding::Utf16,
        );
        assert_eq!(text, "def g(): return 2\ng()\n");
        // A full replacement.
        apply_change(&mut text, &change(None, "pass\n"), Encoding::Utf16);
        assert_eq!(text, "pass\n");
    }

    #[test]
    fn incremental_edits_after_non_ascii_text() {
        let mut text = String::from("s = '😀é'; t = 1\n");
        // UTF-16: "s = '" is 5 units, 😀 2, é 1, "'; t = " 7 → `1` at 15.
        apply_change(
            &mut text,
            &change(Some((0, 15, 0, 16)), "2"),
            Encoding::Utf16,
        );
        assert_eq!(text, "s = '😀é'; t = 2\n");
        // UTF-8: 😀 4 bytes, é 2 → `2` at 5 + 6 + 7 = 18.
        apply_change(
            &mut text,
            &change(Some((0, 18, 0, 19)), "3"),
            Encoding::Utf8,
        );
        assert_eq!(text, "s = '😀é'; t = 3\n");
        // Reversed or out-of-range ranges never panic.
        apply_change(&mut text, &change(Some((0, 3, 0, 1)), ""), Encoding::Utf16);
        assert_eq!(text, "s '😀é'; t = 3\n");
        apply_change(
            &mut text,
            &change(Some((40, 0, 41, 0)), "# end\n"),
            Encoding::Utf16,
        );
        assert_eq!(text, "s '😀é'; t = 3\n# end\n");
    }

    #[test]
    fn file_uris_round_trip_with_percent_encoding() {
        let path = Path::new("/home/me/my project/ünï.py");
        let uri = path_to_uri(path);
        assert_eq!(
            uri.as_ref().map(|u| u.as_str()),
            Some("file:///home/me/my%20project/%C3%BCn%C3%AF.py")
        );
        assert_eq!(uri.as_ref().and_then(uri_to_path).as_deref(), Some(path));
        let untitled = Uri::from_str("untitled:Untitled-1").ok();
        assert_eq!(untitled.as_ref().and_then(uri_to_path), None);
        let bad = Uri::from_str("file:///a%2").ok();
        assert_eq!(bad.as_ref().and_then(uri_to_path), None);
    }
}
