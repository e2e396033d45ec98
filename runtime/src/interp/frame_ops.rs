//! Helpers of the eval loop's arms that are not on its hot path: name lookups
//! (`LOAD_GLOBAL`, `LOAD_NAME`, `STORE_NAME`), the unbound-variable errors, `MAKE_FUNCTION`,
//! closing generators dropped while suspended, and the built-ins that read the calling frame
//! (`super()`, `globals()`, `locals()`, `vars()`). Input: the running frame; output: the value
//! or effect the instruction needs.

use std::rc::Rc;

use super::{Frame, Interp};
use crate::object::{ExcKind, Function, PyDict, PyErr, PyResult, Value, new_dict};

impl Interp {
    pub(super) fn load_global(&mut self, f: &Frame, name: &Value) -> PyResult<Value> {
        if let Some(v) = f.globals.get_str(name) {
            return Ok(v);
        }
        if let Some(v) = f.builtins.get_str(name) {
            return Ok(v);
        }
        Err(self.name_error(name))
    }

    pub(super) fn load_name(&mut self, f: &Frame, name: &Value) -> PyResult<Value> {
        match &f.names {
            Some(Value::Dict(d)) => {
                if let Some(v) = d.get_str(name) {
                    return Ok(v);
                }
            }
            Some(ns) => {
                let ns = ns.clone();
                match self.get_item(&ns, name.clone()) {
                    Ok(v) => return Ok(v),
                    Err(e) if self.err_is(&e, ExcKind::KeyError) => {}
                    Err(e) => return Err(e),
                }
            }
            None => {}
        }
        self.load_global(f, name)
    }

    pub(super) fn store_name(&mut self, f: &Frame, name: Value, v: Value) -> PyResult<()> {
        match &f.names {
            Some(Value::Dict(d)) => {
                d.set_str(name, v);
                Ok(())
            }
            Some(ns) => {
                let ns = ns.clone();
                self.set_item(&ns, name, v)
            }
            None => {
                f.globals.set_str(name, v);
                Ok(())
            }
        }
    }

    pub(crate) fn name_error(&self, name: &Value) -> PyErr {
        let n = name.as_str().map_or("?", |s| s.as_str());
        PyErr::new(ExcKind::NameError, format!("name '{n}' is not defined"))
    }

    pub(super) fn unbound_local(&self, code: &super::Code, index: usize) -> PyErr {
        let n = code.localsplus_names.get(index).map_or("?", |s| s.as_str());
        PyErr::new(
            ExcKind::UnboundLocalError,
            format!("cannot access local variable '{n}' where it is not associated with a value"),
        )
    }

    pub(super) fn unbound_deref(&self, code: &super::Code, index: usize) -> PyErr {
        let n = code.localsplus_names.get(index).map_or("?", |s| s.as_str());
        if index >= code.free_start {
            PyErr::new(
                ExcKind::NameError,
                format!(
                    "cannot access free variable '{n}' where it is not associated with a value in enclosing scope"
                ),
            )
        } else {
            PyErr::new(
                ExcKind::UnboundLocalError,
                format!(
                    "cannot access local variable '{n}' where it is not associated with a value"
                ),
            )
        }
    }

