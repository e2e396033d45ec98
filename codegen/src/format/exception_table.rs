//! The 3.11 exception table (`co_exceptiontable`): which handler catches an exception raised
//! in a range of code units, at what stack depth, and whether `lasti` is pushed.
//!
//! Input (encode): [`Handler`] entries in code order. Output: the table bytes. Decode is the
//! reverse and never panics. Each entry is four varints (start, length, target, `depth << 1 |
//! lasti`), each written in big-endian 6-bit groups with `0x40` marking "more follows"; the
//! first byte of an entry also carries `0x80`. All offsets are in code units.

/// One entry: code units `start..end` are handled at `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// Encodes the entries, in order.
pub fn encode(handlers: &[Handler]) -> Vec<u8> {
    let mut out = Vec::new();
    for h in handlers {
        item(&mut out, h.start, 0x80);
        item(&mut out, h.end.saturating_sub(h.start), 0);
        item(&mut out, h.target, 0);
        item(&mut out, (h.depth << 1) | h.lasti as u32, 0);
    }
    out
}

fn item(out: &mut Vec<u8>, value: u32, mut start_bit: u8) {
    for shift in [24u32, 18, 12, 6] {
        if value >= 1 << shift {
            out.push((((value >> shift) & 0x3f) as u8) | 0x40 | start_bit);
            start_bit = 0;
        }
    }
    out.push((value & 0x3f) as u8 | start_bit);
}

/// The table is malformed at this byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableError {
    pub offset: usize,
}

impl std::fmt::Display for ExceptionTableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "malformed exception table at byte {}", self.offset)
    }
}

/// Decodes a table.
pub fn decode(table: &[u8]) -> Result<Vec<Handler>, ExceptionTableError> {
    let mut out = Vec::new();
    let mut pos = 0usize;
    while pos < table.len() {
        let at = pos;
        let err = ExceptionTableError { offset: at };
        if table[pos] & 0x80 == 0 {
            return Err(err);
        }
        let start = read(table, &mut pos).ok_or(err)?;
        let length = read(table, &mut pos).ok_or(err)?;
        let target = read(table, &mut pos).ok_or(err)?;
        let depth_lasti = read(table, &mut pos).ok_or(err)?;
        out.push(Handler {
            start,
            end: start.checked_add(length).ok_or(err)?,
            target,
            depth: depth_lasti >> 1,
            lasti: depth_lasti & 1 != 0,
        });
    }
    Ok(out)
}

fn read(table: &[u8], pos: &mut usize) -> Option<u32> {
    let mut byte = *table.get(*pos)?;
    *pos += 1;
    let mut value = (byte & 0x3f) as u32;
    while byte & 0x40 != 0 {
        byte = *table.get(*pos)?;
        *pos += 1;
        value = value.checked_mul(64)? | (byte & 0x3f) as u32;
    }
    Some(value)
}

/// The handler for an exception raised at code unit `unit`, if any.
pub fn handler_for(handlers: &[Handler], unit: u32) -> Option<&Handler> {
    handlers.iter().find(|h| h.start <= unit && unit < h.end)
}
