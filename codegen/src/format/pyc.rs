//! `.pyc` files: the 16-byte header (PEP 552) followed by a marshalled code object.
//!
//! Input: a [`CodeObject`] plus the source's mtime and size (timestamp header) or its bytes
//! (hash header); or `.pyc` bytes. Output: the other. Layout of the header: magic (2 bytes
//! little-endian number, then `\r\n`), flags (u32: bit 0 hash-based, bit 1 check source),
//! then either mtime (u32) and source size (u32), or the 8-byte source hash: SipHash-1-3 of
//! the source bytes keyed with `(k0 = _RAW_MAGIC_NUMBER, k1 = 0)` as `_imp.source_hash` does.
//!
//! Static modules are written under [`STATIC_MAGIC`] so that stock CPython refuses them with
//! its usual "bad magic number" error, while `cinder run` accepts both. After the 16 header
//! bytes, a static `.pyc` records the static modules it was compiled against, so that a
//! stale one can be recompiled: `b"DEPS"`, a u32 count, then per dependency a u16 name
//! length, the UTF-8 dotted module name and the 8-byte [`source_hash`] of its source.

use super::code_object::CodeObject;
use super::marshal::{self, MarshalError};

/// CPython 3.11's magic number (`importlib.util.MAGIC_NUMBER` as a little-endian u16).
pub const PYTHON_311_MAGIC: u16 = 3495;
/// Ours, for `.pyc` files that contain static opcodes: far from any CPython release.
pub const STATIC_MAGIC: u16 = 0x5a43;

/// The header's flags word.
pub const FLAG_HASH_BASED: u32 = 0b01;
pub const FLAG_CHECK_SOURCE: u32 = 0b10;

/// How the header ties the `.pyc` to its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validation {
    /// The source's modification time (seconds, truncated to 32 bits) and size.
    Timestamp { mtime: u32, source_size: u32 },
    /// A hash of the source; `check_source` asks the importer to verify it.
    Hash { hash: [u8; 8], check_source: bool },
}

/// A parsed `.pyc` header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    pub magic: u16,
    pub validation: Validation,
}

impl Header {
    pub fn is_static(&self) -> bool {
        self.magic == STATIC_MAGIC
    }
}

/// Why `.pyc` bytes could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PycError {
    TooShort,
    BadMagic(u16),
    BadFlags(u32),
    Marshal(MarshalError),
    /// The dependency section of a static `.pyc` is malformed.
    BadDependencies,
}

impl std::fmt::Display for PycError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PycError::TooShort => write!(f, "not a .pyc file: shorter than its 16-byte header"),
            PycError::BadMagic(magic) => {
                write!(f, "bad magic number {magic} (not CPython 3.11 or cinder)")
            }
            PycError::BadFlags(flags) => write!(f, "invalid .pyc flags {flags:#x}"),
            PycError::Marshal(err) => write!(f, "{err}"),
            PycError::BadDependencies => write!(f, "corrupt static dependency section"),
        }
    }
}

impl std::error::Error for PycError {}

/// `_imp.source_hash(_RAW_MAGIC_NUMBER, source)`: the 8 hash bytes of a hash-based header.
pub fn source_hash(source: &[u8]) -> [u8; 8] {
    let key = u64::from(PYTHON_311_MAGIC) | (u64::from(b'\r') << 16) | (u64::from(b'\n') << 24);
    siphash13(key, 0, source).to_le_bytes()
}

/// SipHash-1-3 (one compression round, three finalisation rounds).
fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v = [
        k0 ^ 0x736f_6d65_7073_6575,
        k1 ^ 0x646f_7261_6e64_6f6d,
        k0 ^ 0x6c79_6765_6e65_7261,
        k1 ^ 0x7465_6462_7974_6573,
    ];
    fn round(v: &mut [u64; 4]) {
        v[0] = v[0].wrapping_add(v[1]);
        v[1] = v[1].rotate_left(13) ^ v[0];
        v[0] = v[0].rotate_left(32);
        v[2] = v[2].wrapping_add(v[3]);
        v[3] = v[3].rotate_left(16) ^ v[2];
        v[0] = v[0].wrapping_add(v[3]);
        v[3] = v[3].rotate_left(21) ^ v[0];
        v[2] = v[2].wrapping_add(v[1]);
        v[1] = v[1].rotate_left(17) ^ v[2];
        v[2] = v[2].rotate_left(32);
    }
    let chunks = data.chunks_exact(8);
    let tail = chunks.remainder();
    for chunk in chunks {
        let mut raw = [0u8; 8];
        raw.copy_from_slice(chunk);
        let m = u64::from_le_bytes(raw);
        v[3] ^= m;
        round(&mut v);
        v[0] ^= m;
    }
    let mut last = (data.len() as u64 & 0xff) << 56;
    for (i, byte) in tail.iter().enumerate() {
        last |= u64::from(*byte) << (8 * i);
    }
    v[3] ^= last;
    round(&mut v);
    v[0] ^= last;
    v[2] ^= 0xff;
    for _ in 0..3 {
        round(&mut v);
    }
    v[0] ^ v[1] ^ v[2] ^ v[3]
}

