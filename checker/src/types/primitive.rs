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

/// Signedness and width of the integral primitives, and the rules that combine them.
impl Primitive {
    /// `int8..int64`, `uint8..uint64` and `char`: the primitives arithmetic works on as
    /// integers (`cbool` and `double` are not integral).
    pub fn is_integral(self) -> bool {
        !matches!(self, Primitive::Double | Primitive::CBool)
    }

    /// Whether the type is signed (`char` is coded as a signed byte).
    pub fn is_signed(self) -> bool {
        matches!(
            self,
            Primitive::Int8
                | Primitive::Int16
                | Primitive::Int32
                | Primitive::Int64
                | Primitive::Char
                | Primitive::Double
        )
    }

    /// The width in bits of an integral primitive.
    pub fn bits(self) -> u32 {
        self.size() * 8
    }

    /// The smallest and largest value of an integral primitive.
    pub fn range(self) -> (i128, i128) {
        let bits = self.bits();
        if self == Primitive::CBool {
            return (0, 1);
        }
        if self.is_signed() {
            (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
        } else {
            (0, (1i128 << bits) - 1)
        }
    }

    /// Whether an integer literal fits the type.
    pub fn fits(self, value: i128) -> bool {
        let (lo, hi) = self.range();
        self.is_integral() && lo <= value && value <= hi
    }

    /// The signed integral type of `bits` bits.
    pub fn signed_of_bits(bits: u32) -> Option<Primitive> {
        Some(match bits {
            8 => Primitive::Int8,
            16 => Primitive::Int16,
            32 => Primitive::Int32,
            64 => Primitive::Int64,
            _ => return None,
        })
    }

    /// The type code of the static opcodes (`INT8=1`, `UINT64=6`, `DOUBLE=9`, `BOOL=12`...).
    pub fn type_code(self) -> u8 {
        match self {
            Primitive::UInt8 => 0,
            Primitive::Int8 => 1,
            Primitive::UInt16 => 2,
            Primitive::Int16 => 3,
            Primitive::UInt32 => 4,
            Primitive::Int32 => 5,
            Primitive::UInt64 => 6,
            Primitive::Int64 => 7,
            Primitive::Double => 9,
            Primitive::Char => 11,
            Primitive::CBool => 12,
        }
    }

    /// Implicit widening: same signedness to the same or a larger size, or unsigned to
    /// a strictly larger signed type. `cbool` and `double` only accept themselves.
    pub fn widens_to(self, to: Primitive) -> bool {
        if self == to {
            return true;
        }
        if !self.is_integral()
            || !to.is_integral()
            || self == Primitive::Char
            || to == Primitive::Char
        {
            return false;
        }
        match (self.is_signed(), to.is_signed()) {
            (true, true) | (false, false) => self.bits() <= to.bits(),
            (false, true) => self.bits() < to.bits(),
            (true, false) => false,
        }
    }

    /// The result type of arithmetic on two integral primitives: the larger of two
    /// same-signed types; for mixed signedness the next larger signed size, `None` when
    /// that would exceed 64 bits (a compile error: "cannot add int16 and uint64").
    pub fn arithmetic_result(self, other: Primitive) -> Option<Primitive> {
        if !self.is_integral() || !other.is_integral() {
            return (self == other && self == Primitive::Double).then_some(Primitive::Double);
        }
        if self.widens_to(other) {
            return Some(other);
        }
        if other.widens_to(self) {
            return Some(self);
        }
        if self.is_signed() == other.is_signed() {
            return None;
        }
        let bits = self.bits().max(other.bits());
        let unsigned_bits = if self.is_signed() {
            other.bits()
        } else {
            self.bits()
        };
        let needed = if unsigned_bits >= bits {
            bits * 2
        } else {
            bits
        };
        Primitive::signed_of_bits(needed)
    }
}
