//! The error kinds of strict-module analysis (Cinder's `StrictModules/exceptions.h`
//! kinds), each with its diagnostic code and message format, and their conversion to
//! [`Diagnostic`]s.
//!
//! An analysis error is not a Python exception: `try`/`except` does not catch it. It
//! stops the top-level statement it happened in; a call that failed because of what its
//! body did becomes [`ErrorKind::UnsafeCall`] with the inner error as its cause, so the
//! diagnostic points at the module-level call and labels the place inside.

use crate::diagnostics::{Code, Diagnostic, Label, Span, codes};

/// What went wrong, with the fields of its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    UnknownAttribute {
        value: String,
        attr: String,
    },
    UnknownCall {
        value: String,
    },
    UnknownBinaryOp {
        left: String,
        op: String,
        right: String,
    },
    UnknownUnaryOp {
        op: String,
        value: String,
    },
    UnknownIndex {
        value: String,
        index: String,
    },
    UnknownBool {
        value: String,
    },
    UnknownIteration {
        value: String,
    },
    UnsafeCall {
        callee: String,
    },
    ModifyImport {
        object: String,
        owner: String,
        caller: String,
    },
    Immutable {
        attr: String,
        kind: &'static str,
        name: String,
    },
    UnsafeBaseClass {
        value: String,
    },
    StarImport {
        module: String,
    },
    ImportDisallowed {
        context: &'static str,
    },
    Unsupported {
        op: String,
        ty: String,
    },
    FailedToUnpack {
        count: usize,
    },
    Coroutine {
        func: String,
    },
    ProhibitedBuiltin {
        name: String,
    },
    ClassConflict {
        names: String,
    },
    Unhandled {
        exception: String,
    },
    BadStrictFlag {
        problem: String,
    },
    TooManyIterations,
}

impl ErrorKind {
    pub(crate) fn code(&self) -> Code {
        match self {
            ErrorKind::UnknownAttribute { .. } => codes::STRICT_UNKNOWN_ATTRIBUTE,
            ErrorKind::UnknownCall { .. } => codes::STRICT_UNKNOWN_CALL,
            ErrorKind::UnknownBinaryOp { .. } => codes::STRICT_UNKNOWN_BINARY_OP,
            ErrorKind::UnknownUnaryOp { .. } => codes::STRICT_UNKNOWN_UNARY_OP,
            ErrorKind::UnknownIndex { .. } => codes::STRICT_UNKNOWN_INDEX,
            ErrorKind::UnknownBool { .. } => codes::STRICT_UNKNOWN_BOOL,
            ErrorKind::UnknownIteration { .. } => codes::STRICT_UNKNOWN_ITERATION,
            ErrorKind::UnsafeCall { .. } => codes::STRICT_UNSAFE_CALL,
            ErrorKind::ModifyImport { .. } => codes::STRICT_MODIFY_IMPORT,
            ErrorKind::Immutable { .. } => codes::STRICT_IMMUTABLE,
            ErrorKind::UnsafeBaseClass { .. } => codes::STRICT_UNSAFE_BASE_CLASS,
            ErrorKind::StarImport { .. } => codes::STRICT_STAR_IMPORT,
            ErrorKind::ImportDisallowed { .. } => codes::STRICT_IMPORT_DISALLOWED,
            ErrorKind::Unsupported { .. } => codes::STRICT_UNSUPPORTED,
            ErrorKind::FailedToUnpack { .. } => codes::STRICT_FAILED_TO_UNPACK,
            ErrorKind::Coroutine { .. } => codes::STRICT_COROUTINE,
            ErrorKind::ProhibitedBuiltin { .. } => codes::STRICT_PROHIBITED_BUILTIN,
            ErrorKind::ClassConflict { .. } => codes::STRICT_CLASS_CONFLICT,
            ErrorKind::Unhandled { .. } => codes::STRICT_UNHANDLED_EXCEPTION,
            ErrorKind::BadStrictFlag { .. } => codes::STRICT_BAD_FLAG,
            ErrorKind::TooManyIterations => codes::STRICT_TOO_MANY_ITERATIONS,
        }
    }

