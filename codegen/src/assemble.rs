//! Assembling: from a lowered unit to a [`CodeObject`].
//!
//! Input: a [`Unit`] (blocks of symbolic instructions). Output: the code object with its
//! `localsplus` layout, prefix instructions (`COPY_FREE_VARS`, `MAKE_CELL`,
//! `RETURN_GENERATOR`), directed jumps with `EXTENDED_ARG`s, `CACHE` units, stack size,
//! location table and exception table. The verifier runs on the result in debug builds.

use crate::cfg::Cfg;
use crate::error::CodegenError;
use crate::format::code_object::{flags, kinds};
use crate::format::line_table::{self, LocationSpan};
use crate::format::opcodes::Operand;
use crate::format::{CodeObject, Opcode, exception_table};
#[allow(unused_imports)]
use crate::ir::Block;
use crate::ir::{Instr, Label, Op};
use crate::lower::Unit;
use crate::lower::symtable::SymbolTable;

/// Assembles one unit.
pub(crate) fn assemble(
    unit: Unit<'_>,
    filename: &str,
    _table: &SymbolTable,
) -> Result<CodeObject, CodegenError> {
    let mut unit = unit;
    // localsplus: locals (arguments first), then cells that are not arguments, then frees.
    let mut names: Vec<String> = unit.varnames.iter().cloned().collect();
    let mut local_kinds: Vec<u8> = vec![kinds::LOCAL; names.len()];
    let mut cell_index = Vec::with_capacity(unit.cellvars.len());
    for cell in &unit.cellvars {
        match names.iter().position(|n| n == cell) {
            Some(i) => {
                local_kinds[i] |= kinds::CELL;
                cell_index.push(i as u32);
            }
            None => {
                cell_index.push(names.len() as u32);
                names.push(cell.clone());
                local_kinds.push(kinds::CELL);
            }
        }
    }
    let mut free_index = Vec::with_capacity(unit.freevars.len());
    for free in &unit.freevars {
        free_index.push(names.len() as u32);
        names.push(free.clone());
        local_kinds.push(kinds::FREE);
    }
    let ncells = cell_index.len() as u32;
    for block in &mut unit.blocks {
        for instr in &mut block.instrs {
            if let Op::Real(op) = instr.op
                && op.info().operand == Operand::Free
            {
                instr.arg = if instr.arg < ncells {
                    cell_index[instr.arg as usize]
                } else {
                    free_index
                        .get((instr.arg - ncells) as usize)
                        .copied()
                        .ok_or_else(|| {
                            CodegenError::Bug(format!(
                                "free variable index {} out of range",
                                instr.arg
                            ))
                        })?
                };
            }
        }
    }
    // Prefix instructions.
    let mut prefix = Vec::new();
    if !free_index.is_empty() {
        prefix.push(Instr {
            op: Op::Real(Opcode::COPY_FREE_VARS),
            arg: free_index.len() as u32,
            target: None,
            loc: None,
        });
    }
    let mut sorted_cells = cell_index.clone();
    sorted_cells.sort_unstable();
    for index in sorted_cells {
        prefix.push(Instr {
            op: Op::Real(Opcode::MAKE_CELL),
            arg: index,
            target: None,
            loc: None,
        });
    }
    if unit.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0 {
        let loc = crate::format::line_table::Location::line_only(unit.firstlineno);
        prefix.push(Instr {
            op: Op::Real(Opcode::RETURN_GENERATOR),
            arg: 0,
            target: None,
            loc: Some(loc),
        });
        prefix.push(Instr {
            op: Op::Real(Opcode::POP_TOP),
            arg: 0,
            target: None,
            loc: None,
        });
    }
    let mut cfg = Cfg::new(
        std::mem::take(&mut unit.blocks),
        std::mem::take(&mut unit.order),
    );
    cfg.optimize();
    cfg.duplicate_exits_without_location();
    cfg.propagate_locations();
    let (depths, max_depth) = cfg.stack_depths(&unit.consts)?;
    cfg.label_exception_targets()?;
    cfg.clean_all();
    // The prefix runs before the frame exists for the stack-depth pass (CPython adds it
    // last too); `POP_TOP` after `RETURN_GENERATOR` shares its location.
    if let Some(i) = prefix
        .iter()
        .position(|p| p.op == Op::Real(Opcode::RETURN_GENERATOR))
        && let Some(next) = prefix.get_mut(i + 1)
    {
        next.loc = Some(crate::format::line_table::Location::line_only(
            unit.firstlineno,
        ));
    }
    if let Some(entry) = cfg.order.first().copied() {
        let n = prefix.len();
        let block = &mut cfg.blocks[entry.0 as usize];
        block.instrs.splice(0..0, prefix);
        block.handlers.splice(0..0, std::iter::repeat_n(None, n));
    }

    let layout = Layout::compute(&cfg)?;
    let mut code = Vec::with_capacity(layout.total as usize * 2);
    let mut spans = Vec::new();
    let mut handlers: Vec<(u32, u32, Option<Label>)> = Vec::new();
    for (pos, label) in cfg.order.iter().enumerate() {
        let block = cfg.block(*label);
        let mut offset = layout.block_offset[label.0 as usize];
        for (i, instr) in block.instrs.iter().enumerate() {
            let (opcode, arg, size) = layout.resolve(instr, offset, pos)?;
            let ext = size - 1 - u32::from(opcode.caches());
            for k in (1..=ext).rev() {
                code.push(Opcode::EXTENDED_ARG.number());
                code.push((arg >> (8 * k)) as u8);
            }
            code.push(opcode.number());
            code.push(arg as u8);
            for _ in 0..opcode.caches() {
                code.push(0);
                code.push(0);
            }
            spans.push(LocationSpan {
                units: size,
                location: instr.loc,
            });
            let handler = block.handlers.get(i).copied().flatten();
            match handlers.last_mut() {
                Some(last) if last.2 == handler && last.1 == offset => last.1 = offset + size,
                _ => handlers.push((offset, offset + size, handler)),
            }
            offset += size;
        }
    }
    let mut table = Vec::new();
    for (start, end, handler) in handlers {
        let Some(h) = handler else { continue };
        let block = cfg.block(h);
        let start_depth = depths.get(h.0 as usize).copied().flatten().ok_or_else(|| {
            CodegenError::Bug("exception handler never reached by the stack-depth pass".into())
        })?;
        let lasti = block.preserve_lasti;
        let depth = start_depth
            .checked_sub(1 + u32::from(lasti))
            .ok_or_else(|| {
                CodegenError::Bug("exception handler entered with an empty stack".into())
            })?;
        table.push(exception_table::Handler {
            start,
            end,
            target: layout.block_offset[h.0 as usize],
            depth,
            lasti,
        });
    }
    let code_object = CodeObject {
        argcount: unit.argcount,
        posonlyargcount: unit.posonlyargcount,
        kwonlyargcount: unit.kwonlyargcount,
        stacksize: max_depth,
        flags: unit.flags,
        code,
        consts: unit.consts,
        names: unit.names.into_iter().collect(),
        localsplusnames: names,
        localspluskinds: local_kinds,
        filename: filename.to_string(),
        name: unit.name,
        qualname: unit.qualname,
        firstlineno: unit.firstlineno,
        linetable: line_table::encode(unit.firstlineno, &spans),
        exceptiontable: exception_table::encode(&table),
    };
    if cfg!(debug_assertions) {
        crate::verify::verify(&code_object)?;
    }
    Ok(code_object)
}

