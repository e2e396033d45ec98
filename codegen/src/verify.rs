//! The bytecode verifier: checks an assembled [`CodeObject`] before it is written.
//!
//! Input: a code object (ours, after `assemble`, or any loaded one). Output: `Ok` or a
//! [`CodegenError::Bug`] naming the first problem: unknown opcodes, jump targets outside the
//! code or inside an instruction, operand indices out of range, exception-table ranges or
//! targets that do not fit, a location table that does not cover the code. Nested code
//! objects are verified too.

use crate::error::CodegenError;
use crate::format::bytecode::decode;
use crate::format::opcodes::Operand;
use crate::format::{CodeObject, Constant, exception_table, line_table};

/// Verifies `code` and every code object in its constants.
pub fn verify(code: &CodeObject) -> Result<(), CodegenError> {
    let fail = |message: String| {
        Err(CodegenError::Bug(format!(
            "verifier: {}: {message}",
            code.qualname
        )))
    };
    let instrs = match decode(&code.code) {
        Ok(i) => i,
        Err(e) => return fail(e.to_string()),
    };
    let starts: std::collections::HashSet<u32> = instrs.iter().map(|i| i.start).collect();
    let units = code.code_units() as u32;
    let nlocals = code.localsplusnames.len() as u32;
    for instr in &instrs {
        let info = instr.opcode.info();
        let arg = instr.arg;
        let ok = match info.operand {
            Operand::Const | Operand::Descriptor => arg < code.consts.len() as u32,
            Operand::Name => arg < code.names.len() as u32,
            Operand::GlobalName => (arg >> 1) < code.names.len() as u32,
            Operand::Local | Operand::Free => arg < nlocals,
            Operand::JumpForward | Operand::JumpBackward => match instr.jump_target() {
                Some(t) => t < units && starts.contains(&t),
                None => false,
            },
            Operand::Compare => arg < 6,
            Operand::BinaryOp => arg < 26,
            _ => true,
        };
        if !ok {
            return fail(format!(
                "bad argument {arg} of {} at offset {}",
                info.name,
                instr.offset * 2
            ));
        }
        if instr.opcode == crate::format::Opcode::CACHE {
            return fail(format!("CACHE executed at offset {}", instr.offset * 2));
        }
    }
    if code.localspluskinds.len() != code.localsplusnames.len() {
        return fail("localsplus kinds and names differ in length".into());
    }
    let handlers = match exception_table::decode(&code.exceptiontable) {
        Ok(h) => h,
        Err(e) => return fail(e.to_string()),
    };
    for h in &handlers {
        if h.start >= h.end
            || h.end > units
            || !starts.contains(&h.target)
            || h.depth > code.stacksize
        {
            return fail(format!("bad exception-table entry {h:?}"));
        }
    }
    match line_table::decode(code.firstlineno, &code.linetable) {
        Ok(entries) => {
            let covered = entries.last().map_or(0, |e| e.end);
            if covered != units {
                return fail(format!(
                    "location table covers {covered} of {units} code units"
                ));
            }
        }
        Err((_, e)) => return fail(e.to_string()),
    }
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            verify(inner)?;
        }
    }
    Ok(())
}
