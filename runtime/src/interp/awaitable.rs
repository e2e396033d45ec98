//! The coroutine protocol of the eval loop: `GET_AWAITABLE`, `BEFORE_ASYNC_WITH`, `GET_AITER`,
//! `GET_ANEXT` and `END_ASYNC_FOR`.
//!
//! Input: the operand values from the frame's stack. Output: the iterator that `SEND` drives
//! (a coroutine, a generator, or what `__await__` returned) or CPython's `TypeError`.

use crate::object::{ExcKind, GenKind, PyErr, PyResult, Value};

use super::Interp;

impl Interp {
    /// `GET_AWAITABLE where`: `where` is 1 after `__aenter__`, 2 after `__aexit__`, else 0.
    pub(crate) fn get_awaitable(&mut self, v: Value, place: u32) -> PyResult<Value> {
        // Generators are accepted as well as coroutines: `types.coroutine` here returns the
        // generator function unchanged, so generator-based coroutines are not flagged.
        if matches!(v, Value::Generator(_)) {
            return Ok(v);
        }
        let klass = self.types.type_of(&v);
        let Some(method) = klass.lookup_str("__await__") else {
            return Err(PyErr::type_error(match place {
                1 => format!(
                    "'async with' received an object from __aenter__ that does not implement __await__: {}",
                    klass.name()
                ),
                2 => format!(
                    "'async with' received an object from __aexit__ that does not implement __await__: {}",
                    klass.name()
                ),
                _ => format!(
                    "object {} can't be used in 'await' expression",
                    klass.name()
                ),
            }));
        };
        let bound = self.bind(method, &v, &klass)?;
        let it = self.call_value(&bound, &[], None)?;
        match &it {
            Value::Generator(g) if g.kind == GenKind::Coroutine => {
                Err(PyErr::type_error("__await__() returned a coroutine"))
            }
            Value::Generator(_) | Value::Iter(_) => Ok(it),
            _ => {
                let it_class = self.types.type_of(&it);
                if it_class.lookup_str("__next__").is_some() {
                    Ok(it)
                } else {
                    Err(PyErr::type_error(format!(
                        "__await__() returned non-iterator of type '{}'",
                        it_class.name()
                    )))
                }
            }
        }
    }

    /// `BEFORE_ASYNC_WITH`: (bound `__aexit__`, the result of `__aenter__()`).
    pub(crate) fn before_async_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let klass = self.types.type_of(mgr);
        let (Some(enter), Some(exit)) = (
            klass.lookup_str("__aenter__"),
            klass.lookup_str("__aexit__"),
        ) else {
            return Err(PyErr::type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol",
                klass.name()
            )));
        };
        let exit = self.bind(exit, mgr, &klass)?;
        let enter = self.bind(enter, mgr, &klass)?;
        let r = self.call_value(&enter, &[], None)?;
        Ok((exit, r))
    }

    /// `GET_AITER`: `obj.__aiter__()`, checked to have `__anext__`.
    pub(crate) fn get_aiter(&mut self, obj: &Value) -> PyResult<Value> {
        let klass = self.types.type_of(obj);
        let Some(method) = klass.lookup_str("__aiter__") else {
            return Err(PyErr::type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                klass.name()
            )));
        };
        let bound = self.bind(method, obj, &klass)?;
        let it = self.call_value(&bound, &[], None)?;
        let it_class = self.types.type_of(&it);
        if it_class.lookup_str("__anext__").is_none() {
            return Err(PyErr::type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                it_class.name()
            )));
        }
        Ok(it)
    }

    /// `GET_ANEXT`: the awaitable of `aiter.__anext__()`.
    pub(crate) fn get_anext(&mut self, aiter: &Value) -> PyResult<Value> {
        let klass = self.types.type_of(aiter);
        let Some(method) = klass.lookup_str("__anext__") else {
            return Err(PyErr::type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                klass.name()
            )));
        };
        let bound = self.bind(method, aiter, &klass)?;
        let r = self.call_value(&bound, &[], None)?;
        match self.get_awaitable(r.clone(), 0) {
            Ok(a) => Ok(a),
            Err(e) if self.err_is(&e, ExcKind::TypeError) => Err(PyErr::type_error(format!(
                "'async for' received an invalid object from __anext__: {}",
                self.types.type_of(&r).name()
            ))),
            Err(e) => Err(e),
        }
    }

    /// `END_ASYNC_FOR`: whether `exc` ends the loop (`StopAsyncIteration`); else re-raise it.
    pub(crate) fn ends_async_for(&mut self, exc: &Value) -> PyResult<bool> {
        let stop = Value::Class(self.types.exc(ExcKind::StopAsyncIteration).clone());
        self.exception_matches(exc, &stop)
    }
}