/// Size in code units of an instruction: `EXTENDED_ARG`s, itself, its caches.
fn instr_size(opcode: Opcode, arg: u32) -> u32 {
    let ext = match arg {
        0..=0xff => 0,
        0x100..=0xffff => 1,
        0x1_0000..=0xff_ffff => 2,
        _ => 3,
    };
    1 + ext + u32::from(opcode.caches())
}

/// Block offsets, found by iterating until jump arguments (and so sizes) stop changing.
struct Layout {
    block_offset: Vec<u32>,
    /// Layout position of each block, to tell forward from backward jumps.
    position: Vec<usize>,
    total: u32,
}

impl Layout {
    fn compute(cfg: &Cfg) -> Result<Layout, CodegenError> {
        let mut position = vec![usize::MAX; cfg.blocks.len()];
        for (i, l) in cfg.order.iter().enumerate() {
            position[l.0 as usize] = i;
        }
        let mut layout = Layout {
            block_offset: vec![0; cfg.blocks.len()],
            position,
            total: 0,
        };
        for _round in 0..16 {
            let mut offsets = vec![0u32; cfg.blocks.len()];
            let mut offset = 0u32;
            for (pos, label) in cfg.order.iter().enumerate() {
                offsets[label.0 as usize] = offset;
                for instr in &cfg.block(*label).instrs {
                    let (_, _, size) = layout.resolve(instr, offset, pos)?;
                    offset += size;
                }
            }
            let stable = offsets == layout.block_offset && offset == layout.total;
            layout.block_offset = offsets;
            layout.total = offset;
            if stable {
                return Ok(layout);
            }
        }
        Err(CodegenError::Bug("jump offsets did not converge".into()))
    }

