//! [`CodeObject`]: every field of a CPython 3.11 code object, and [`Constant`], the values
//! that can appear in `co_consts`.
//!
//! Input: built by the assembler or read by `marshal`. Output: written by `marshal`, run by
//! the runtime. Field names follow CPython's `co_*` attributes without the prefix.

use std::sync::Arc;

use num_bigint::BigInt;

/// `co_flags` bits.
pub mod flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
    /// `from __future__ import annotations`.
    pub const FUTURE_ANNOTATIONS: u32 = 0x0100_0000;
    /// Ours: the code object uses static opcodes (written under our own `.pyc` magic only).
    pub const STATIC: u32 = 0x0400_0000;
}

/// `co_localspluskinds` bits.
pub mod kinds {
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
}

/// A value in `co_consts` (and, nested in tuples and frozensets, in other constants).
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Ellipsis,
    Bool(bool),
    /// An `int` that fits in 64 bits.
    Int(i64),
    /// An `int` that does not fit in 64 bits (never one that does).
    BigInt(BigInt),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    /// A frozenset, in the order its items were written.
    FrozenSet(Vec<Constant>),
    Code(Arc<CodeObject>),
}

impl Constant {
    /// An `int` constant, in the small form when it fits.
    pub fn int(value: BigInt) -> Constant {
        match i64::try_from(&value) {
            Ok(small) => Constant::Int(small),
            Err(_) => Constant::BigInt(value),
        }
    }

    /// The name of the Python type (`int`, `str`, `code`...), for messages and `dis`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Constant::None => "NoneType",
            Constant::Ellipsis => "ellipsis",
            Constant::Bool(_) => "bool",
            Constant::Int(_) | Constant::BigInt(_) => "int",
            Constant::Float(_) => "float",
            Constant::Complex { .. } => "complex",
            Constant::Str(_) => "str",
            Constant::Bytes(_) => "bytes",
            Constant::Tuple(_) => "tuple",
            Constant::FrozenSet(_) => "frozenset",
            Constant::Code(_) => "code",
        }
    }

    /// A key that is equal for two constants exactly when the compiler may share one slot of
    /// `co_consts` for both: same type and same value, with floats compared by bits (so `0.0`
    /// and `-0.0` stay apart) and `1`, `1.0` and `True` distinct.
    pub fn identity_key(&self) -> ConstKey {
        match self {
            Constant::None => ConstKey::None,
            Constant::Ellipsis => ConstKey::Ellipsis,
            Constant::Bool(b) => ConstKey::Bool(*b),
            Constant::Int(i) => ConstKey::Int(BigInt::from(*i)),
            Constant::BigInt(i) => ConstKey::Int(i.clone()),
            Constant::Float(f) => ConstKey::Float(f.to_bits()),
            Constant::Complex { real, imag } => ConstKey::Complex(real.to_bits(), imag.to_bits()),
            Constant::Str(s) => ConstKey::Str(s.clone()),
            Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
            Constant::Tuple(items) => {
                ConstKey::Tuple(items.iter().map(Constant::identity_key).collect())
            }
            Constant::FrozenSet(items) => {
                ConstKey::FrozenSet(items.iter().map(Constant::identity_key).collect())
            }
            Constant::Code(code) => ConstKey::Code(Arc::as_ptr(code) as usize),
        }
    }
}

/// See [`Constant::identity_key`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ConstKey {
    None,
    Ellipsis,
    Bool(bool),
    Int(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    Code(usize),
}

/// A CPython 3.11 code object.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CodeObject {
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub stacksize: u32,
    pub flags: u32,
    /// The instructions: 2-byte code units (opcode, oparg), `CACHE` units included.
    pub code: Vec<u8>,
    pub consts: Vec<Constant>,
    pub names: Vec<String>,
    /// Arguments, then other locals, then cells, then free variables (`co_localsplusnames`).
    pub localsplusnames: Vec<String>,
    /// One [`kinds`] byte per entry of `localsplusnames`.
    pub localspluskinds: Vec<u8>,
    pub filename: String,
    pub name: String,
    pub qualname: String,
    pub firstlineno: u32,
    /// The 3.11 location table (see `line_table`).
    pub linetable: Vec<u8>,
    /// The 3.11 exception table (see `exception_table`).
    pub exceptiontable: Vec<u8>,
}

impl CodeObject {
    /// `co_varnames`: the entries of `localsplusnames` that are plain locals (arguments included).
    pub fn varnames(&self) -> Vec<&str> {
        self.names_of_kind(|k| k & kinds::LOCAL != 0)
    }

    /// `co_cellvars`: every cell, including arguments that are cells.
    pub fn cellvars(&self) -> Vec<&str> {
        self.names_of_kind(|k| k & kinds::CELL != 0)
    }

    /// `co_freevars`.
    pub fn freevars(&self) -> Vec<&str> {
        self.names_of_kind(|k| k & kinds::FREE != 0)
    }

    fn names_of_kind(&self, keep: impl Fn(u8) -> bool) -> Vec<&str> {
        self.localsplusnames
            .iter()
            .zip(&self.localspluskinds)
            .filter(|(_, k)| keep(**k))
            .map(|(n, _)| n.as_str())
            .collect()
    }

    /// Number of code units (instructions and caches).
    pub fn code_units(&self) -> usize {
        self.code.len() / 2
    }

    /// Whether any instruction is a static opcode (such a code object needs our own magic).
    pub fn uses_static_opcodes(&self) -> bool {
        if self.flags & flags::STATIC != 0 {
            return true;
        }
        self.consts
            .iter()
            .any(|c| matches!(c, Constant::Code(code) if code.uses_static_opcodes()))
    }
}
