//! `cinder dis`.

use crate::cli::DisArgs;
use crate::exit;

pub fn run(_args: DisArgs) -> u8 {
    eprintln!("error: `cinder dis` is not available yet");
    exit::USAGE
}
