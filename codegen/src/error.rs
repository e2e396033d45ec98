//! [`CodegenError`]: why a module could not be compiled.

use crate::format::line_table::Location;

/// A compile error. Each variant says whether it is the user's program (a `SyntaxError` that
/// CPython's compiler, not its parser, reports), a limit, or a bug in cinder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodegenError {
    /// The program is invalid in a way only the compiler sees (`'return' outside function`,
    /// `nonlocal` without binding...). CPython raises `SyntaxError` for these.
    Syntax {
        message: String,
        location: Option<Location>,
    },
    /// The source does not parse (only from [`crate::compile_source`]).
    Parse { message: String, offset: u32 },
    /// A construct this compiler does not lower yet (a limit, not a bug).
    Unsupported {
        what: String,
        location: Option<Location>,
    },
    /// An internal invariant failed: a bug in cinder.
    Bug(String),
}

impl std::fmt::Display for CodegenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = |loc: &Option<Location>| match loc {
            Some(l) => format!(" (line {})", l.line),
            None => String::new(),
        };
        match self {
            CodegenError::Syntax { message, location } => write!(f, "{message}{}", at(location)),
            CodegenError::Parse { message, offset } => write!(f, "{message} (at byte {offset})"),
            CodegenError::Unsupported { what, location } => {
                write!(
                    f,
                    "not supported by the compiler yet: {what}{}",
                    at(location)
                )
            }
            CodegenError::Bug(message) => {
                write!(f, "internal compiler error (a bug in cinder): {message}")
            }
        }
    }
}

impl std::error::Error for CodegenError {}

impl CodegenError {
    /// The 1-based line of the error, when known.
    pub fn line(&self) -> Option<u32> {
        match self {
            CodegenError::Syntax { location, .. } | CodegenError::Unsupported { location, .. } => {
                location.map(|l| l.line)
            }
            _ => None,
        }
    }
}
