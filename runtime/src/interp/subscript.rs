//! Subscripts (`x[i]`, `x[a:b:c]`, assignment and deletion), `len()`, and unpacking.

use std::rc::Rc;

use super::{Frame, Interp};
use crate::object::int::Int;
use crate::object::{ExcKind, PyErr, PyResult, Value};

/// Resolves a Python index against a length (negative indices count from the end).
#[inline]
pub(super) fn norm_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let i = if i < 0 { i + len } else { i };
    if (0..len).contains(&i) {
        Some(i as usize)
    } else {
        None
    }
}

/// `slice.indices(len)`: (start, stop, step) clamped as CPython does.
pub fn slice_indices(interp: &mut Interp, s: &[Value; 3], len: usize) -> PyResult<(i64, i64, i64)> {
    let len = len as i64;
    let get = |interp: &mut Interp, v: &Value| -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            other => Ok(Some(interp.index_of(other)?)),
        }
    };
    let step = get(interp, &s[2])?.unwrap_or(1);
    if step == 0 {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let fix = |v: Option<i64>, default: i64| match v {
        None => default,
        Some(v) if v < 0 => (v + len).max(lower),
        Some(v) => v.min(upper),
    };
    let start = fix(get(interp, &s[0])?, if step < 0 { upper } else { lower });
    let stop = fix(get(interp, &s[1])?, if step < 0 { lower } else { upper });
    Ok((start, stop, step))
}

fn slice_positions(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let mut i = start;
    std::iter::from_fn(move || {
        if (step > 0 && i < stop) || (step < 0 && i > stop) {
            let r = i as usize;
            i += step;
            Some(r)
        } else {
            None
        }
    })
}

