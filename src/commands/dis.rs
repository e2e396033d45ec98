//! `cinder dis FILE.py|FILE.pyc`: the bytecode of a module, like `python3 -m dis`.
//!
//! A `.py` is compiled first (a syntax error prints its diagnostic, exit 1); a `.pyc` is
//! read (a corrupt file is an error, exit 1). I/O errors exit 2.

use cinder_codegen::dis::disassemble;
use cinder_codegen::format::pyc;

use crate::cli::DisArgs;
use crate::exit;

pub fn run(args: DisArgs) -> u8 {
    if args.jit {
        eprintln!("error: `cinder dis --jit` is not available yet");
        return exit::USAGE;
    }
    let path = &args.file;
    let code = if path.extension().is_some_and(|e| e == "pyc") {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                return exit::USAGE;
            }
        };
        match pyc::read(&bytes) {
            Ok((_, code)) => code,
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                return exit::ERRORS;
            }
        }
    } else {
        match super::compile::compile_path(
            path,
            false,
            cinder_checker::diagnostics::render::Format::Concise,
        ) {
            Ok((code, _, _)) => code,
            Err(status) => return status,
        }
    };
    print!("{}", disassemble(&code));
    exit::OK
}
