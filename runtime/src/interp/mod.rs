//! The interpreter: runtime code objects, frames, the interpreter state and the eval loop.
//!
//! Input: a loaded [`Code`] (see `loader`). Output: the effects of running it, or the uncaught
//! exception. Python calls recurse on the Rust stack, one `eval` per Python frame; the depth
//! is bounded by the recursion limit, so deep recursion raises `RecursionError` instead of
//! overflowing the stack. Generators own their [`Frame`] on the heap and re-enter `eval` on
//! every `send`.

// The value-stack macros of the eval loop and its helpers (defined before the modules that
// use them: `macro_rules!` scoping is textual).
macro_rules! pop {
    ($f:expr) => {
        $f.stack.pop().unwrap_or_default()
    };
}

macro_rules! top {
    ($f:expr) => {
        match $f.stack.last_mut() {
            Some(v) => v,
            None => return Err(PyErr::new(ExcKind::SystemError, "value stack underflow")),
        }
    };
}

mod attr;
mod awaitable;
mod call;
mod caret;
mod compare;
pub(crate) mod eval;
mod exceptions;
mod fast;
mod format_spec;
mod frame_ops;
mod import;
mod iterate;
mod numeric;
mod pattern;
mod repr;
mod state;
mod subscript;
mod types;

pub use compare::unwrap_base;
pub use iterate::native_iter;
pub use repr::{bytes_repr, str_repr};
pub use state::{CompileHook, CompileMode, Interp, RunConfig};
pub use types::{Types, new_class};

use std::rc::Rc;

use cinder_codegen::format::opcodes::Opcode;

use crate::object::{PyStr, Value};

/// One decoded code unit: the opcode (from the one table), its full argument (with
/// `EXTENDED_ARG` folded in), and the number of units to skip to reach the next instruction.
#[derive(Clone, Copy)]
pub struct Instr {
    pub op: Opcode,
    pub arg: u32,
    pub size: u8,
}

/// An entry of the 3.11 exception table, in code units.
#[derive(Clone, Copy, Debug)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// The source span of one instruction: (line, end line, column, end column); -1 = unknown.
pub type Span = (i32, i32, i32, i32);

/// A code object ready to run.
pub struct Code {
    pub name: Rc<PyStr>,
    pub qualname: Rc<PyStr>,
    pub filename: Rc<PyStr>,
    pub argcount: usize,
    pub posonlyargcount: usize,
    pub kwonlyargcount: usize,
    pub flags: u32,
    pub stacksize: usize,
    pub firstlineno: i32,
    pub instrs: Vec<Instr>,
    pub consts: Vec<Value>,
    pub names: Vec<Value>,
    pub localsplus_names: Vec<Rc<PyStr>>,
    pub localsplus_kinds: Vec<u8>,
    /// Index of the first free variable in the fast locals.
    pub free_start: usize,
    pub handlers: Vec<Handler>,
    pub spans: Vec<Span>,
    /// The descriptor operands of the static instructions, decoded by the loader and resolved
    /// at first execution (issue 7); the instructions' arguments index this table. Empty for
    /// plain code.
    pub static_slots: Vec<crate::static_rt::descr::Slot>,
}

impl Code {
    pub fn is_generator_like(&self) -> bool {
        use cinder_codegen::format::code_object::flags;
        self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }

    pub fn line_at(&self, pc: usize) -> i32 {
        self.spans.get(pc).map_or(-1, |s| s.0)
    }

    pub fn handler_for(&self, pc: usize) -> Option<Handler> {
        let pc = pc as u32;
        self.handlers
            .iter()
            .find(|h| h.start <= pc && pc < h.end)
            .copied()
    }
}

/// A Python frame: fast locals (arguments, locals, cells, free variables), the value stack
/// and the position of the next instruction.
pub struct Frame {
    pub code: Rc<Code>,
    pub locals: Vec<Value>,
    pub stack: Vec<Value>,
    pub pc: usize,
    /// Start of the instruction being executed (for tracebacks and the exception table).
    pub last_pc: usize,
    pub globals: Rc<crate::object::PyDict>,
    pub builtins: Rc<crate::object::PyDict>,
    /// The namespace of module and class bodies (`LOAD_NAME`/`STORE_NAME`); `None` in functions.
    pub names: Option<Value>,
    pub closure: Option<Rc<Vec<Value>>>,
    /// Keyword names set by `KW_NAMES` for the next `CALL`.
    pub kw_names: Option<Value>,
    /// The function being run (for `super()` without arguments, via `__class__` cell).
    pub func: Option<Value>,
    /// Called from static code (`INVOKE_*`): `CHECK_ARGS` is skipped and `RETURN_PRIMITIVE`
    /// returns the unboxed value.
    pub trusted: bool,
}
