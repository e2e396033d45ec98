//! Errors raised inside the runtime.
//!
//! Low-level code (the object model, builtins) reports a Python exception as a [`PyErr`] without
//! needing the class objects: `PyErr::new(ExcKind::TypeError, "...")` is turned into a real
//! exception instance by the interpreter when Python code can observe it (an `except` clause,
//! a traceback). Exceptions raised by Python code are already instances (`PyErr::Obj`).

use std::rc::Rc;

use super::{PyStr, Value};

macro_rules! exc_kinds {
    ($($name:ident : $base:ident),* $(,)?) => {
        /// The built-in exception classes, in creation order (each after its base).
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        #[allow(clippy::enum_variant_names)]
        pub enum ExcKind { $($name),* }

        impl ExcKind {
            pub const ALL: &'static [ExcKind] = &[$(ExcKind::$name),*];
            pub fn name(self) -> &'static str {
                match self { $(ExcKind::$name => stringify!($name)),* }
            }
            /// The base class; `BaseException` is its own base.
            pub fn base(self) -> ExcKind {
                match self { $(ExcKind::$name => ExcKind::$base),* }
            }
        }
    };
}

exc_kinds! {
    BaseException: BaseException,
    SystemExit: BaseException,
    KeyboardInterrupt: BaseException,
    GeneratorExit: BaseException,
    Exception: BaseException,
    StopIteration: Exception,
    StopAsyncIteration: Exception,
    ArithmeticError: Exception,
    FloatingPointError: ArithmeticError,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    FileNotFoundError: OSError,
    FileExistsError: OSError,
    PermissionError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    TimeoutError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    Warning: Exception,
    UserWarning: Warning,
    DeprecationWarning: Warning,
    PendingDeprecationWarning: Warning,
    RuntimeWarning: Warning,
    SyntaxWarning: Warning,
    FutureWarning: Warning,
    ImportWarning: Warning,
    UnicodeWarning: Warning,
    BytesWarning: Warning,
    ResourceWarning: Warning,
    EncodingWarning: Warning,
}

/// One line of a traceback: where a frame was when the exception passed through it.
#[derive(Clone)]
pub struct TraceEntry {
    pub filename: Rc<PyStr>,
    pub name: Rc<PyStr>,
    pub lineno: i32,
    /// (start line, end line, start column, end column) of the instruction, when known.
    pub span: Option<(i32, i32, i32, i32)>,
}

/// A raised exception.
pub enum PyErr {
    /// A built-in exception not yet materialised: its class and its single message argument.
    Lazy(ExcKind, Value),
    /// An exception instance.
    Obj(Value),
}

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> PyErr {
        PyErr::Lazy(kind, Value::from_string(msg.into()))
    }

    /// An exception whose `args` is `()` (e.g. a bare `StopIteration`).
    pub fn bare(kind: ExcKind) -> PyErr {
        PyErr::Lazy(kind, Value::Null)
    }

    /// An exception with one arbitrary argument (`KeyError(key)`, `StopIteration(value)`).
    pub fn with_arg(kind: ExcKind, arg: Value) -> PyErr {
        PyErr::Lazy(kind, arg)
    }

    pub fn type_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::TypeError, msg)
    }

    pub fn value_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ValueError, msg)
    }

    pub fn index_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::IndexError, msg)
    }

    pub fn attribute_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::AttributeError, msg)
    }

    /// Whether this is a (possibly lazy) exception of exactly this built-in kind.
    pub fn is_lazy(&self, kind: ExcKind) -> bool {
        matches!(self, PyErr::Lazy(k, _) if *k == kind)
    }
}
