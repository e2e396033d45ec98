//! Iteration: `iter()`, `next()` on native iterators and user iterators, generators
//! (`send`, `throw`, `close`), and collecting an iterable into a vector.

use std::cell::RefCell;
use std::rc::Rc;

use super::Interp;
use super::eval::Exit;
use crate::object::{ExcKind, Generator, NativeIter, PyDict, PyErr, PyResult, Value};

impl Interp {
    /// `iter(v)`.
    pub fn get_iter(&mut self, v: Value) -> PyResult<Value> {
        let it = match v {
            Value::List(_) | Value::Tuple(_) | Value::Bytes(_) | Value::ByteArray(_) => {
                NativeIter::Seq { seq: v, index: 0 }
            }
            Value::Range(r) => NativeIter::Range {
                next: r.start,
                stop: r.stop,
                step: r.step,
            },
            Value::Str(s) => NativeIter::Str { s, byte: 0 },
            Value::Dict(d) | Value::Set(d) | Value::FrozenSet(d) => NativeIter::DictKeys {
                dict: d,
                index: 0,
                kind: 0,
            },
            Value::Iter(_) | Value::Generator(_) => return Ok(v),
            Value::View(view) => NativeIter::DictKeys {
                dict: view.0.clone(),
                index: 0,
                kind: view.1,
            },
            Value::Instance(ref inst) => {
                let klass = inst.class();
                if let Some(m) = klass.lookup(&self.names.iter.clone())
                    && !matches!(m, Value::Builtin(_))
                {
                    let it = self.call_value(&m, std::slice::from_ref(&v), None)?;
                    let itk = self.types.type_of(&it);
                    if !matches!(it, Value::Iter(_) | Value::Generator(_))
                        && itk.lookup(&self.names.next.clone()).is_none()
                    {
                        return Err(PyErr::type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            itk.name()
                        )));
                    }
                    return Ok(it);
                }
                if let Some(inner) = super::compare::unwrap_base(&v) {
                    return self.get_iter(inner);
                }
                if klass.lookup(&self.names.getitem.clone()).is_some() {
                    NativeIter::Seq {
                        seq: v.clone(),
                        index: 0,
                    }
                } else {
                    return Err(PyErr::type_error(format!(
                        "'{}' object is not iterable",
                        klass.name()
                    )));
                }
            }
            // A class whose metaclass defines `__iter__` (enum classes).
            Value::Class(ref k)
                if let Some(meta) = k.metaclass.borrow().clone()
                    && let Some(m) = meta.lookup(&self.names.iter.clone())
                    && !matches!(m, Value::Builtin(_)) =>
            {
                return self.call_value(&m, std::slice::from_ref(&v), None);
            }
            other => {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not iterable",
                    self.types.type_of(&other).name()
                )));
            }
        };
        Ok(Value::Iter(Rc::new(RefCell::new(it))))
    }

    /// `next(it)`, with exhaustion as `None` (no `StopIteration` object is created).
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(cell) => {
                // Fast paths that need no call back into Python.
                {
                    let mut state = cell.borrow_mut();
                    match &mut *state {
                        NativeIter::Range { next, stop, step } => {
                            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                                let v = *next;
                                *next += *step;
                                return Ok(Some(Value::Int(v)));
                            }
                            return Ok(None);
                        }
                        NativeIter::Seq {
                            seq: Value::List(l),
                            index,
                        } => {
                            let v = l.borrow().get(*index).cloned();
                            *index += 1;
                            return Ok(v);
                        }
                        NativeIter::Seq {
                            seq: Value::Tuple(t),
                            index,
                        } => {
                            let v = t.get(*index).cloned();
                            *index += 1;
                            return Ok(v);
                        }
                        NativeIter::Str { s, byte } => {
                            let rest = s.as_str().get(*byte..).unwrap_or("");
                            return Ok(rest.chars().next().map(|c| {
                                *byte += c.len_utf8();
                                Value::from_string(c.to_string())
                            }));
                        }
                        NativeIter::Values { items, index } => {
                            let v = items.get(*index).cloned();
                            *index += 1;
                            return Ok(v);
                        }
                        _ => {}
                    }
                }
                crate::builtins::iter_next_slow(self, cell)
            }
            Value::Generator(g) => match self.resume(g, Value::None, None)? {
                Ok(v) => Ok(Some(v)),
                Err(_) => Ok(None),
            },
            other => {
                let klass = self.types.type_of(other);
                match klass.lookup(&self.names.next.clone()) {
                    Some(m) => match self.call_value(&m, std::slice::from_ref(other), None) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if self.err_is(&e, ExcKind::StopIteration) => Ok(None),
                        Err(e) => Err(e),
                    },
                    None => Err(PyErr::type_error(format!(
                        "'{}' object is not an iterator",
                        klass.name()
                    ))),
                }
            }
        }
    }

    /// Drains an iterable into a vector.
    pub fn collect(&mut self, v: Value) -> PyResult<Vec<Value>> {
        match &v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok((**t).clone()),
            Value::Dict(d) | Value::Set(d) | Value::FrozenSet(d) => return Ok(d.keys()),
            Value::View(view) => return Ok(crate::builtins::view_items(&view.0, view.1)),
            _ => {}
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// Resumes a generator with `value` (or throws `exc` into it). `Ok(Ok(v))`: it yielded `v`;
    /// `Ok(Err(v))`: it returned `v`.
    pub fn resume(
        &mut self,
        g: &Rc<Generator>,
        value: Value,
        exc: Option<PyErr>,
    ) -> PyResult<Result<Value, Value>> {
        if g.running.get() {
            return Err(PyErr::value_error("generator already executing"));
        }
        let Some(mut frame) = g.frame.borrow_mut().take() else {
            if let Some(exc) = exc {
                return Err(exc);
            }
            return Ok(Err(Value::None));
        };
        if exc.is_none() {
            frame.stack.push(value);
        }
        if self.depth >= self.recursion_limit {
            *g.frame.borrow_mut() = Some(frame);
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        g.running.set(true);
        self.depth += 1;
        let saved_exc = std::mem::replace(&mut self.exc_info, Value::None);
        let result = self.eval(&mut frame, exc);
        self.exc_info = saved_exc;
        self.depth -= 1;
        g.running.set(false);
        match result {
            Ok(Exit::Yield(v)) => {
                *g.frame.borrow_mut() = Some(frame);
                Ok(Ok(v))
            }
            Ok(Exit::Return(v)) => Ok(Err(v)),
            Ok(Exit::Generator) => Err(PyErr::new(ExcKind::SystemError, "generator restarted")),
            Err(e) => {
                // A StopIteration escaping a generator becomes RuntimeError (PEP 479).
                if self.err_is(&e, ExcKind::StopIteration) {
                    let cause = self.materialize(e);
                    let err = self.materialize(PyErr::new(
                        ExcKind::RuntimeError,
                        "generator raised StopIteration",
                    ));
                    if let Value::Instance(inst) = &err
                        && let Some(d) = &inst.dict
                    {
                        d.set_item("__cause__", cause.clone());
                        d.set_item("__context__", cause);
                    }
                    return Err(PyErr::Obj(err));
                }
                Err(e)
            }
        }
    }

    /// `SEND`: `Ok(yielded)` or `Err(returned)`.
    pub fn send(&mut self, receiver: &Value, value: Value) -> PyResult<Result<Value, Value>> {
        match receiver {
            Value::Generator(g) => self.resume(g, value, None),
            _ => {
                let r = if value.is_none() {
                    self.next(receiver)?.ok_or(()).map_err(|_| Value::None)
                } else {
                    match self.call_method(receiver, "send", &[value]) {
                        Ok(v) => Ok(v),
                        Err(e) if self.err_is(&e, ExcKind::StopIteration) => {
                            let exc = self.materialize(e);
                            Err(self.stop_iteration_value(&exc))
                        }
                        Err(e) => return Err(e),
                    }
                };
                Ok(r)
            }
        }
    }

    pub(crate) fn stop_iteration_value(&self, exc: &Value) -> Value {
        if let Value::Instance(inst) = exc
            && let Value::Tuple(args) = &*inst.base_value.borrow()
        {
            return args.first().cloned().unwrap_or(Value::None);
        }
        Value::None
    }

    /// `dict.update(other)` / `DICT_MERGE` (`func` set: duplicate keys are an error).
    pub fn dict_update(
        &mut self,
        d: &Rc<PyDict>,
        other: Value,
        func: Option<Value>,
    ) -> PyResult<()> {
        match &other {
            Value::Dict(src) => {
                for (k, v) in src.map.borrow().clone() {
                    if func.is_some() && d.contains(&k) {
                        return Err(self.duplicate_kwarg(func.as_ref(), &k.value));
                    }
                    d.set(k, v);
                }
                Ok(())
            }
            _ => {
                let has_keys = self.get_attr_opt(&other, &Value::str("keys"))?;
                if let Some(keys) = has_keys {
                    let keys = self.call_value(&keys, &[], None)?;
                    for k in self.collect(keys)? {
                        let v = self.get_item(&other, k.clone())?;
                        let key = self.make_key(k)?;
                        if func.is_some() && d.contains(&key) {
                            return Err(self.duplicate_kwarg(func.as_ref(), &key.value));
                        }
                        d.set(key, v);
                    }
                    return Ok(());
                }
                if func.is_some() {
                    return Err(PyErr::type_error(format!(
                        "argument after ** must be a mapping, not {}",
                        self.types.type_of(&other).name()
                    )));
                }
                for (i, item) in self.collect(other)?.into_iter().enumerate() {
                    let pair = self.collect(item)?;
                    if pair.len() != 2 {
                        return Err(PyErr::value_error(format!(
                            "dictionary update sequence element #{i} has length {}; 2 is required",
                            pair.len()
                        )));
                    }
                    let mut pair = pair.into_iter();
                    let (Some(k), Some(v)) = (pair.next(), pair.next()) else {
                        continue;
                    };
                    let key = self.make_key(k)?;
                    d.set(key, v);
                }
                Ok(())
            }
        }
    }

    fn duplicate_kwarg(&mut self, func: Option<&Value>, key: &Value) -> PyErr {
        let name = match func {
            Some(Value::Function(f)) => format!("{}()", f.qualname.borrow().as_str()),
            Some(Value::Builtin(b)) => format!("{}()", b.name),
            _ => "function".into(),
        };
        let k = key.as_str().map_or("?", |s| s.as_str());
        PyErr::type_error(format!(
            "{name} got multiple values for keyword argument '{k}'"
        ))
    }
}

/// Makes a native iterator value.
pub fn native_iter(it: NativeIter) -> Value {
    Value::Iter(Rc::new(RefCell::new(it)))
}
