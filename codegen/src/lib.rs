//! `cinder_codegen`: the bytecode format (`format`) and, from a checked module, CPython 3.11
//! bytecode: lowering, assembling, verification and disassembly.
//!
//! Architecture invariant: `format` never names `cinder_checker`, so the runtime can depend
//! on it alone.

pub mod format;