impl Interp {
    /// `operator.index(v)` as an `i64`.
    pub fn index_of(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(i64::from(*b)),
            Value::Big(_) => Err(PyErr::index_error(
                "cannot fit 'int' into an index-sized integer",
            )),
            Value::Instance(inst) => {
                if let Some(m) = inst.class().lookup(&self.names.index.clone()) {
                    let r = self.call_value(&m, std::slice::from_ref(v), None)?;
                    return self.index_of(&r);
                }
                let inner = super::compare::unwrap_base(v);
                match inner {
                    Some(i) => self.index_of(&i),
                    None => Err(PyErr::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        inst.class().name()
                    ))),
                }
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.types.type_of(v).name()
            ))),
        }
    }

    fn seq_index(&mut self, index: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match index {
            Value::Int(i) => *i,
            Value::Bool(b) => i64::from(*b),
            Value::Big(_) => {
                return Err(PyErr::index_error(
                    "cannot fit 'int' into an index-sized integer".to_string(),
                ));
            }
            Value::Instance(_) => self.index_of(index)?,
            other => {
                return Err(PyErr::type_error(format!(
                    "{what} indices must be integers or slices, not {}",
                    self.types.type_of(other).name()
                )));
            }
        };
        norm_index(i, len).ok_or_else(|| PyErr::index_error(format!("{what} index out of range")))
    }

    /// `obj[index]`.
    pub fn get_item(&mut self, obj: &Value, index: Value) -> PyResult<Value> {
        match (obj, &index) {
            (Value::List(l), Value::Int(i)) => {
                let l = l.borrow();
                if let Some(i) = norm_index(*i, l.len()) {
                    return Ok(l[i].clone());
                }
                return Err(PyErr::index_error("list index out of range"));
            }
            (Value::Tuple(t), Value::Int(i)) => {
                if let Some(i) = norm_index(*i, t.len()) {
                    return Ok(t[i].clone());
                }
                return Err(PyErr::index_error("tuple index out of range"));
            }
            _ => {}
        }
        match obj {
            Value::Dict(d) => match self.dict_get(d, &index)? {
                Some(v) => Ok(v),
                None => Err(PyErr::with_arg(ExcKind::KeyError, index)),
            },
            Value::List(l) => {
                if let Value::Slice(s) = &index {
                    let items = l.borrow().clone();
                    let (a, b, c) = slice_indices(self, s, items.len())?;
                    return Ok(Value::list(
                        slice_positions(a, b, c).map(|i| items[i].clone()).collect(),
                    ));
                }
                let len = l.borrow().len();
                let i = self.seq_index(&index, len, "list")?;
                l.borrow()
                    .get(i)
                    .cloned()
                    .ok_or_else(|| PyErr::index_error("list index out of range"))
            }
            Value::Tuple(t) => {
                if let Value::Slice(s) = &index {
                    let (a, b, c) = slice_indices(self, s, t.len())?;
                    return Ok(Value::tuple(
                        slice_positions(a, b, c).map(|i| t[i].clone()).collect(),
                    ));
                }
                let i = self.seq_index(&index, t.len(), "tuple")?;
                Ok(t[i].clone())
            }
            Value::Str(s) => {
                if let Value::Slice(sl) = &index {
                    let n = s.char_len();
                    let (a, b, c) = slice_indices(self, sl, n)?;
                    if c == 1 {
                        let (a, b) = (a.max(0) as usize, b.max(a) as usize);
                        let start = s.byte_offset(a);
                        let end = s.byte_offset(b);
                        return Ok(Value::str(s.as_str().get(start..end).unwrap_or("")));
                    }
                    let chars: Vec<char> = s.as_str().chars().collect();
                    return Ok(Value::from_string(
                        slice_positions(a, b, c).map(|i| chars[i]).collect(),
                    ));
                }
                let i = self.seq_index(&index, s.char_len(), "string")?;
                let c = s.char_at(i).unwrap_or(' ');
                Ok(Value::from_string(c.to_string()))
            }
            Value::Bytes(b) => {
                if let Value::Slice(sl) = &index {
                    let (x, y, z) = slice_indices(self, sl, b.len())?;
                    return Ok(Value::Bytes(Rc::new(
                        slice_positions(x, y, z).map(|i| b[i]).collect(),
                    )));
                }
                let i = self.seq_index(&index, b.len(), "index")?;
                Ok(Value::Int(i64::from(b[i])))
            }
            Value::ByteArray(b) => {
                let data = b.borrow().clone();
                if let Value::Slice(sl) = &index {
                    let (x, y, z) = slice_indices(self, sl, data.len())?;
                    return Ok(Value::ByteArray(Rc::new(std::cell::RefCell::new(
                        slice_positions(x, y, z).map(|i| data[i]).collect(),
                    ))));
                }
                let i = self.seq_index(&index, data.len(), "bytearray")?;
                Ok(Value::Int(i64::from(data[i])))
            }
            Value::Range(r) => {
                let len = r.len().max(0) as usize;
                if let Value::Slice(sl) = &index {
                    let (a, b, c) = slice_indices(self, sl, len)?;
                    return Ok(Value::Range(Rc::new(crate::object::Range {
                        start: r.start + a * r.step,
                        stop: r.start + b * r.step,
                        step: r.step * c,
                    })));
                }
                let i = self.seq_index(&index, len, "range object")?;
                Ok(Value::Int(r.start + i as i64 * r.step))
            }
            Value::Instance(inst) => {
                let klass = inst.class();
                if let Some(m) = klass.lookup(&self.names.getitem.clone())
                    && !matches!(&m, Value::Builtin(b) if !b.name.starts_with("_array_"))
                {
                    return self.call_value(&m, &[obj.clone(), index], None);
                }
                if let Some(inner) = super::compare::unwrap_base(obj) {
                    if let (Value::Dict(d), Some(missing)) =
                        (&inner, klass.lookup(&self.names.missing.clone()))
                    {
                        if let Some(v) = self.dict_get(d, &index)? {
                            return Ok(v);
                        }
                        return self.call_value(&missing, &[obj.clone(), index], None);
                    }
                    return self.get_item(&inner, index);
                }
                Err(self.not_subscriptable(obj))
            }
            Value::Class(k) => {
                if let Some(m) = k.lookup(&self.names.class_getitem.clone()) {
                    let m = match m {
                        Value::ClassMethod(f) => (*f).clone(),
                        other => other,
                    };
                    return self.call_value(&m, &[obj.clone(), index], None);
                }
                if k.is_builtin {
                    // `list[int]` and friends: a generic alias; we return the class itself.
                    return Ok(obj.clone());
                }
                Err(PyErr::type_error(format!(
                    "type '{}' is not subscriptable",
                    k.name()
                )))
            }
            _ => Err(self.not_subscriptable(obj)),
        }
    }

    fn not_subscriptable(&self, obj: &Value) -> PyErr {
        PyErr::type_error(format!(
            "'{}' object is not subscriptable",
            self.types.type_of(obj).name()
        ))
    }

    /// `obj[index] = value`.
    pub fn set_item(&mut self, obj: &Value, index: Value, value: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Int(i) = index {
                    let mut l = l.borrow_mut();
                    let len = l.len();
                    return match norm_index(i, len) {
                        Some(i) => {
                            let old = std::mem::replace(&mut l[i], value);
                            drop(l);
                            drop(old);
                            Ok(())
                        }
                        None => Err(PyErr::index_error("list assignment index out of range")),
                    };
                }
                if let Value::Slice(s) = &index {
                    let items = self.collect(value)?;
                    let len = l.borrow().len();
                    let (a, b, c) = slice_indices(self, s, len)?;
                    if c == 1 {
                        let b = b.max(a);
                        let old: Vec<Value> = l
                            .borrow_mut()
                            .splice(a as usize..b as usize, items)
                            .collect();
                        drop(old);
                        return Ok(());
                    }
                    let positions: Vec<usize> = slice_positions(a, b, c).collect();
                    if positions.len() != items.len() {
                        return Err(PyErr::value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            items.len(),
                            positions.len()
                        )));
                    }
                    let mut l = l.borrow_mut();
                    for (p, v) in positions.into_iter().zip(items) {
                        l[p] = v;
                    }
                    return Ok(());
                }
                let len = l.borrow().len();
                let i = self.seq_index(&index, len, "list")?;
                l.borrow_mut()[i] = value;
                Ok(())
            }
            Value::Dict(d) => {
                let key = self.dict_find_key(d, index)?;
                d.set(key, value);
                Ok(())
            }
            Value::ByteArray(b) => {
                let len = b.borrow().len();
                let i = self.seq_index(&index, len, "bytearray")?;
                let v = self.index_of(&value)?;
                let byte = u8::try_from(v)
                    .map_err(|_| PyErr::value_error("byte must be in range(0, 256)"))?;
                b.borrow_mut()[i] = byte;
                Ok(())
            }
            Value::Instance(inst) => {
                let klass = inst.class();
                if let Some(m) = klass.lookup(&self.names.setitem.clone())
                    && !matches!(&m, Value::Builtin(b) if !b.name.starts_with("_array_"))
                {
                    self.call_value(&m, &[obj.clone(), index, value], None)?;
                    return Ok(());
                }
                if let Some(inner) = super::compare::unwrap_base(obj) {
                    return self.set_item(&inner, index, value);
                }
                Err(PyErr::type_error(format!(
                    "'{}' object does not support item assignment",
                    klass.name()
                )))
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object does not support item assignment",
                self.types.type_of(obj).name()
            ))),
        }
    }

    /// `del obj[index]`.
    pub fn del_item(&mut self, obj: &Value, index: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = &index {
                    let len = l.borrow().len();
                    let (a, b, c) = slice_indices(self, s, len)?;
                    let mut positions: Vec<usize> = slice_positions(a, b, c).collect();
                    positions.sort_unstable();
                    let mut l = l.borrow_mut();
                    for p in positions.into_iter().rev() {
                        l.remove(p);
                    }
                    return Ok(());
                }
                let len = l.borrow().len();
                let i = self
                    .seq_index(&index, len, "list")
                    .map_err(|_| PyErr::index_error("list assignment index out of range"))?;
                let old = l.borrow_mut().remove(i);
                drop(old);
                Ok(())
            }
            Value::Dict(d) => {
                let key = self.dict_find_key(d, index.clone())?;
                match d.remove(&key) {
                    Some(_) => Ok(()),
                    None => Err(PyErr::with_arg(ExcKind::KeyError, index)),
                }
            }
            Value::Instance(inst) => {
                let klass = inst.class();
                if let Some(m) = klass.lookup(&self.names.delitem.clone())
                    && !matches!(m, Value::Builtin(_))
                {
                    self.call_value(&m, &[obj.clone(), index], None)?;
                    return Ok(());
                }
                if let Some(inner) = super::compare::unwrap_base(obj) {
                    return self.del_item(&inner, index);
                }
                Err(PyErr::type_error(format!(
                    "'{}' object doesn't support item deletion",
                    klass.name()
                )))
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object doesn't support item deletion",
                self.types.type_of(obj).name()
            ))),
        }
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) | Value::Set(d) | Value::FrozenSet(d) => d.len(),
            Value::Bytes(b) => b.len(),
            Value::ByteArray(b) => b.borrow().len(),
            Value::Range(r) => r.len().max(0) as usize,
            Value::View(view) => view.0.len(),
            Value::Instance(inst) => {
                let klass = inst.class();
                if let Some(m) = klass.lookup(&self.names.len.clone())
                    && !matches!(m, Value::Builtin(_))
                {
                    let r = self.call_value(&m, std::slice::from_ref(v), None)?;
                    return match Int::of(&r) {
                        Some(Int::Small(n)) if n >= 0 => Ok(n as usize),
                        Some(_) => Err(PyErr::value_error("__len__() should return >= 0")),
                        None => Err(PyErr::type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            self.types.type_of(&r).name()
                        ))),
                    };
                }
                if let Some(inner) = super::compare::unwrap_base(v) {
                    return self.len(&inner);
                }
                return Err(PyErr::type_error(format!(
                    "object of type '{}' has no len()",
                    klass.name()
                )));
            }
            // A class whose metaclass defines `__len__` (enum classes).
            Value::Class(k)
                if let Some(meta) = k.metaclass.borrow().clone()
                    && let Some(m) = meta.lookup(&self.names.len.clone())
                    && !matches!(m, Value::Builtin(_)) =>
            {
                let r = self.call_value(&m, std::slice::from_ref(v), None)?;
                return match Int::of(&r) {
                    Some(Int::Small(n)) if n >= 0 => Ok(n as usize),
                    Some(_) => Err(PyErr::value_error("__len__() should return >= 0")),
                    None => Err(PyErr::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        self.types.type_of(&r).name()
                    ))),
                };
            }
            other => {
                return Err(PyErr::type_error(format!(
                    "object of type '{}' has no len()",
                    self.types.type_of(other).name()
                )));
            }
        })
    }

    pub(crate) fn unpack_sequence(&mut self, f: &mut Frame, v: Value, n: usize) -> PyResult<()> {
        let items: Vec<Value> = match &v {
            Value::Tuple(t) if t.len() == n => {
                f.stack.extend(t.iter().rev().cloned());
                return Ok(());
            }
            Value::List(l) if l.borrow().len() == n => {
                f.stack.extend(l.borrow().iter().rev().cloned());
                return Ok(());
            }
            Value::Tuple(t) => (**t).clone(),
            Value::List(l) => l.borrow().clone(),
            _ => {
                let it = self.unpack_iter(v)?;
                let mut items = Vec::with_capacity(n);
                while let Some(x) = self.next(&it)? {
                    items.push(x);
                    if items.len() > n {
                        return Err(PyErr::value_error(format!(
                            "too many values to unpack (expected {n})"
                        )));
                    }
                }
                items
            }
        };
        if items.len() < n {
            return Err(PyErr::value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        if items.len() > n {
            return Err(PyErr::value_error(format!(
                "too many values to unpack (expected {n})"
            )));
        }
        f.stack.extend(items.into_iter().rev());
        Ok(())
    }

    fn unpack_iter(&mut self, v: Value) -> PyResult<Value> {
        let name = self.types.type_of(&v).name();
        match self.get_iter(v) {
            Ok(it) => Ok(it),
            Err(e) if self.err_is(&e, ExcKind::TypeError) => Err(PyErr::type_error(format!(
                "cannot unpack non-iterable {name} object"
            ))),
            Err(e) => Err(e),
        }
    }

    pub(crate) fn unpack_ex(
        &mut self,
        f: &mut Frame,
        v: Value,
        before: usize,
        after: usize,
    ) -> PyResult<()> {
        let items = match &v {
            Value::Tuple(t) => (**t).clone(),
            Value::List(l) => l.borrow().clone(),
            _ => {
                let it = self.unpack_iter(v)?;
                self.collect(it)?
            }
        };
        if items.len() < before + after {
            return Err(PyErr::value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mid_end = items.len() - after;
        let mut out: Vec<Value> = Vec::with_capacity(before + after + 1);
        out.extend(items[..before].iter().cloned());
        out.push(Value::list(items[before..mid_end].to_vec()));
        out.extend(items[mid_end..].iter().cloned());
        f.stack.extend(out.into_iter().rev());
        Ok(())
    }
}
