//! Byte offsets to CPython locations: 1-based lines and 0-based UTF-8 byte columns.
//!
//! Input: the source text. Output: [`LineStarts::location`] for a parser range.

use rustpython_ast::text_size::TextRange;

use crate::format::line_table::Location;

/// The byte offset at which each line starts.
pub(crate) struct LineStarts {
    starts: Vec<u32>,
}

impl LineStarts {
    pub(crate) fn new(text: &str) -> LineStarts {
        let mut starts = vec![0u32];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineStarts { starts }
    }

    /// `(line, column)` of a byte offset.
    pub(crate) fn line_col(&self, offset: u32) -> (u32, u32) {
        let index = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(index).copied().unwrap_or(0);
        (index as u32 + 1, offset.saturating_sub(start))
    }

    pub(crate) fn location(&self, range: TextRange) -> Location {
        let (line, col) = self.line_col(range.start().into());
        let (end_line, end_col) = self.line_col(range.end().into());
        Location {
            line,
            end_line,
            col: Some(col),
            end_col: Some(end_col),
        }
    }
}
