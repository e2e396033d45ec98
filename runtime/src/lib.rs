//! `cinder_runtime`: the interpreter that runs CPython 3.11 bytecode (and, later, the static
//! opcodes and the JIT).
//!
//! Input: a `.pyc` file's bytes or a [`CodeObject`] from `cinder_codegen::format`, plus a
//! [`RunConfig`] (argv, module search path) and a [`CompileHook`] for source compiled at run
//! time. Output: the program's effects and its exit status ([`run_main`]).
//!
//! Map: `object/` is the value model and memory management; `loader` turns bytes into
//! runnable code (and checks them); `interp/` is the eval loop and the protocols (calls,
//! attributes, operators, iteration, imports, exceptions); `builtins/` is the `builtins`
//! module, the methods of the built-in types and the native modules.
//!
//! Exit status of [`run_main`]: 0 normally; the `sys.exit` code; 1 for an uncaught exception
//! (traceback on stderr, as CPython prints it). A `.pyc` that cannot be loaded is a
//! [`LoadError`], which the CLI reports with exit status 2.

mod builtins;
mod interp;
mod loader;
pub mod object;
mod static_rt;
mod stdlib;

use std::io::Write;
use std::path::Path;

use cinder_codegen::format::code_object::CodeObject;

pub use interp::{CompileHook, CompileMode, RunConfig};
pub use loader::LoadError;

use interp::Interp;
use object::{ExcKind, PyErr, Value};

/// The deepest Python recursion allowed whatever `sys.setrecursionlimit` says: each Python
/// frame uses native stack, and the CLI's interpreter thread has a fixed stack size.
pub const MAX_RECURSION: usize = 20_000;

/// What the program to run is.
pub enum Program<'a> {
    /// `.pyc` bytes (CPython 3.11's or ours).
    Pyc(&'a [u8]),
    /// A code object, compiled by the caller (`cinder run FILE.py`).
    Code(&'a CodeObject),
}

/// Runs `program` as `__main__` (its file is `path`) and returns the exit status.
pub fn run_main(
    program: Program,
    path: &Path,
    config: RunConfig,
    hook: Option<CompileHook>,
) -> Result<i32, LoadError> {
    let code = match program {
        Program::Pyc(bytes) => loader::load_pyc(bytes)?,
        Program::Code(code) => loader::load_code(code)?,
    };
    let mut interp = Interp::new(config);
    if let Some(hook) = hook {
        interp.set_compile_hook(hook);
    }
    let main = interp.new_module("__main__", Some(path));
    main.dict.set_item("__package__", Value::None);
    interp
        .modules
        .set_item("__main__", Value::Module(main.clone()));
    // `sys` is always imported (CPython imports it at startup).
    if let Err(err) = interp.import_dotted("sys") {
        let exc = interp.materialize(err);
        let text = interp.format_exception(&exc);
        eprint!("{text}");
        return Ok(1);
    }
    let result = interp.exec_code(code, main.dict.clone(), None);
    let status = match result {
        Ok(_) => 0,
        Err(err) => exit_status(&mut interp, err),
    };
    interp.flush();
    Ok(status)
}

fn exit_status(interp: &mut Interp, err: PyErr) -> i32 {
    let exc = interp.materialize(err);
    if interp.is_instance_of_kind(&exc, ExcKind::SystemExit) {
        let code = match &exc {
            Value::Instance(inst) => match &*inst.base_value.borrow() {
                Value::Tuple(args) if args.len() == 1 => args[0].clone(),
                Value::Tuple(args) if args.is_empty() => Value::None,
                other => other.clone(),
            },
            _ => Value::None,
        };
        return match code {
            Value::None => 0,
            Value::Int(n) => n as i32,
            Value::Bool(b) => i32::from(b),
            other => {
                let text = interp.str_of(&other).unwrap_or_default();
                interp.flush();
                let _ = writeln!(std::io::stderr(), "{text}");
                1
            }
        };
    }
    interp.flush();
    let text = interp.format_exception(&exc);
    let _ = std::io::stderr().write_all(text.as_bytes());
    1
}
