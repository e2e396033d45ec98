//! Decoding `co_code`: instructions with their `EXTENDED_ARG` prefixes folded into the
//! argument and their `CACHE` units skipped, and jump targets resolved.
//!
//! Input: code bytes. Output: [`Instruction`]s, or a [`DecodeError`] for bytes that are not
//! valid 3.11 (or static) bytecode. Never panics.

use super::opcodes::{Opcode, Operand};

/// One decoded instruction. Offsets are in code units (2 bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// Where the instruction (after its `EXTENDED_ARG`s) starts.
    pub offset: u32,
    /// Where its first `EXTENDED_ARG` starts (equal to `offset` without one).
    pub start: u32,
    pub opcode: Opcode,
    pub arg: u32,
    /// The next instruction's offset (after caches).
    pub end: u32,
}

impl Instruction {
    /// The jump target in code units, for jump instructions.
    pub fn jump_target(&self) -> Option<u32> {
        let after = self.offset + 1 + u32::from(self.opcode.caches());
        match self.opcode.info().operand {
            Operand::JumpForward => after.checked_add(self.arg),
            Operand::JumpBackward => after.checked_sub(self.arg),
            _ => None,
        }
    }
}

/// Why bytes are not bytecode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    OddLength,
    UnknownOpcode {
        offset: u32,
        byte: u8,
    },
    /// Caches missing at the end, or a lone `EXTENDED_ARG`.
    Truncated {
        offset: u32,
    },
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::OddLength => write!(f, "code has an odd number of bytes"),
            DecodeError::UnknownOpcode { offset, byte } => {
                write!(f, "unknown opcode {byte} at offset {}", offset * 2)
            }
            DecodeError::Truncated { offset } => {
                write!(f, "instruction at offset {} is cut short", offset * 2)
            }
        }
    }
}

/// Decodes all instructions.
pub fn decode(code: &[u8]) -> Result<Vec<Instruction>, DecodeError> {
    if !code.len().is_multiple_of(2) {
        return Err(DecodeError::OddLength);
    }
    let units = (code.len() / 2) as u32;
    let mut out = Vec::new();
    let mut i = 0u32;
    let mut ext: u32 = 0;
    let mut start = 0u32;
    let mut in_ext = false;
    while i < units {
        let byte = code[(i * 2) as usize];
        let raw_arg = u32::from(code[(i * 2 + 1) as usize]);
        let opcode = Opcode::from_u8(byte).ok_or(DecodeError::UnknownOpcode { offset: i, byte })?;
        if !in_ext {
            start = i;
        }
        let arg = (ext << 8) | raw_arg;
        if opcode == Opcode::EXTENDED_ARG {
            ext = arg;
            in_ext = true;
            i += 1;
            continue;
        }
        let end = i + 1 + u32::from(opcode.caches());
        if end > units {
            return Err(DecodeError::Truncated { offset: i });
        }
        out.push(Instruction {
            offset: i,
            start,
            opcode,
            arg,
            end,
        });
        ext = 0;
        in_ext = false;
        i = end;
    }
    if in_ext {
        return Err(DecodeError::Truncated { offset: start });
    }
    Ok(out)
}
