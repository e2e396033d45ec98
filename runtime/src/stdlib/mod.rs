//! Native stand-ins for the C accelerator modules of CPython 3.11's standard library
//! (`_random`, `_weakref`, `_collections`, `_thread`, ...) and the `sys` attributes that the
//! pure-Python stdlib reads at import time.
//!
//! Input: a module name asked for by `import`. Output: the module object ([`lookup`]), or
//! `None` when the name is not one of ours (then the import searches `sys.path`, and the
//! stdlib's pure-Python fallback is taken where CPython has one: `_heapq`, `_bisect`,
//! `_functools`, `_operator`).
//!
//! Each module is a file here. Hot numeric kernels (the Mersenne Twister) are Rust; types whose
//! behaviour is mostly protocol plumbing (`deque`, `defaultdict`, `ref`) are written as small
//! Python classes compiled through the runtime's compile hook, on top of native helpers.

mod abc;
mod collections;
mod fileio;
mod io;
mod itertools;
mod random;
mod thread;
mod types;
mod weakref;

use std::rc::Rc;

use crate::interp::{CompileMode, Interp};
use crate::object::{Module, PyDict, Value};

/// The module `name` if it is one this folder provides.
pub fn lookup(interp: &mut Interp, name: &str) -> Option<Value> {
    match name {
        "_random" => random::module(interp),
        "_weakref" => weakref::module(interp),
        "_collections" => collections::module(interp),
        "_thread" => thread::module(interp),
        "_abc" => abc::module(interp),
        "types" => types::module(interp),
        "_cinder_io" => fileio::module(interp),
        "io" => io::module(interp),
        _ => crate::static_rt::module(interp, name),
    }
}

pub use itertools::add_to as itertools_extras;

/// Adds the `sys` attributes that stdlib modules read at import time.
pub fn sys_extras(interp: &mut Interp, d: &PyDict) {
    d.set_item("warnoptions", Value::list(Vec::new()));
    d.set_item("flags", Value::None);
    d.set_item("implementation", Value::None);
    d.set_item("_git", Value::tuple(vec![]));
    let builtin_names = [
        "_abc",
        "_collections",
        "_random",
        "_thread",
        "_weakref",
        "builtins",
    ]
    .iter()
    .chain(["gc", "itertools", "math", "sys", "time"].iter())
    .map(|n| Value::str(n))
    .collect();
    d.set_item("builtin_module_names", Value::tuple(builtin_names));
    let module = interp.new_module("sys", None);
    let src = SYS_EXTRAS;
    if run_source(interp, &module, src, "<sys>").is_ok() {
        for key in ["implementation", "flags"] {
            if let Some(v) = module.dict.get_item(key) {
                d.set_item(key, v);
            }
        }
    }
}

const SYS_EXTRAS: &str = r#"
class SimpleNamespace:
    def __init__(self, /, **kwargs):
        self.__dict__.update(kwargs)
    def __repr__(self):
        items = (f"{k}={v!r}" for k, v in self.__dict__.items())
        return "{}({})".format("namespace", ", ".join(items))
    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented
SimpleNamespace.__module__ = "types"
implementation = SimpleNamespace(name="cpython", cache_tag="cpython-311", version=(3, 11, 7, "final", 0), hexversion=0x030b07f0)
class _Flags(tuple):
    pass
flags = _Flags((0,) * 18)
for _i, _n in enumerate(["debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
        "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet",
        "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding",
        "safe_path", "int_max_str_digits"]):
    setattr(_Flags, _n, property(lambda self, _i=_i: self[_i]))
"#;

/// Runs `src` as the body of `module`; errors are kept (the caller decides).
fn run_source(
    interp: &mut Interp,
    module: &Rc<Module>,
    src: &str,
    filename: &str,
) -> Result<(), crate::object::PyErr> {
    let code = interp.compile_source(src, filename, CompileMode::Exec)?;
    interp.exec_code(code, module.dict.clone(), None)?;
    Ok(())
}

/// A module whose body is Python source (after `setup` has put native helpers in its dict).
/// A body that fails to run leaves the module unavailable, so the importer sees
/// `ModuleNotFoundError` and the stdlib takes its fallback; `CINDER_DEBUG_STDLIB` prints why.
pub(crate) fn py_module(
    interp: &mut Interp,
    name: &str,
    src: &str,
    setup: impl FnOnce(&PyDict),
) -> Option<Value> {
    let module = interp.new_module(name, None);
    setup(&module.dict);
    match run_source(interp, &module, src, &format!("<{name}>")) {
        Ok(()) => Some(Value::Module(module)),
        Err(err) => {
            if std::env::var_os("CINDER_DEBUG_STDLIB").is_some() {
                let exc = interp.materialize(err);
                let text = interp.format_exception(&exc);
                eprintln!("cinder: native module {name} failed to initialise:\n{text}");
            }
            None
        }
    }
}
