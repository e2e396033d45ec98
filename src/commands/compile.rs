//! `cinder compile`.

use crate::cli::CompileArgs;
use crate::exit;

pub fn run(_args: CompileArgs) -> u8 {
    eprintln!("error: `cinder compile` is not available yet");
    exit::USAGE
}
