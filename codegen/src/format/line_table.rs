//! The 3.11 location table (`co_linetable`): for each run of code units, a start line, end
//! line, start column and end column, as CPython's `co_positions()` reports them.
//!
//! Input (encode): one [`LocationSpan`] per instruction, in code order, and `co_firstlineno`.
//! Output: the table bytes. Decode does the reverse and never panics on bad bytes (it stops
//! at the first malformed entry and returns what it read with an error).
//!
//! Each entry starts with a byte `0x80 | code << 3 | (units - 1)` covering 1-8 code units:
//! code 15 no location; 14 long form (signed line delta, end-line delta, column + 1, end
//! column + 1 as varints); 13 line only (signed line delta); 10-12 one line with delta
//! `code - 10` and two column bytes; 0-9 same line, column `code * 8 + high nibble`, end
//! column `column + low nibble`. Columns are UTF-8 byte offsets, 0-based.

/// Where an instruction came from. `line` and `end_line` are 1-based; a column of `None`
/// means unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: Option<u32>,
    pub end_col: Option<u32>,
}

impl Location {
    /// A location with a line and no columns.
    pub fn line_only(line: u32) -> Location {
        Location {
            line,
            end_line: line,
            col: None,
            end_col: None,
        }
    }
}

/// A run of `units` code units sharing a location (`None`: no location at all).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocationSpan {
    pub units: u32,
    pub location: Option<Location>,
}

/// Encodes the spans, in order.
pub fn encode(first_line: u32, spans: &[LocationSpan]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut line = first_line as i64;
    for span in spans {
        let mut left = span.units;
        while left > 0 {
            let units = left.min(8);
            entry(&mut out, &mut line, units, span.location);
            left -= units;
        }
    }
    out
}

fn entry(out: &mut Vec<u8>, current: &mut i64, units: u32, location: Option<Location>) {
    let head = |code: u8| 0x80 | (code << 3) | (units as u8 - 1);
    let Some(loc) = location else {
        out.push(head(15));
        return;
    };
    let delta = loc.line as i64 - *current;
    match (loc.col, loc.end_col) {
        (Some(col), Some(end_col)) if loc.end_line == loc.line => {
            if delta == 0 && col < 80 && end_col >= col && end_col - col < 16 {
                out.push(head((col / 8) as u8));
                out.push((((col % 8) << 4) | (end_col - col)) as u8);
                return;
            }
            if (0..3).contains(&delta) && col < 128 && end_col < 128 {
                out.push(head(10 + delta as u8));
                out.push(col as u8);
                out.push(end_col as u8);
                *current = loc.line as i64;
                return;
            }
        }
        (Some(_), Some(_)) => {}
        _ if loc.end_line == loc.line => {
            out.push(head(13));
            signed_varint(out, delta);
            *current = loc.line as i64;
            return;
        }
        _ => {}
    }
    out.push(head(14));
    signed_varint(out, delta);
    varint(out, (loc.end_line as i64 - loc.line as i64).max(0) as u64);
    varint(out, loc.col.map_or(0, |c| c as u64 + 1));
    varint(out, loc.end_col.map_or(0, |c| c as u64 + 1));
    *current = loc.line as i64;
}

fn varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 64 {
        out.push(0x40 | (value & 0x3f) as u8);
        value >>= 6;
    }
    out.push(value as u8);
}

fn signed_varint(out: &mut Vec<u8>, value: i64) {
    if value < 0 {
        varint(out, (value.unsigned_abs() << 1) | 1);
    } else {
        varint(out, (value as u64) << 1);
    }
}

/// A decoded entry: code units `start..end` and their location.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub start: u32,
    pub end: u32,
    pub location: Option<Location>,
}

/// The table is malformed at this byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineTableError {
    pub offset: usize,
}

impl std::fmt::Display for LineTableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "malformed location table at byte {}", self.offset)
    }
}

/// Decodes a table. On malformed input, returns the entries read so far and the error.
pub fn decode(first_line: u32, table: &[u8]) -> Result<Vec<Entry>, (Vec<Entry>, LineTableError)> {
    let mut entries = Vec::new();
    let mut pos = 0usize;
    let mut line = first_line as i64;
    let mut unit = 0u32;
    while pos < table.len() {
        let at = pos;
        let fail = |entries: Vec<Entry>| Err((entries, LineTableError { offset: at }));
        let head = table[pos];
        pos += 1;
        if head & 0x80 == 0 {
            return fail(entries);
        }
        let code = (head >> 3) & 0xf;
        let units = (head & 7) as u32 + 1;
        let location = match code {
            15 => None,
            14 => {
                let Some(delta) = read_signed(table, &mut pos) else {
                    return fail(entries);
                };
                let Some(end_delta) = read_varint(table, &mut pos) else {
                    return fail(entries);
                };
                let Some(col) = read_varint(table, &mut pos) else {
                    return fail(entries);
                };
                let Some(end_col) = read_varint(table, &mut pos) else {
                    return fail(entries);
                };
                line += delta;
                Some(Location {
                    line: line.clamp(0, u32::MAX as i64) as u32,
                    end_line: (line + end_delta as i64).clamp(0, u32::MAX as i64) as u32,
                    col: col.checked_sub(1).map(|c| c as u32),
                    end_col: end_col.checked_sub(1).map(|c| c as u32),
                })
            }
            13 => {
                let Some(delta) = read_signed(table, &mut pos) else {
                    return fail(entries);
                };
                line += delta;
                Some(Location::line_only(line.clamp(0, u32::MAX as i64) as u32))
            }
            10..=12 => {
                let (Some(col), Some(end_col)) = (table.get(pos), table.get(pos + 1)) else {
                    return fail(entries);
                };
                pos += 2;
                line += (code - 10) as i64;
                let line = line.clamp(0, u32::MAX as i64) as u32;
                Some(Location {
                    line,
                    end_line: line,
                    col: Some(*col as u32),
                    end_col: Some(*end_col as u32),
                })
            }
            _ => {
                let Some(second) = table.get(pos) else {
                    return fail(entries);
                };
                pos += 1;
                let col = code as u32 * 8 + (second >> 4) as u32;
                let line = line.clamp(0, u32::MAX as i64) as u32;
                Some(Location {
                    line,
                    end_line: line,
                    col: Some(col),
                    end_col: Some(col + (second & 15) as u32),
                })
            }
        };
        entries.push(Entry {
            start: unit,
            end: unit + units,
            location,
        });
        unit += units;
    }
    Ok(entries)
}

fn read_varint(table: &[u8], pos: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    let mut shift = 0u32;
    loop {
        let byte = *table.get(*pos)?;
        *pos += 1;
        if shift > 60 {
            return None;
        }
        value |= ((byte & 0x3f) as u64) << shift;
        shift += 6;
        if byte & 0x40 == 0 {
            return Some(value);
        }
    }
}

fn read_signed(table: &[u8], pos: &mut usize) -> Option<i64> {
    let raw = read_varint(table, pos)?;
    let magnitude = (raw >> 1) as i64;
    Some(if raw & 1 != 0 { -magnitude } else { magnitude })
}

/// The location of each code unit (`co_positions()` order), from a decoded table.
pub fn positions(entries: &[Entry]) -> Vec<Option<Location>> {
    let mut out = Vec::new();
    for entry in entries {
        for _ in entry.start..entry.end {
            out.push(entry.location);
        }
    }
    out
}