/// A static module that a static `.pyc` was compiled against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dependency {
    /// Dotted module name.
    pub name: String,
    /// [`source_hash`] of the module's source when the `.pyc` was written.
    pub hash: [u8; 8],
}

const DEPS_TAG: &[u8; 4] = b"DEPS";

/// The bytes of a `.pyc` file for `code` (with no recorded dependencies).
pub fn write(code: &CodeObject, validation: Validation) -> Vec<u8> {
    write_with_dependencies(code, validation, &[])
}

/// The bytes of a `.pyc` file for `code`; a static one records `deps`.
pub fn write_with_dependencies(
    code: &CodeObject,
    validation: Validation,
    deps: &[Dependency],
) -> Vec<u8> {
    let magic = if code.uses_static_opcodes() {
        STATIC_MAGIC
    } else {
        PYTHON_311_MAGIC
    };
    let mut out = Vec::with_capacity(16 + code.code.len() * 4);
    out.extend_from_slice(&magic.to_le_bytes());
    out.extend_from_slice(b"\r\n");
    match validation {
        Validation::Timestamp { mtime, source_size } => {
            out.extend_from_slice(&0u32.to_le_bytes());
            out.extend_from_slice(&mtime.to_le_bytes());
            out.extend_from_slice(&source_size.to_le_bytes());
        }
        Validation::Hash { hash, check_source } => {
            let flags = FLAG_HASH_BASED | if check_source { FLAG_CHECK_SOURCE } else { 0 };
            out.extend_from_slice(&flags.to_le_bytes());
            out.extend_from_slice(&hash);
        }
    }
    if magic == STATIC_MAGIC {
        out.extend_from_slice(DEPS_TAG);
        out.extend_from_slice(&(deps.len() as u32).to_le_bytes());
        for dep in deps {
            let name = dep.name.as_bytes();
            let len = name.len().min(u16::MAX as usize);
            out.extend_from_slice(&(len as u16).to_le_bytes());
            out.extend_from_slice(&name[..len]);
            out.extend_from_slice(&dep.hash);
        }
    }
    out.extend_from_slice(&marshal::write_code(code));
    out
}

/// The dependencies recorded in a static `.pyc` (none for CPython's) and the offset of
/// the marshalled code.
pub fn read_dependencies(bytes: &[u8]) -> Result<(Vec<Dependency>, usize), PycError> {
    let header = read_header(bytes)?;
    if !header.is_static() {
        return Ok((Vec::new(), 16));
    }
    let mut pos = 16;
    let mut take = |n: usize| -> Result<&[u8], PycError> {
        let slice = bytes.get(pos..pos + n).ok_or(PycError::BadDependencies)?;
        pos += n;
        Ok(slice)
    };
    if take(4)? != DEPS_TAG {
        return Err(PycError::BadDependencies);
    }
    let count_bytes = take(4)?;
    let count = u32::from_le_bytes([
        count_bytes[0],
        count_bytes[1],
        count_bytes[2],
        count_bytes[3],
    ]);
    let mut deps = Vec::new();
    for _ in 0..count {
        let len_bytes = take(2)?;
        let len = u16::from_le_bytes([len_bytes[0], len_bytes[1]]) as usize;
        let name = std::str::from_utf8(take(len)?)
            .map_err(|_| PycError::BadDependencies)?
            .to_string();
        let mut hash = [0u8; 8];
        hash.copy_from_slice(take(8)?);
        deps.push(Dependency { name, hash });
    }
    Ok((deps, pos))
}

