//! `cinder`: the command-line driver. It parses arguments, reads files and configuration,
//! sets the checker's inputs, and turns results into output and exit codes. Every other
//! crate is free of I/O policy; this one is thin.

mod cli;
mod commands;
mod config;
mod discover;
mod lsp;
mod output;

use std::process::ExitCode;

use clap::Parser;

/// Exit codes shared by every command.
pub mod exit {
    /// No errors.
    pub const OK: u8 = 0;
    /// Errors were found in the input (type errors, syntax errors).
    pub const ERRORS: u8 = 1;
    /// Usage, configuration or I/O problem.
    pub const USAGE: u8 = 2;
}

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    // Deeply nested sources recurse deeply in the parser and the checker, and every Python
    // call recurses in the interpreter (up to `MAX_RECURSION` frames, several kilobytes of
    // native stack each in an unoptimised build): run on a thread with a large stack. Only
    // the pages actually used are ever committed.
    let worker = std::thread::Builder::new()
        .name("cinder-main".into())
        .stack_size(1024 * 1024 * 1024)
        .spawn(move || commands::dispatch(cli.command));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        Ok(Err(_)) => {
            eprintln!("error: cinder crashed; this is a bug in cinder");
            ExitCode::from(101)
        }
        Err(err) => {
            eprintln!("error: cannot start the main thread: {err}");
            ExitCode::from(exit::USAGE)
        }
    }
}
