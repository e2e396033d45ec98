//! The bytecode format: the opcode table, code objects, marshal, `.pyc` headers, location
//! and exception tables. Knows nothing of source code or the checker (the runtime depends on
//! this module alone); a tidy test keeps the checker out of it.

pub mod bytecode;
pub mod code_object;
pub mod exception_table;
pub mod line_table;
pub mod marshal;
pub mod opcodes;
pub mod pyc;
pub mod static_ops;
pub mod text_repr;

pub use code_object::{CodeObject, ConstKey, Constant};
pub use opcodes::{OPCODES, OpInfo, Opcode, Operand, StackEffect};
