//! `marshal`: CPython 3.11's serialisation of code objects and constants (format version 4).
//!
//! Input: bytes (a `.pyc` body, or `marshal.dumps` output) or a [`CodeObject`]/[`Constant`].
//! Output: the other. Reading never panics: corrupt, truncated or hostile input (huge
//! lengths, bad back-references, deep nesting) is a [`MarshalError`].
//!
//! CPython marks an object with `FLAG_REF` when its reference count is above one, and later
//! occurrences of the same object become `TYPE_REF` back-references. That choice cannot be
//! recomputed from values, so [`read_code_with_layout`] also returns a [`Layout`] (per object,
//! in the order read: flagged, back-reference, interned) that [`write_code_with_layout`]
//! replays to reproduce the input byte for byte. Without a layout the writer interns
//! identifier-like strings and shares repeated strings through back-references.

use std::collections::HashMap;
use std::sync::Arc;

use num_bigint::{BigInt, Sign};

use super::code_object::{CodeObject, Constant};

mod writer;
use writer::Writer;

const TYPE_NULL: u8 = b'0';
const TYPE_NONE: u8 = b'N';
const TYPE_FALSE: u8 = b'F';
const TYPE_TRUE: u8 = b'T';
const TYPE_STOPITER: u8 = b'S';
const TYPE_ELLIPSIS: u8 = b'.';
const TYPE_INT: u8 = b'i';
const TYPE_INT64: u8 = b'I';
const TYPE_FLOAT: u8 = b'f';
const TYPE_BINARY_FLOAT: u8 = b'g';
const TYPE_COMPLEX: u8 = b'x';
const TYPE_BINARY_COMPLEX: u8 = b'y';
const TYPE_LONG: u8 = b'l';
const TYPE_STRING: u8 = b's';
const TYPE_INTERNED: u8 = b't';
const TYPE_REF: u8 = b'r';
const TYPE_TUPLE: u8 = b'(';
const TYPE_LIST: u8 = b'[';
const TYPE_DICT: u8 = b'{';
const TYPE_CODE: u8 = b'c';
const TYPE_UNICODE: u8 = b'u';
const TYPE_UNKNOWN: u8 = b'?';
const TYPE_SET: u8 = b'<';
const TYPE_FROZENSET: u8 = b'>';
const TYPE_ASCII: u8 = b'a';
const TYPE_ASCII_INTERNED: u8 = b'A';
const TYPE_SMALL_TUPLE: u8 = b')';
const TYPE_SHORT_ASCII: u8 = b'z';
const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';
const FLAG_REF: u8 = 0x80;

/// Nesting limit. CPython allows 2000 (`MAX_MARSHAL_STACK_DEPTH`); real code objects nest a
/// few levels, and 400 keeps a debug build well inside a default 2 MiB thread stack.
const MAX_DEPTH: usize = 400;

/// Why bytes could not be read as marshal data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarshalError {
    /// The data ends in the middle of an object.
    Truncated { offset: usize },
    /// A type code that marshal does not define.
    BadTypeCode { offset: usize, code: u8 },
    /// A type code that is valid marshal but cannot appear in a code object (list, dict...).
    Unsupported { offset: usize, what: &'static str },
    /// A back-reference to an object that does not exist (yet).
    BadReference { offset: usize, index: u32 },
    /// Anything else malformed, with a description.
    Invalid { offset: usize, message: String },
    /// Nested deeper than CPython allows.
    TooDeep { offset: usize },
}

impl std::fmt::Display for MarshalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MarshalError::Truncated { offset } => {
                write!(f, "marshal data truncated at byte {offset}")
            }
            MarshalError::BadTypeCode { offset, code } => {
                write!(
                    f,
                    "bad marshal data: unknown type code {code:#04x} at byte {offset}"
                )
            }
            MarshalError::Unsupported { offset, what } => {
                write!(
                    f,
                    "bad marshal data: a {what} cannot be a constant (at byte {offset})"
                )
            }
            MarshalError::BadReference { offset, index } => {
                write!(
                    f,
                    "bad marshal data: invalid reference {index} at byte {offset}"
                )
            }
            MarshalError::Invalid { offset, message } => {
                write!(f, "bad marshal data: {message} at byte {offset}")
            }
            MarshalError::TooDeep { offset } => {
                write!(f, "bad marshal data: nested too deeply at byte {offset}")
            }
        }
    }
}

impl std::error::Error for MarshalError {}