    pub(super) fn make_function(&mut self, f: &mut Frame, flags: usize) -> PyResult<Value> {
        let code = match pop!(f) {
            Value::Code(c) => c,
            _ => {
                return Err(PyErr::new(
                    ExcKind::SystemError,
                    "MAKE_FUNCTION without a code object",
                ));
            }
        };
        let closure = if flags & 8 != 0 {
            match pop!(f) {
                Value::Tuple(t) => Some(t),
                _ => None,
            }
        } else {
            None
        };
        let annotations = if flags & 4 != 0 { pop!(f) } else { Value::None };
        let kwdefaults = if flags & 2 != 0 {
            match pop!(f) {
                Value::Dict(d) => Some(d),
                _ => None,
            }
        } else {
            None
        };
        let defaults = if flags & 1 != 0 {
            match pop!(f) {
                Value::Tuple(t) => Some(t),
                _ => None,
            }
        } else {
            None
        };
        // CPython 3.11 puts a function's docstring first in its constants (and `None` there
        // when it has none).
        let doc = match code.consts.first() {
            Some(Value::Str(s)) => Value::Str(s.clone()),
            _ => Value::None,
        };
        let module = f.globals.get_item("__name__").unwrap_or(Value::None);
        Ok(Value::Function(Rc::new(Function {
            name: std::cell::RefCell::new(code.name.clone()),
            qualname: std::cell::RefCell::new(code.qualname.clone()),
            globals: f.globals.clone(),
            code,
            defaults: std::cell::RefCell::new(defaults),
            kwdefaults: std::cell::RefCell::new(kwdefaults),
            closure,
            annotations: std::cell::RefCell::new(annotations),
            dict: Rc::new(PyDict::default()),
            doc: std::cell::RefCell::new(doc),
            module,
        })))
    }
}

/// Built-ins that, called without arguments, read the calling frame.
pub(super) const FRAME_BUILTINS: [&str; 4] = ["super", "globals", "locals", "vars"];

impl Interp {
    /// Closes generators that were dropped while suspended in a `try` block.
    pub(super) fn close_pending_generators(&mut self) {
        let pending = crate::object::PENDING_CLOSE.with(|p| {
            if p.borrow().is_empty() {
                Vec::new()
            } else {
                std::mem::take(&mut *p.borrow_mut())
            }
        });
        for frame in pending {
            let g = Rc::new(crate::object::Generator {
                name: frame.code.name.clone(),
                qualname: frame.code.qualname.clone(),
                frame: std::cell::RefCell::new(Some(frame)),
                running: std::cell::Cell::new(false),
                kind: crate::object::GenKind::Generator,
            });
            let exc = self.materialize(PyErr::bare(ExcKind::GeneratorExit));
            // Errors while closing are ignored, as CPython does (it prints them as unraisable).
            let _ = self.resume(&g, Value::None, Some(PyErr::Obj(exc)));
            *g.frame.borrow_mut() = None;
        }
    }

    pub(super) fn frame_builtin(&mut self, f: &Frame, name: &str) -> PyResult<Value> {
        match name {
            "super" => {
                let code = &f.code;
                let class_cell = code
                    .localsplus_names
                    .iter()
                    .position(|n| n.as_str() == "__class__")
                    .and_then(|i| f.locals.get(i));
                let klass = match class_cell {
                    Some(Value::Cell(c)) => c.borrow().clone(),
                    _ => Value::Null,
                };
                let Value::Class(klass) = klass else {
                    return Err(PyErr::new(
                        ExcKind::RuntimeError,
                        "super(): __class__ cell not found",
                    ));
                };
                if code.argcount == 0 {
                    return Err(PyErr::new(ExcKind::RuntimeError, "super(): no arguments"));
                }
                let this = match f.locals.first() {
                    Some(Value::Cell(c)) => c.borrow().clone(),
                    Some(v) => v.clone(),
                    None => Value::Null,
                };
                if this.is_null() {
                    return Err(PyErr::new(ExcKind::RuntimeError, "super(): arg[0] deleted"));
                }
                self.types.super_check(&klass, &this)?;
                Ok(Value::Super(Rc::new((klass, this))))
            }
            "globals" => Ok(Value::Dict(f.globals.clone())),
            _ => match &f.names {
                Some(ns) => Ok(ns.clone()),
                None => {
                    let d = new_dict();
                    for (name, v) in f.code.localsplus_names.iter().zip(&f.locals) {
                        let v = match v {
                            Value::Cell(c) => c.borrow().clone(),
                            other => other.clone(),
                        };
                        if !v.is_null() {
                            d.set_str(Value::Str(name.clone()), v);
                        }
                    }
                    Ok(Value::Dict(d))
                }
            },
        }
    }
}