    /// The real opcode, argument and size of an instruction that starts at `offset`.
    fn resolve(
        &self,
        instr: &Instr,
        offset: u32,
        block_pos: usize,
    ) -> Result<(Opcode, u32, u32), CodegenError> {
        let Some(target) = instr.target else {
            return match instr.op {
                Op::Real(op) => Ok((op, instr.arg, instr_size(op, instr.arg))),
                other => Err(CodegenError::Bug(format!(
                    "{} left after exception labelling",
                    other.name()
                ))),
            };
        };
        let target_pos = self
            .position
            .get(target.0 as usize)
            .copied()
            .unwrap_or(usize::MAX);
        if target_pos == usize::MAX {
            return Err(CodegenError::Bug("jump to a block that was removed".into()));
        }
        let target_offset = self.block_offset[target.0 as usize];
        // Direction by layout: a target block at or before this one is backwards.
        let backward = target_pos <= block_pos;
        use Opcode as O;
        let opcode = match (instr.op, backward) {
            (Op::Jump, false) | (Op::JumpNoInterrupt, false) => O::JUMP_FORWARD,
            (Op::Jump, true) => O::JUMP_BACKWARD,
            (Op::JumpNoInterrupt, true) => O::JUMP_BACKWARD_NO_INTERRUPT,
            (Op::PopJumpIfFalse, false) => O::POP_JUMP_FORWARD_IF_FALSE,
            (Op::PopJumpIfFalse, true) => O::POP_JUMP_BACKWARD_IF_FALSE,
            (Op::PopJumpIfTrue, false) => O::POP_JUMP_FORWARD_IF_TRUE,
            (Op::PopJumpIfTrue, true) => O::POP_JUMP_BACKWARD_IF_TRUE,
            (Op::PopJumpIfNone, false) => O::POP_JUMP_FORWARD_IF_NONE,
            (Op::PopJumpIfNone, true) => O::POP_JUMP_BACKWARD_IF_NONE,
            (Op::PopJumpIfNotNone, false) => O::POP_JUMP_FORWARD_IF_NOT_NONE,
            (Op::PopJumpIfNotNone, true) => O::POP_JUMP_BACKWARD_IF_NOT_NONE,
            (Op::PopJumpIfZero, false) => O::POP_JUMP_IF_ZERO,
            (Op::PopJumpIfZero, true) => O::POP_JUMP_BACKWARD_IF_ZERO,
            (Op::PopJumpIfNonZero, false) => O::POP_JUMP_IF_NONZERO,
            (Op::PopJumpIfNonZero, true) => O::POP_JUMP_BACKWARD_IF_NONZERO,
            (Op::Real(op), false) => op,
            (Op::Real(op), true) => {
                return Err(CodegenError::Bug(format!("{} jumps backwards", op.name())));
            }
            (other, _) => {
                return Err(CodegenError::Bug(format!(
                    "{} has a target after labelling",
                    other.name()
                )));
            }
        };
        // The argument counts from the end of this instruction (EXTENDED_ARGs and caches
        // included); its size depends on the argument, so take the smallest size that can
        // hold it (a forward jump may then carry a leading `EXTENDED_ARG 0`).
        for ext in 0..4u32 {
            let size = 1 + ext + u32::from(opcode.caches());
            let end = offset + size;
            let arg = if backward {
                end.saturating_sub(target_offset)
            } else {
                target_offset.saturating_sub(end)
            };
            if instr_size(opcode, arg) <= size {
                return Ok((opcode, arg, size));
            }
        }
        Err(CodegenError::Bug("jump too far".into()))
    }
}