/// How one object was written: see the module docs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct ObjectLayout {
    pub flag_ref: bool,
    pub back_ref: Option<u32>,
    pub interned: bool,
}

/// The layout of every object of a marshal stream, in the order they were read.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Layout {
    pub objects: Vec<ObjectLayout>,
}

/// Reads a code object (the body of a `.pyc`).
pub fn read_code(data: &[u8]) -> Result<CodeObject, MarshalError> {
    read_code_with_layout(data).map(|(code, _)| code)
}

/// Reads a code object and the layout needed to write it back byte for byte.
pub fn read_code_with_layout(data: &[u8]) -> Result<(CodeObject, Layout), MarshalError> {
    let mut reader = Reader::new(data);
    match reader.object()? {
        Constant::Code(code) => {
            let code = Arc::try_unwrap(code).unwrap_or_else(|shared| (*shared).clone());
            Ok((
                code,
                Layout {
                    objects: reader.layout,
                },
            ))
        }
        other => Err(MarshalError::Invalid {
            offset: 0,
            message: format!("expected a code object, found {}", other.type_name()),
        }),
    }
}

/// Reads one constant (`marshal.loads`).
pub fn read_constant(data: &[u8]) -> Result<Constant, MarshalError> {
    Reader::new(data).object()
}

/// Writes a code object.
pub fn write_code(code: &CodeObject) -> Vec<u8> {
    let mut writer = Writer::new(None);
    writer.code(code);
    writer.out
}

/// Writes a code object following `layout` (from [`read_code_with_layout`]). Objects past the
/// end of the layout are written with the default policy.
pub fn write_code_with_layout(code: &CodeObject, layout: &Layout) -> Vec<u8> {
    let mut writer = Writer::new(Some(layout));
    writer.code(code);
    writer.out
}

/// Writes one constant (`marshal.dumps`).
pub fn write_constant(value: &Constant) -> Vec<u8> {
    let mut writer = Writer::new(None);
    writer.constant(value);
    writer.out
}

/// Whether CPython interns a string constant: all of its characters are ASCII letters,
/// digits or `_` (`all_name_chars` in `Objects/codeobject.c`).
pub fn is_identifier_like(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    refs: Vec<Option<Constant>>,
    layout: Vec<ObjectLayout>,
    depth: usize,
}

impl<'a> Reader<'a> {
    fn new(data: &'a [u8]) -> Self {
        Reader {
            data,
            pos: 0,
            refs: Vec::new(),
            layout: Vec::new(),
            depth: 0,
        }
    }

