//! Byte offsets to 1-based lines and columns.

/// A 1-based line and a 1-based column counted in characters (code points).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

/// The start offset of every line of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex {
    line_starts: Box<[u32]>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0u32];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                starts.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
            }
        }
        Self {
            line_starts: starts.into_boxed_slice(),
        }
    }

    /// The 0-based line holding `offset`.
    pub fn line_of(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    /// The start offset of 0-based `line` (clamped to the last line).
    pub fn line_start(&self, line: usize) -> u32 {
        let last = self.line_starts.len().saturating_sub(1);
        self.line_starts[line.min(last)]
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 1-based line and character column of `offset` in `text`. Offsets past the end or
    /// inside a character are clamped.
    pub fn line_col(&self, text: &str, offset: u32) -> LineCol {
        let offset = offset.min(text.len() as u32);
        let line = self.line_of(offset);
        let start = self.line_start(line) as usize;
        let mut end = offset as usize;
        while end > start && !text.is_char_boundary(end) {
            end -= 1;
        }
        let column = text.get(start..end).map_or(0, |s| s.chars().count());
        LineCol {
            line: line as u32 + 1,
            column: column as u32 + 1,
        }
    }

    /// The byte offset of a 0-based line and a column counted in UTF-16 units (LSP).
    pub fn offset_utf16(&self, text: &str, line: usize, column: u32) -> Option<u32> {
        if line >= self.line_count() {
            return None;
        }
        let start = self.line_start(line) as usize;
        let rest = text.get(start..)?;
        let mut units = 0u32;
        for (i, ch) in rest.char_indices() {
            if units >= column || ch == '\n' {
                return Some((start + i) as u32);
            }
            units += ch.len_utf16() as u32;
        }
        Some(text.len() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "ab\ndé f\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, column: 1 });
        assert_eq!(index.line_col(text, 3), LineCol { line: 2, column: 1 });
        // "dé " is 4 bytes; 'f' is the 4th character.
        assert_eq!(index.line_col(text, 7), LineCol { line: 2, column: 4 });
        assert_eq!(index.offset_utf16(text, 1, 3), Some(7));
    }
}