    /// The message, in Cinder's wording.
    pub(crate) fn message(&self) -> String {
        match self {
            ErrorKind::UnknownAttribute { value, attr } => format!(
                "Module-level attribute access on non-strict value '{value}.{attr}' is prohibited."
            ),
            ErrorKind::UnknownCall { value } => {
                format!("Module-level call of non-strict value '{value}()' is prohibited.")
            }
            ErrorKind::UnknownBinaryOp { left, op, right } => format!(
                "Module-level binary operation on non-strict value '{left} {op} {right}' is prohibited."
            ),
            ErrorKind::UnknownUnaryOp { op, value } => format!(
                "Module-level unary operation on non-strict value '{op} {value}' is prohibited."
            ),
            ErrorKind::UnknownIndex { value, index } => format!(
                "Module-level index into non-strict value '{value}[{index}]' is prohibited."
            ),
            ErrorKind::UnknownBool { value } => format!(
                "Module-level conversion to bool on non-strict value '{value}' is prohibited."
            ),
            // Cinder's format has no closing quote; kept as it is.
            ErrorKind::UnknownIteration { value } => {
                format!("Attempt to iterate over non-iterable object: '{value}")
            }
            ErrorKind::UnsafeCall { callee } => {
                format!(
                    "Call '{callee}()' may have side effects and is prohibited at module level."
                )
            }
            ErrorKind::ModifyImport {
                object,
                owner,
                caller,
            } => {
                format!("{object} from module {owner} is modified by {caller}; this is prohibited.")
            }
            ErrorKind::Immutable { attr, kind, name } => {
                format!("can't set attribute {attr} of immutable {kind} '{name}'")
            }
            ErrorKind::UnsafeBaseClass { value } => format!("'{value}' is not a valid base class"),
            ErrorKind::StarImport { module } => format!("cannot import * from {module}"),
            ErrorKind::ImportDisallowed { context } => {
                format!("import statements in {context} is disallowed")
            }
            ErrorKind::Unsupported { op, ty } => {
                format!("Operation '{op}' on type '{ty}' is unsupported")
            }
            ErrorKind::FailedToUnpack { count } => {
                format!("failed to unpack rhs into {count} variables")
            }
            ErrorKind::Coroutine { func } => {
                format!("coroutines function {func} with yield expressions are not supported.")
            }
            ErrorKind::ProhibitedBuiltin { name } => {
                format!("Call to built-in '{name}' is prohibited at module level.")
            }
            ErrorKind::ClassConflict { names } => {
                format!("Class member conflicts with instance member: {names}")
            }
            ErrorKind::Unhandled { exception } => {
                format!(
                    "StrictModuleUnhandledException({exception}): an exception escapes the module's top level"
                )
            }
            ErrorKind::BadStrictFlag { problem } => format!("bad strict flag: {problem}"),
            ErrorKind::TooManyIterations => "too many iterations".to_string(),
        }
    }
}

/// An analysis error at a place: `path` is `None` in the analysed file itself, or the path
/// of the imported strict module whose code failed during a call.
#[derive(Clone, Debug)]
pub(crate) struct StrictError {
    pub kind: ErrorKind,
    pub path: Option<String>,
    pub span: Span,
    pub cause: Option<Box<StrictError>>,
}

impl StrictError {
    pub(crate) fn new(kind: ErrorKind, path: Option<String>, span: Span) -> Self {
        Self {
            kind,
            path,
            span,
            cause: None,
        }
    }

    /// The diagnostic: this error's place and message, its chain of causes as labels.
    /// An error whose own place is in another file is reported at `fallback` (the
    /// module-level statement that led there) with its place as a label.
    pub(crate) fn into_diagnostic(self, fallback: Span) -> Diagnostic {
        let span = if self.path.is_none() {
            self.span
        } else {
            fallback
        };
        let mut diag = Diagnostic::new(self.kind.code(), span, self.kind.message());
        if self.path.is_some() {
            diag.labels.push(Label {
                path: self.path.clone(),
                span: self.span,
                message: self.kind.message(),
            });
        }
        let mut cause = self.cause;
        while let Some(inner) = cause {
            diag.labels.push(Label {
                path: inner.path.clone(),
                span: inner.span,
                message: inner.kind.message(),
            });
            cause = inner.cause;
        }
        diag
    }
}
