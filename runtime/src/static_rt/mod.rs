//! Static Python at run time (issue 7): the `__static__` and `__strict__` modules, primitive
//! arithmetic, and (with the static opcodes) checked containers and static class layout.
//!
//! Input: a module name asked for by `import` ([`module`]). Output: the module object.
//! Primitives are never boxed: an integer primitive is a `Value::Int` holding its value
//! normalised to its width (see [`prim`]), `double` is a `Value::Float`, `cbool` a
//! `Value::Bool`, so boxing is the identity except for `uint64` values above `i64::MAX`.

mod array;
pub mod descr;
mod exec;
pub mod layout;
pub mod prim;

use crate::interp::Interp;
use crate::object::Value;

const STATIC_SRC: &str = include_str!("module_src.py");

const COMPILER_FLAGS_SRC: &str = "checked_dicts = True\nchecked_lists = True\n";

const STRICT_SRC: &str = r#"
def _identity(obj):
    return obj


freeze_type = loose_slots = mutable = strict_slots = _identity


def extra_slot(obj, name):
    return obj


def set_freeze_enabled(flag):
    return True


allow_side_effects = object()
"#;

const TYPING_SRC: &str = include_str!("typing_src.py");

/// A stand-in for a standard-library module that failed to import: a small `typing` (static
/// programs import their annotation names from it; the real one needs built-ins this runtime
/// does not have yet). `None` for other modules.
pub fn fallback_module(interp: &mut Interp, name: &str) -> Option<Value> {
    match name {
        "typing" => crate::stdlib::py_module(interp, name, TYPING_SRC, |_| {}),
        _ => None,
    }
}

/// The module `name` if it is `__static__`, one of its submodules, or `__strict__`.
pub fn module(interp: &mut Interp, name: &str) -> Option<Value> {
    if name == "__static__" {
        return crate::stdlib::py_module(interp, name, STATIC_SRC, array::install);
    }
    let src = match name {
        "__static__.compiler_flags" => COMPILER_FLAGS_SRC,
        "__strict__" => STRICT_SRC,
        _ => return None,
    };
    crate::stdlib::py_module(interp, name, src, |_| {})
}
