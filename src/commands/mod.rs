//! One module per subcommand; each returns the process exit code.

pub(crate) mod check;
mod compile;
mod dis;
mod lsp;
mod run;
mod static_build;

use crate::cli::Command;

pub fn dispatch(command: Command) -> u8 {
    match command {
        Command::Check(args) => check::run(args),
        Command::Lsp(args) => lsp::run(args),
        Command::Compile(args) => compile::run(args),
        Command::Run(args) => run::run(args),
        Command::Dis(args) => dis::run(args),
    }
}