/// Reads the header of `.pyc` bytes.
pub fn read_header(bytes: &[u8]) -> Result<Header, PycError> {
    let header = bytes.get(..16).ok_or(PycError::TooShort)?;
    let word =
        |i: usize| u32::from_le_bytes([header[i], header[i + 1], header[i + 2], header[i + 3]]);
    let magic = u16::from_le_bytes([header[0], header[1]]);
    if &header[2..4] != b"\r\n" || (magic != PYTHON_311_MAGIC && magic != STATIC_MAGIC) {
        return Err(PycError::BadMagic(magic));
    }
    let flags = word(4);
    let validation = match flags {
        0 => Validation::Timestamp {
            mtime: word(8),
            source_size: word(12),
        },
        1 | 3 => {
            let mut hash = [0u8; 8];
            hash.copy_from_slice(&header[8..16]);
            Validation::Hash {
                hash,
                check_source: flags & FLAG_CHECK_SOURCE != 0,
            }
        }
        other => return Err(PycError::BadFlags(other)),
    };
    Ok(Header { magic, validation })
}

/// Reads a `.pyc` file: its header and its code object.
pub fn read(bytes: &[u8]) -> Result<(Header, CodeObject), PycError> {
    let header = read_header(bytes)?;
    let (_, start) = read_dependencies(bytes)?;
    let body = bytes.get(start..).ok_or(PycError::TooShort)?;
    let code = marshal::read_code(body).map_err(PycError::Marshal)?;
    Ok((header, code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_hash_matches_imp_source_hash() {
        // Values printed by `_imp.source_hash(importlib.util._RAW_MAGIC_NUMBER, ...)`.
        assert_eq!(hex(&source_hash(b"")), "738d9cd5d5e87f73");
        assert_eq!(hex(&source_hash(b"print(1)\n")), "da812d7f407a3059");
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn header_round_trips() {
        let code = CodeObject::default();
        let v = Validation::Hash {
            hash: [1, 2, 3, 4, 5, 6, 7, 8],
            check_source: true,
        };
        let bytes = write(&code, v);
        let (header, back) = read(&bytes).unwrap();
        assert_eq!(header.validation, v);
        assert_eq!(header.magic, PYTHON_311_MAGIC);
        assert_eq!(back, code);
        let t = Validation::Timestamp {
            mtime: 77,
            source_size: 12,
        };
        assert_eq!(read_header(&write(&code, t)).unwrap().validation, t);
    }

    #[test]
    fn static_pycs_record_their_dependencies() {
        let code = CodeObject {
            flags: crate::format::code_object::flags::STATIC,
            ..CodeObject::default()
        };
        let deps = vec![
            Dependency {
                name: "lib".into(),
                hash: source_hash(b"x = 1\n"),
            },
            Dependency {
                name: "pkg.mod".into(),
                hash: [9; 8],
            },
        ];
        let v = Validation::Hash {
            hash: [0; 8],
            check_source: true,
        };
        let bytes = write_with_dependencies(&code, v, &deps);
        assert_eq!(read_header(&bytes).unwrap().magic, STATIC_MAGIC);
        assert_eq!(read_dependencies(&bytes).unwrap().0, deps);
        assert_eq!(read(&bytes).unwrap().1, code);
        // A CPython .pyc has none; a cut dependency section is an error.
        let plain = write(&CodeObject::default(), v);
        assert_eq!(read_dependencies(&plain).unwrap(), (vec![], 16));
        assert_eq!(
            read_dependencies(&bytes[..30]),
            Err(PycError::BadDependencies)
        );
    }

    #[test]
    fn bad_headers_are_errors() {
        assert_eq!(read(b"short"), Err(PycError::TooShort));
        assert!(matches!(read(&[0u8; 16]), Err(PycError::BadMagic(0))));
        let mut bytes = write(
            &CodeObject::default(),
            Validation::Timestamp {
                mtime: 0,
                source_size: 0,
            },
        );
        bytes[4] = 9;
        assert_eq!(read(&bytes), Err(PycError::BadFlags(9)));
        let mut truncated = write(
            &CodeObject::default(),
            Validation::Timestamp {
                mtime: 0,
                source_size: 0,
            },
        );
        truncated.truncate(30);
        assert!(matches!(read(&truncated), Err(PycError::Marshal(_))));
    }
}
