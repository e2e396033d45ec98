//! The interpreter state: types, `builtins`, `sys.modules`, the handled exception, output.

use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;

use cinder_codegen::format::code_object::CodeObject;

use super::Types;
use crate::object::{PyDict, PyErr, PyResult, PyStr, Value, new_dict};

/// What the source handed to the compile hook is: a module, an expression, or a single statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileMode {
    Exec,
    Eval,
    Single,
}

/// Compiles source text to a code object: `(source, filename, mode)`. The CLI installs it; the
/// runtime never parses. An `Err` carries a `SyntaxError` message.
pub type CompileHook = Box<dyn Fn(&str, &str, CompileMode) -> Result<CodeObject, String>>;

/// How the program is run.
#[derive(Default)]
pub struct RunConfig {
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Module search path, in order (script folder, `PYTHONPATH`, the standard library).
    pub path: Vec<PathBuf>,
    /// Where CPython 3.11's standard library lives, if known.
    pub stdlib: Option<PathBuf>,
}

pub struct Interp {
    pub types: Types,
    /// Emptied value vectors of finished frames, reused for the locals and value stacks of
    /// new ones (a call then allocates nothing in the common case).
    pub(crate) spare_vecs: Vec<Vec<Value>>,
    pub builtins: Rc<PyDict>,
    /// `sys.modules`.
    pub modules: Rc<PyDict>,
    /// The exception being handled (`sys.exc_info()`), or `None`.
    pub exc_info: Value,
    pub depth: usize,
    pub recursion_limit: usize,
    pub compile_hook: Option<CompileHook>,
    pub config: RunConfig,
    pub out: std::io::BufWriter<std::io::Stdout>,
    /// `sys.path` as a Python list (shared with the `sys` module).
    pub sys_path: Value,
    pub(crate) names: Names,
    /// Set by `RERAISE` and bare `raise`: the exception keeps its traceback as it is.
    pub(crate) reraising: bool,
    /// The instruction a `RERAISE` ran at, for the exception-table lookup.
    pub(crate) reraise_pc: Option<usize>,
    /// Containers being printed by `repr` (to print `[...]` for cycles).
    pub(crate) repr_stack: Vec<i64>,
}

/// Interned attribute names the runtime looks up often.
#[allow(dead_code)] // Interned ahead of the dispatch caches that will read them.
pub(crate) struct Names {
    pub init: Value,
    pub new: Value,
    pub call: Value,
    pub repr: Value,
    pub str_: Value,
    pub getattr: Value,
    pub getattribute: Value,
    pub setattr: Value,
    pub get: Value,
    pub set: Value,
    pub iter: Value,
    pub next: Value,
    pub len: Value,
    pub bool_: Value,
    pub hash: Value,
    pub eq: Value,
    pub contains: Value,
    pub getitem: Value,
    pub setitem: Value,
    pub delitem: Value,
    pub enter: Value,
    pub exit: Value,
    pub name: Value,
    pub module: Value,
    pub qualname: Value,
    pub class: Value,
    pub dict: Value,
    pub doc: Value,
    pub init_subclass: Value,
    pub set_name: Value,
    pub class_getitem: Value,
    pub index: Value,
    pub missing: Value,
    pub builtins: Value,
}

impl Names {
    fn new() -> Names {
        let s = |n: &str| Value::Str(PyStr::intern(n));
        Names {
            init: s("__init__"),
            new: s("__new__"),
            call: s("__call__"),
            repr: s("__repr__"),
            str_: s("__str__"),
            getattr: s("__getattr__"),
            getattribute: s("__getattribute__"),
            setattr: s("__setattr__"),
            get: s("__get__"),
            set: s("__set__"),
            iter: s("__iter__"),
            next: s("__next__"),
            len: s("__len__"),
            bool_: s("__bool__"),
            hash: s("__hash__"),
            eq: s("__eq__"),
            contains: s("__contains__"),
            getitem: s("__getitem__"),
            setitem: s("__setitem__"),
            delitem: s("__delitem__"),
            enter: s("__enter__"),
            exit: s("__exit__"),
            name: s("__name__"),
            module: s("__module__"),
            qualname: s("__qualname__"),
            class: s("__class__"),
            dict: s("__dict__"),
            doc: s("__doc__"),
            init_subclass: s("__init_subclass__"),
            set_name: s("__set_name__"),
            class_getitem: s("__class_getitem__"),
            index: s("__index__"),
            missing: s("__missing__"),
            builtins: s("__builtins__"),
        }
    }
}

impl Interp {
    pub fn new(config: RunConfig) -> Interp {
        let sys_path = Value::list(
            config
                .path
                .iter()
                .map(|p| Value::from_string(p.to_string_lossy().into_owned()))
                .collect(),
        );
        let mut interp = Interp {
            types: Types::new(),
            builtins: new_dict(),
            modules: new_dict(),
            exc_info: Value::None,
            depth: 0,
            recursion_limit: 1000,
            compile_hook: None,
            config,
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
            sys_path,
            names: Names::new(),
            reraising: false,
            reraise_pc: None,
            repr_stack: Vec::new(),
            spare_vecs: Vec::new(),
        };
        crate::builtins::install(&mut interp);
        interp
    }

    pub fn set_compile_hook(&mut self, hook: CompileHook) {
        self.compile_hook = Some(hook);
    }

    /// Writes program output (buffered; flushed before anything goes to stderr and at exit).
    pub fn write_out(&mut self, text: &str) {
        let _ = self.out.write_all(text.as_bytes());
    }

    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }

    pub fn builtin(&self, name: &str) -> Option<Value> {
        self.builtins.get_item(name)
    }

    /// Interns nothing yet: returns a fresh `str` value (names in code objects are shared).
    pub fn name(&self, s: &str) -> Value {
        Value::Str(PyStr::new(s))
    }

    pub fn err<T>(&self, e: PyErr) -> PyResult<T> {
        Err(e)
    }
}
