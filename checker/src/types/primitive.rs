//! Static Python's primitive machine types (`int8..int64`, `uint8..uint64`, `double`,
//! `cbool`, `char`): unboxed values that codegen keeps in registers and fields.

/// A primitive type of `__static__`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Primitive {
    Int8,
    Int16,
    Int32,
    Int64,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Double,
    CBool,
    Char,
}

impl Primitive {
    /// Every primitive, with the name `__static__` exports it under.
    pub const ALL: [(Primitive, &'static str); 11] = [
        (Primitive::Int8, "int8"),
        (Primitive::Int16, "int16"),
        (Primitive::Int32, "int32"),
        (Primitive::Int64, "int64"),
        (Primitive::UInt8, "uint8"),
        (Primitive::UInt16, "uint16"),
        (Primitive::UInt32, "uint32"),
        (Primitive::UInt64, "uint64"),
        (Primitive::Double, "double"),
        (Primitive::CBool, "cbool"),
        (Primitive::Char, "char"),
    ];

    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(p, _)| *p == self)
            .map_or("?", |(_, n)| n)
    }

    pub fn from_name(name: &str) -> Option<Primitive> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(p, _)| *p)
    }

    /// Whether the primitive is an integer (signed, unsigned, `char`, `cbool`).
    pub fn is_integer(self) -> bool {
        !matches!(self, Primitive::Double)
    }

    /// Size in bytes of the unboxed value.
    pub fn size(self) -> u32 {
        match self {
            Primitive::Int8 | Primitive::UInt8 | Primitive::CBool | Primitive::Char => 1,
            Primitive::Int16 | Primitive::UInt16 => 2,
            Primitive::Int32 | Primitive::UInt32 => 4,
            Primitive::Int64 | Primitive::UInt64 | Primitive::Double => 8,
        }
    }
}