    fn bytes(&mut self, n: usize) -> Result<&'a [u8], MarshalError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|end| *end <= self.data.len());
        match end {
            Some(end) => {
                let slice = &self.data[self.pos..end];
                self.pos = end;
                Ok(slice)
            }
            None => Err(MarshalError::Truncated {
                offset: self.data.len(),
            }),
        }
    }

    fn byte(&mut self) -> Result<u8, MarshalError> {
        Ok(self.bytes(1)?[0])
    }

    fn i32(&mut self) -> Result<i32, MarshalError> {
        let b = self.bytes(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u32(&mut self) -> Result<u32, MarshalError> {
        let at = self.pos;
        let value = self.i32()?;
        u32::try_from(value).map_err(|_| MarshalError::Invalid {
            offset: at,
            message: format!("negative count {value}"),
        })
    }

    fn f64(&mut self) -> Result<f64, MarshalError> {
        let b = self.bytes(8)?;
        let mut raw = [0u8; 8];
        raw.copy_from_slice(b);
        Ok(f64::from_le_bytes(raw))
    }

    /// A length prefix, checked against the bytes left (each item needs at least one byte).
    fn length(&mut self, long: bool) -> Result<usize, MarshalError> {
        let at = self.pos;
        let n = if long {
            self.u32()? as usize
        } else {
            self.byte()? as usize
        };
        if n > self.data.len().saturating_sub(self.pos) {
            return Err(MarshalError::Truncated { offset: at });
        }
        Ok(n)
    }

    fn text_float(&mut self) -> Result<f64, MarshalError> {
        let at = self.pos;
        let n = self.byte()? as usize;
        let raw = self.bytes(n)?;
        std::str::from_utf8(raw)
            .ok()
            .and_then(|s| s.trim().parse::<f64>().ok())
            .ok_or_else(|| MarshalError::Invalid {
                offset: at,
                message: "bad float text".to_string(),
            })
    }

    fn utf8(&self, raw: &[u8], at: usize) -> Result<String, MarshalError> {
        String::from_utf8(raw.to_vec()).map_err(|_| MarshalError::Invalid {
            offset: at,
            message: "string is not UTF-8 (lone surrogates are not supported)".to_string(),
        })
    }

    fn object(&mut self) -> Result<Constant, MarshalError> {
        let at = self.pos;
        if self.depth >= MAX_DEPTH {
            return Err(MarshalError::TooDeep { offset: at });
        }
        self.depth += 1;
        let result = self.object_inner(at);
        self.depth -= 1;
        result
    }

    fn object_inner(&mut self, at: usize) -> Result<Constant, MarshalError> {
        let raw = self.byte()?;
        let flag = raw & FLAG_REF != 0;
        let code = raw & !FLAG_REF;
        let slot = self.layout.len();
        self.layout.push(ObjectLayout {
            flag_ref: flag,
            back_ref: None,
            interned: false,
        });
        // Containers reserve their reference index before their items, as CPython does.
        let reserved = if flag
            && matches!(
                code,
                TYPE_TUPLE | TYPE_SMALL_TUPLE | TYPE_FROZENSET | TYPE_CODE
            ) {
            self.refs.push(None);
            Some(self.refs.len() - 1)
        } else {
            None
        };
        let value = match code {
            TYPE_NONE => Constant::None,
            TYPE_TRUE => Constant::Bool(true),
            TYPE_FALSE => Constant::Bool(false),
            TYPE_ELLIPSIS => Constant::Ellipsis,
            TYPE_INT => Constant::Int(self.i32()? as i64),
            TYPE_INT64 => {
                let b = self.bytes(8)?;
                let mut raw = [0u8; 8];
                raw.copy_from_slice(b);
                Constant::Int(i64::from_le_bytes(raw))
            }
            TYPE_LONG => self.long(at)?,
            TYPE_BINARY_FLOAT => Constant::Float(self.f64()?),
            TYPE_FLOAT => Constant::Float(self.text_float()?),
            TYPE_BINARY_COMPLEX => {
                let real = self.f64()?;
                let imag = self.f64()?;
                Constant::Complex { real, imag }
            }
            TYPE_COMPLEX => {
                let real = self.text_float()?;
                let imag = self.text_float()?;
                Constant::Complex { real, imag }
            }
            TYPE_STRING => {
                let n = self.length(true)?;
                Constant::Bytes(self.bytes(n)?.to_vec())
            }
            TYPE_UNICODE | TYPE_INTERNED | TYPE_ASCII | TYPE_ASCII_INTERNED => {
                let n = self.length(true)?;
                let raw = self.bytes(n)?;
                let text = self.utf8(raw, at)?;
                self.layout[slot].interned = matches!(code, TYPE_INTERNED | TYPE_ASCII_INTERNED);
                Constant::Str(text)
            }
            TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED => {
                let n = self.length(false)?;
                let raw = self.bytes(n)?;
                let text = self.utf8(raw, at)?;
                self.layout[slot].interned = code == TYPE_SHORT_ASCII_INTERNED;
                Constant::Str(text)
            }
            TYPE_TUPLE | TYPE_SMALL_TUPLE => Constant::Tuple(self.items(code == TYPE_TUPLE)?),
            TYPE_FROZENSET => Constant::FrozenSet(self.items(true)?),
            TYPE_CODE => Constant::Code(self.boxed_code()?),
            TYPE_REF => {
                let index = self.u32()?;
                let value = self.refs.get(index as usize).cloned().flatten();
                self.layout[slot].back_ref = Some(index);
                return value.ok_or(MarshalError::BadReference { offset: at, index });
            }
            TYPE_LIST => {
                return Err(MarshalError::Unsupported {
                    offset: at,
                    what: "list",
                });
            }
            TYPE_DICT => {
                return Err(MarshalError::Unsupported {
                    offset: at,
                    what: "dict",
                });
            }
            TYPE_SET => {
                return Err(MarshalError::Unsupported {
                    offset: at,
                    what: "set",
                });
            }
            TYPE_NULL => {
                return Err(MarshalError::Unsupported {
                    offset: at,
                    what: "NULL",
                });
            }
            TYPE_STOPITER => {
                return Err(MarshalError::Unsupported {
                    offset: at,
                    what: "StopIteration",
                });
            }
            TYPE_UNKNOWN => {
                return Err(MarshalError::Unsupported {
                    offset: at,
                    what: "unknown object",
                });
            }
            other => {
                return Err(MarshalError::BadTypeCode {
                    offset: at,
                    code: other,
                });
            }
        };
        if let Some(index) = reserved {
            self.refs[index] = Some(value.clone());
        } else if flag {
            self.refs.push(Some(value.clone()));
        }
        Ok(value)
    }

    #[inline(never)]
    fn items(&mut self, long: bool) -> Result<Vec<Constant>, MarshalError> {
        let n = self.length(long)?;
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(self.object()?);
        }
        Ok(items)
    }

    #[inline(never)]
    fn boxed_code(&mut self) -> Result<Arc<CodeObject>, MarshalError> {
        Ok(Arc::new(self.code_body()?))
    }

    fn long(&mut self, at: usize) -> Result<Constant, MarshalError> {
        let n = self.i32()?;
        let count = n.unsigned_abs() as usize;
        if count.saturating_mul(2) > self.data.len().saturating_sub(self.pos) {
            return Err(MarshalError::Truncated { offset: at });
        }
        let mut magnitude = BigInt::from(0);
        let mut digits = Vec::with_capacity(count);
        for _ in 0..count {
            let b = self.bytes(2)?;
            let digit = u16::from_le_bytes([b[0], b[1]]);
            if digit >= 1 << 15 {
                return Err(MarshalError::Invalid {
                    offset: at,
                    message: "digit out of range in long".into(),
                });
            }
            digits.push(digit);
        }
        for digit in digits.iter().rev() {
            magnitude = (magnitude << 15) + BigInt::from(*digit);
        }
        if n < 0 {
            magnitude = -magnitude;
        }
        Ok(Constant::int(magnitude))
    }

    fn strings(&mut self, what: &str) -> Result<Vec<String>, MarshalError> {
        let at = self.pos;
        match self.object()? {
            Constant::Tuple(items) => items
                .into_iter()
                .map(|item| match item {
                    Constant::Str(s) => Ok(s),
                    other => Err(MarshalError::Invalid {
                        offset: at,
                        message: format!("{what} holds a {}", other.type_name()),
                    }),
                })
                .collect(),
            other => Err(MarshalError::Invalid {
                offset: at,
                message: format!("{what} is a {}, not a tuple", other.type_name()),
            }),
        }
    }

    fn string(&mut self, what: &str) -> Result<String, MarshalError> {
        let at = self.pos;
        match self.object()? {
            Constant::Str(s) => Ok(s),
            other => Err(MarshalError::Invalid {
                offset: at,
                message: format!("{what} is a {}, not a str", other.type_name()),
            }),
        }
    }

    fn byte_string(&mut self, what: &str) -> Result<Vec<u8>, MarshalError> {
        let at = self.pos;
        match self.object()? {
            Constant::Bytes(b) => Ok(b),
            other => Err(MarshalError::Invalid {
                offset: at,
                message: format!("{what} is a {}, not bytes", other.type_name()),
            }),
        }
    }

    fn code_body(&mut self) -> Result<CodeObject, MarshalError> {
        let argcount = self.u32()?;
        let posonlyargcount = self.u32()?;
        let kwonlyargcount = self.u32()?;
        let stacksize = self.u32()?;
        let flags = self.i32()? as u32;
        let code = self.byte_string("co_code")?;
        let consts_at = self.pos;
        let consts = match self.object()? {
            Constant::Tuple(items) => items,
            other => {
                return Err(MarshalError::Invalid {
                    offset: consts_at,
                    message: format!("co_consts is a {}", other.type_name()),
                });
            }
        };
        let names = self.strings("co_names")?;
        let localsplusnames = self.strings("co_localsplusnames")?;
        let kinds_at = self.pos;
        let localspluskinds = self.byte_string("co_localspluskinds")?;
        if localspluskinds.len() != localsplusnames.len() {
            return Err(MarshalError::Invalid {
                offset: kinds_at,
                message: "co_localspluskinds and co_localsplusnames differ in length".into(),
            });
        }
        let filename = self.string("co_filename")?;
        let name = self.string("co_name")?;
        let qualname = self.string("co_qualname")?;
        let firstlineno = self.i32()?.max(0) as u32;
        let linetable = self.byte_string("co_linetable")?;
        let exceptiontable = self.byte_string("co_exceptiontable")?;
        Ok(CodeObject {
            argcount,
            posonlyargcount,
            kwonlyargcount,
            stacksize,
            flags,
            code,
            consts,
            names,
            localsplusnames,
            localspluskinds,
            filename,
            name,
            qualname,
            firstlineno,
            linetable,
            exceptiontable,
        })
    }
}

#[cfg(test)]
mod tests;
