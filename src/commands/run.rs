//! `cinder run`.

use crate::cli::RunArgs;
use crate::exit;

pub fn run(_args: RunArgs) -> u8 {
    eprintln!("error: `cinder run` is not available yet");
    exit::USAGE
}
