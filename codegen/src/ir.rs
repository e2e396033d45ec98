//! The compiler's intermediate form: basic blocks of instructions whose arguments are still
//! symbolic (labels for jump targets) and whose jumps have no direction yet.
//!
//! Input: built by `lower`. Output: read by `cfg` (clean-ups) and `assemble` (encoding).

use crate::format::Opcode;
use crate::format::line_table::Location;

/// A basic block, by index into [`Unit::blocks`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Label(pub u32);

/// An operation: a real opcode, or a pseudo-instruction that `assemble` turns into one (or
/// into an exception-table entry).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    Real(Opcode),
    /// Unconditional jump (becomes `JUMP_FORWARD` or `JUMP_BACKWARD`).
    Jump,
    /// Same, without the interrupt check (`JUMP_BACKWARD_NO_INTERRUPT`).
    JumpNoInterrupt,
    PopJumpIfFalse,
    PopJumpIfTrue,
    PopJumpIfNone,
    PopJumpIfNotNone,
    /// Static: pop a primitive and jump when it is zero / non-zero.
    PopJumpIfZero,
    PopJumpIfNonZero,
    /// Start of a protected range: exceptions go to the target with the exception pushed.
    SetupFinally,
    /// Same, also pushing `lasti`.
    SetupCleanup,
    /// Same as `SetupCleanup`, for `with` (one stack item, the `__enter__` result, is gone).
    SetupWith,
    /// End of the innermost protected range.
    PopBlock,
}

impl Op {
    pub(crate) fn is_block_push(self) -> bool {
        matches!(self, Op::SetupFinally | Op::SetupCleanup | Op::SetupWith)
    }

    /// A jump with a target (real or pseudo, conditional or not), excluding block pushes.
    pub(crate) fn is_jump(self) -> bool {
        match self {
            Op::Real(op) => op.info().is_jump(),
            Op::Jump | Op::JumpNoInterrupt => true,
            Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::PopJumpIfNone
            | Op::PopJumpIfNotNone
            | Op::PopJumpIfZero
            | Op::PopJumpIfNonZero => true,
            _ => false,
        }
    }

    pub(crate) fn is_unconditional_jump(self) -> bool {
        match self {
            Op::Jump | Op::JumpNoInterrupt => true,
            Op::Real(op) => op.info().flags & crate::format::opcodes::UNCONDITIONAL != 0,
            _ => false,
        }
    }

    /// Leaves the frame or re-raises: nothing follows.
    pub(crate) fn is_scope_exit(self) -> bool {
        matches!(self, Op::Real(op) if op.info().flags & crate::format::opcodes::EXITS != 0)
    }

    pub(crate) fn falls_through(self) -> bool {
        !(self.is_unconditional_jump() || self.is_scope_exit())
    }

    /// Stack effect on the jump path (`jump`) or the fall-through path.
    /// `count` is the count carried by a static descriptor constant (see
    /// [`Opcode::stack_effect`]), 0 for other instructions.
    pub(crate) fn stack_effect_counted(self, arg: u32, jump: bool, count: u32) -> i32 {
        match self {
            Op::Real(op) => op.stack_effect(arg, jump, count),
            Op::Jump | Op::JumpNoInterrupt | Op::PopBlock => 0,
            Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::PopJumpIfNone
            | Op::PopJumpIfNotNone
            | Op::PopJumpIfZero
            | Op::PopJumpIfNonZero => -1,
            Op::SetupFinally | Op::SetupWith => {
                if jump {
                    1
                } else {
                    0
                }
            }
            Op::SetupCleanup => {
                if jump {
                    2
                } else {
                    0
                }
            }
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Op::Real(op) => op.name(),
            Op::Jump => "JUMP",
            Op::JumpNoInterrupt => "JUMP_NO_INTERRUPT",
            Op::PopJumpIfFalse => "POP_JUMP_IF_FALSE",
            Op::PopJumpIfTrue => "POP_JUMP_IF_TRUE",
            Op::PopJumpIfNone => "POP_JUMP_IF_NONE",
            Op::PopJumpIfNotNone => "POP_JUMP_IF_NOT_NONE",
            Op::PopJumpIfZero => "POP_JUMP_IF_ZERO",
            Op::PopJumpIfNonZero => "POP_JUMP_IF_NONZERO",
            Op::SetupFinally => "SETUP_FINALLY",
            Op::SetupCleanup => "SETUP_CLEANUP",
            Op::SetupWith => "SETUP_WITH",
            Op::PopBlock => "POP_BLOCK",
        }
    }
}

/// One instruction. `loc` is `None` for artificial instructions, which take a location from
/// their neighbours in `cfg::propagate_locations` (or keep none).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Instr {
    pub op: Op,
    pub arg: u32,
    pub target: Option<Label>,
    pub loc: Option<Location>,
}

/// A basic block: straight-line instructions; only the last may jump or exit.
#[derive(Clone, Debug, Default)]
pub(crate) struct Block {
    pub instrs: Vec<Instr>,
    /// Filled by the exception-target pass: the handler of each instruction.
    pub handlers: Vec<Option<Label>>,
    /// A handler block that must also receive `lasti` (from `SetupCleanup`/`SetupWith`).
    pub preserve_lasti: bool,
    /// Whether an exception handler starts here.
    pub is_handler: bool,
}

impl Block {
    pub(crate) fn last(&self) -> Option<&Instr> {
        self.instrs.last()
    }

    /// Whether control can run off the end into the next block in layout order.
    pub(crate) fn falls_through(&self) -> bool {
        self.last().is_none_or(|i| i.op.falls_through())
    }
}
