//! Reading source files: bytes from disk to the text the checker sees, or a diagnostic that
//! says why there is none.
//!
//! Source is UTF-8 (a leading byte-order mark is dropped). A file whose first two lines
//! declare Latin-1 (`# -*- coding: latin-1 -*-`, PEP 263) is decoded as Latin-1. Anything
//! else that is not UTF-8 gets an `invalid-encoding` diagnostic at the first bad byte, and
//! a file that cannot be read gets an `io-error` diagnostic; neither file is checked further.

use std::path::Path;

use cinder_checker::diagnostics::codes;
use cinder_checker::{Code, Span};

/// A file's text, or why it has none.
#[derive(Debug, PartialEq, Eq)]
pub enum Loaded {
    Text(String),
    Failed(Failure),
}

/// A file that cannot be checked: the diagnostic to report and the text to show it on.
#[derive(Debug, PartialEq, Eq)]
pub struct Failure {
    pub code: Code,
    pub message: String,
    pub span: Span,
    /// What can be shown of the file (the readable part), for the snippet.
    pub text: String,
}

/// Reads and decodes one file.
pub fn load(path: &Path) -> Loaded {
    match std::fs::read(path) {
        Ok(bytes) => decode(bytes),
        Err(err) => Loaded::Failed(Failure {
            code: codes::IO_ERROR,
            message: format!("cannot read this file: {}", io_reason(&err)),
            span: Span::default(),
            text: String::new(),
        }),
    }
}

/// The reason of an I/O error, without Rust's ` (os error N)` suffix.
pub fn io_reason(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.rfind(" (os error ") {
        Some(cut) if text.ends_with(')') => text[..cut].to_string(),
        _ => text,
    }
}

/// The failure of a file that no reader thread got to (threads could not be started).
pub fn unread() -> Loaded {
    Loaded::Failed(Failure {
        code: codes::IO_ERROR,
        message: "this file was not read: no worker thread could be started".to_string(),
        span: Span::default(),
        text: String::new(),
    })
}

/// Bytes to text (see the module docs).
pub fn decode(bytes: Vec<u8>) -> Loaded {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(text) => Loaded::Text(text),
        Err(err) => {
            let bytes = err.into_bytes();
            if declares_latin1(&bytes) {
                return Loaded::Text(bytes.iter().map(|&b| char::from(b)).collect());
            }
            let bad = match std::str::from_utf8(&bytes) {
                Ok(_) => 0,
                Err(err) => err.valid_up_to(),
            };
            let byte = bytes.get(bad).copied().unwrap_or_default();
            // The readable prefix is the same in the lossy text, so the offset stays right.
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let offset = u32::try_from(bad).unwrap_or(u32::MAX);
            Loaded::Failed(Failure {
                code: codes::INVALID_ENCODING,
                message: format!(
                    "this file is not valid UTF-8 (byte 0x{byte:02X}); save it as UTF-8 or declare `# coding: latin-1`"
                ),
                span: Span::new(offset, offset),
                text,
            })
        }
    }
}

/// Whether one of the first two lines is a PEP 263 declaration of Latin-1.
fn declares_latin1(bytes: &[u8]) -> bool {
    bytes.split(|&b| b == b'\n').take(2).any(|line| {
        let line = String::from_utf8_lossy(line);
        let trimmed = line.trim_start();
        if !trimmed.starts_with('#') {
            return false;
        }
        let Some(at) = trimmed.find("coding") else {
            return false;
        };
        let rest = &trimmed[at + "coding".len()..];
        let Some(rest) = rest.strip_prefix(':').or_else(|| rest.strip_prefix('=')) else {
            return false;
        };
        let name: String = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            .collect::<String>()
            .to_ascii_lowercase()
            .replace('_', "-");
        matches!(
            name.as_str(),
            "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" | "iso-latin-1"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(b"x = 1\n".to_vec()), Loaded::Text("x = 1\n".into()));
        assert_eq!(
            decode(b"\xEF\xBB\xBFx = 1\n".to_vec()),
            Loaded::Text("x = 1\n".into())
        );
    }

    #[test]
    fn declared_latin1_is_decoded() {
        let bytes = b"# -*- coding: latin-1 -*-\ns = '\xE9'\n".to_vec();
        assert_eq!(
            decode(bytes),
            Loaded::Text("# -*- coding: latin-1 -*-\ns = 'é'\n".into())
        );
        let bytes =
            b"#!/usr/bin/env python\n# vim: set fileencoding=iso_8859_1 :\n'\xE9'\n".to_vec();
        assert!(matches!(decode(bytes), Loaded::Text(_)));
    }

    #[test]
    fn other_bytes_are_an_encoding_diagnostic_at_the_first_bad_byte() {
        let Loaded::Failed(failure) = decode(b"ok = 1\nbad = '\xFF'\n".to_vec()) else {
            panic!("expected a failure")
        };
        assert_eq!(failure.code, codes::INVALID_ENCODING);
        assert_eq!(failure.span, Span::new(14, 14));
        assert!(failure.message.contains("0xFF"), "{}", failure.message);
        assert_eq!(failure.text, "ok = 1\nbad = '\u{FFFD}'\n");
    }

    #[test]
    fn a_missing_file_is_an_io_error() {
        let Loaded::Failed(failure) = load(Path::new("/nonexistent/cinder/x.py")) else {
            panic!("expected a failure")
        };
        assert_eq!(failure.code, codes::IO_ERROR);
        assert!(
            failure.message.contains("No such file"),
            "{}",
            failure.message
        );
    }
}
