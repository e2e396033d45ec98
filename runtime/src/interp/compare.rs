//! Comparisons, truth values, hashing and membership.

use std::cmp::Ordering;
use std::rc::Rc;

use super::Interp;
use crate::object::dict::native_hash;
use crate::object::int::{self};
use crate::object::{ExcKind, Key, PyErr, PyResult, Value};

pub const LT: u32 = 0;
pub const LE: u32 = 1;
pub const EQ: u32 = 2;
pub const NE: u32 = 3;
pub const GT: u32 = 4;
pub const GE: u32 = 5;

const SYMBOLS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];
const DUNDERS: [&str; 6] = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
const REFLECTED: [u32; 6] = [GT, GE, EQ, NE, LT, LE];

fn ordering_result(op: u32, ord: Ordering) -> bool {
    match op {
        LT => ord == Ordering::Less,
        LE => ord != Ordering::Greater,
        EQ => ord == Ordering::Equal,
        NE => ord != Ordering::Equal,
        GT => ord == Ordering::Greater,
        _ => ord != Ordering::Less,
    }
}

impl Interp {
    #[inline]
    pub fn compare_op(&mut self, op: u32, a: Value, b: Value) -> PyResult<Value> {
        if let Some(r) = super::fast::compare(op, &a, &b) {
            return Ok(Value::Bool(r));
        }
        self.rich_compare(op, &a, &b)
    }

    /// Python's rich comparison, returning whatever `__eq__` & co. return.
    pub fn rich_compare(&mut self, op: u32, a: &Value, b: &Value) -> PyResult<Value> {
        if let Some(r) = self.builtin_compare(op, a, b)? {
            return Ok(Value::Bool(r));
        }
        let ta = self.types.type_of(a);
        let tb = self.types.type_of(b);
        let name = DUNDERS[op as usize % 6];
        let rop = REFLECTED[op as usize % 6];
        let rname = DUNDERS[rop as usize];
        let user_a = matches!(a, Value::Instance(_)) || !ta.is_builtin;
        let user_b = matches!(b, Value::Instance(_)) || !tb.is_builtin;
        let b_first = user_b && !Rc::ptr_eq(&ta, &tb) && tb.is_subclass(&ta);
        if b_first
            && let Some(m) = tb
                .lookup_str(rname)
                .filter(|m| !matches!(m, Value::Builtin(_)))
        {
            let r = self.call_value(&m, &[b.clone(), a.clone()], None)?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if user_a {
            if let Some(m) = ta
                .lookup_str(name)
                .filter(|m| !matches!(m, Value::Builtin(_)))
            {
                let r = self.call_value(&m, &[a.clone(), b.clone()], None)?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            } else if op == NE
                && let Some(m) = ta
                    .lookup_str("__eq__")
                    .filter(|m| !matches!(m, Value::Builtin(_)))
            {
                let r = self.call_value(&m, &[a.clone(), b.clone()], None)?;
                if !matches!(r, Value::NotImplemented) {
                    let t = self.truthy(&r)?;
                    return Ok(Value::Bool(!t));
                }
            }
        }
        if user_b
            && !b_first
            && let Some(m) = tb
                .lookup_str(rname)
                .filter(|m| !matches!(m, Value::Builtin(_)))
        {
            let r = self.call_value(&m, &[b.clone(), a.clone()], None)?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        // Subclasses of built-in types compare by their built-in value.
        let ua = unwrap_base(a);
        let ub = unwrap_base(b);
        if ua.is_some() || ub.is_some() {
            let a2 = ua.unwrap_or_else(|| a.clone());
            let b2 = ub.unwrap_or_else(|| b.clone());
            return self.rich_compare(op, &a2, &b2);
        }
        match op {
            EQ => Ok(Value::Bool(a.is(b))),
            NE => Ok(Value::Bool(!a.is(b))),
            _ => Err(PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                SYMBOLS[op as usize % 6],
                ta.name(),
                tb.name()
            ))),
        }
    }

    fn builtin_compare(&mut self, op: u32, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        use Value::*;
        if let (Some(x), Some(y)) = (int::Int::of(a), int::Int::of(b)) {
            return Ok(Some(ordering_result(op, int::cmp(&x, &y))));
        }
        let num = |v: &Value| match v {
            Float(f) => Some(*f),
            Int(i) => Some(*i as f64),
            Bool(b) => Some(f64::from(u8::from(*b))),
            Big(b) => Some(int::to_f64(&int::Int::Big(b))),
            _ => Option::None,
        };
        if (matches!(a, Float(_)) || matches!(b, Float(_)))
            && let (Some(x), Some(y)) = (num(a), num(b))
        {
            return Ok(Some(match x.partial_cmp(&y) {
                Some(ord) => ordering_result(op, ord),
                Option::None => op == NE,
            }));
        }
        match (a, b) {
            (Str(x), Str(y)) => Ok(Some(ordering_result(op, x.as_str().cmp(y.as_str())))),
            (Bytes(x), Bytes(y)) => Ok(Some(ordering_result(op, x.cmp(y)))),
            (None, None) | (NotImplemented, NotImplemented) | (Ellipsis, Ellipsis)
                if op == EQ || op == NE =>
            {
                Ok(Some(op == EQ))
            }
            (Tuple(x), Tuple(y)) => self.sequence_compare(op, &x.clone(), &y.clone()).map(Some),
            (List(x), List(y)) => {
                if Rc::ptr_eq(x, y) && (op == EQ || op == NE) {
                    return Ok(Some(op == EQ));
                }
                let xs = x.borrow().clone();
                let ys = y.borrow().clone();
                self.sequence_compare(op, &xs, &ys).map(Some)
            }
            (Dict(x), Dict(y)) if op == EQ || op == NE => {
                if x.len() != y.len() {
                    return Ok(Some(op == NE));
                }
                for (k, v) in x.map.borrow().clone().iter() {
                    match y.get(k) {
                        Some(v2) => {
                            if !self.eq(v, &v2)? {
                                return Ok(Some(op == NE));
                            }
                        }
                        Option::None => return Ok(Some(op == NE)),
                    }
                }
                Ok(Some(op == EQ))
            }
            (Set(x) | FrozenSet(x), Set(y) | FrozenSet(y)) => {
                let sub = |p: &crate::object::PyDict, q: &crate::object::PyDict| {
                    p.map
                        .borrow()
                        .keys()
                        .all(|k| q.map.borrow().contains_key(k))
                };
                let (lx, ly) = (x.len(), y.len());
                Ok(Some(match op {
                    EQ => lx == ly && sub(x, y),
                    NE => !(lx == ly && sub(x, y)),
                    LE => sub(x, y),
                    LT => lx < ly && sub(x, y),
                    GE => sub(y, x),
                    _ => lx > ly && sub(y, x),
                }))
            }
            (Range(x), Range(y)) if op == EQ || op == NE => {
                let same = (x.len() == y.len())
                    && (x.is_empty() || (x.start == y.start && (x.len() == 1 || x.step == y.step)));
                Ok(Some(same == (op == EQ)))
            }
            (Complex(x), Complex(y)) if op == EQ || op == NE => Ok(Some((x == y) == (op == EQ))),
            (Class(_) | Function(_) | Builtin(_) | Module(_) | Code(_), _)
                if op == EQ || op == NE =>
            {
                if matches!(b, Instance(_)) {
                    return Ok(Option::None);
                }
                Ok(Some(a.is(b) == (op == EQ)))
            }
            (Method(x), Method(y)) if op == EQ || op == NE => {
                Ok(Some((x.0.is(&y.0) && x.1.is(&y.1)) == (op == EQ)))
            }
            (Instance(_), _) | (_, Instance(_)) => Ok(Option::None),
            _ if op == EQ || op == NE => {
                let ta = self.types.type_of(a);
                let tb = self.types.type_of(b);
                if ta.is_builtin && tb.is_builtin {
                    Ok(Some(a.is(b) == (op == EQ)))
                } else {
                    Ok(Option::None)
                }
            }
            _ => Ok(Option::None),
        }
    }

    fn sequence_compare(&mut self, op: u32, xs: &[Value], ys: &[Value]) -> PyResult<bool> {
        for (x, y) in xs.iter().zip(ys.iter()) {
            if x.is(y) {
                continue;
            }
            if !self.eq(x, y)? {
                if op == EQ {
                    return Ok(false);
                }
                if op == NE {
                    return Ok(true);
                }
                let r = self.rich_compare(op, x, y)?;
                return self.truthy(&r);
            }
        }
        Ok(ordering_result(op, xs.len().cmp(&ys.len())))
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(x == y),
            (Value::Str(x), Value::Str(y)) => Ok(Rc::ptr_eq(x, y) || x.as_str() == y.as_str()),
            _ => {
                let r = self.rich_compare(EQ, a, b)?;
                self.truthy(&r)
            }
        }
    }

    /// `a < b` as a bool (sorting, `min`, `max`).
    pub fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(x < y),
            (Value::Float(x), Value::Float(y)) => Ok(x < y),
            (Value::Str(x), Value::Str(y)) => Ok(x.as_str() < y.as_str()),
            _ => {
                let r = self.rich_compare(LT, a, b)?;
                self.truthy(&r)
            }
        }
    }

    /// `bool(v)`.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        use Value::*;
        Ok(match v {
            Bool(b) => *b,
            Null | None => false,
            Int(i) => *i != 0,
            Float(f) => *f != 0.0,
            Big(_) => true,
            Str(s) => s.len_bytes() > 0,
            List(l) => !l.borrow().is_empty(),
            Tuple(t) => !t.is_empty(),
            Dict(d) | Set(d) | FrozenSet(d) => !d.is_empty(),
            View(v) => !v.0.is_empty(),
            Bytes(b) => !b.is_empty(),
            ByteArray(b) => !b.borrow().is_empty(),
            Range(r) => !r.is_empty(),
            Complex(c) => c.0 != 0.0 || c.1 != 0.0,
            Instance(inst) => {
                let klass = inst.class();
                if let Some(m) = klass.lookup(&self.names.bool_.clone())
                    && !matches!(m, Builtin(_))
                {
                    let r = self.call_value(&m, std::slice::from_ref(v), Option::None)?;
                    return match r {
                        Bool(b) => Ok(b),
                        other => Err(PyErr::type_error(format!(
                            "__bool__ should return bool, returned {}",
                            self.types.type_of(&other).name()
                        ))),
                    };
                }
                if let Some(m) = klass.lookup(&self.names.len.clone())
                    && !matches!(m, Builtin(_))
                {
                    let r = self.call_value(&m, std::slice::from_ref(v), Option::None)?;
                    return self.truthy(&r);
                }
                let inner = inst.base_value.borrow().clone();
                if !inner.is_null() && klass.base_kind != crate::object::BaseKind::Exception {
                    return self.truthy(&inner);
                }
                true
            }
            _ => true,
        })
    }

    /// The dict key for `v`: its hash (calling `__hash__` for instances) and the value.
    pub fn make_key(&mut self, v: Value) -> PyResult<Key> {
        if let Some(hash) = native_hash(&v) {
            return Ok(Key { hash, value: v });
        }
        let hash = self.hash(&v)?;
        Ok(Key {
            hash: hash as u64,
            value: v,
        })
    }

    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Instance(inst) => {
                let klass = inst.class();
                match klass.lookup(&self.names.hash.clone()) {
                    Some(Value::None) => Err(self.unhashable(v)),
                    Some(m) if !matches!(m, Value::Builtin(_)) => {
                        let r = self.call_value(&m, std::slice::from_ref(v), None)?;
                        match r {
                            Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                            Value::Big(b) => Ok(crate::object::int::big_hash(&b)),
                            Value::Bool(b) => Ok(i64::from(b)),
                            _ => Err(PyErr::type_error(
                                "__hash__ method should return an integer",
                            )),
                        }
                    }
                    _ => {
                        // A class that defines __eq__ without __hash__ is unhashable.
                        if klass.dict.get_item("__eq__").is_some()
                            && klass.dict.get_item("__hash__").is_none()
                        {
                            return Err(self.unhashable(v));
                        }
                        let inner = inst.base_value.borrow().clone();
                        if !inner.is_null() && klass.base_kind != crate::object::BaseKind::Exception
                        {
                            return self.hash(&inner);
                        }
                        Ok(v.id() >> 4)
                    }
                }
            }
            other => match native_hash(other) {
                Some(h) => Ok(h as i64),
                None => {
                    if let Value::Tuple(items) = other {
                        // A tuple holding instances.
                        let mut acc: u64 = 2_870_177_450_012_600_261;
                        for item in items.iter() {
                            let h = self.hash(item)? as u64;
                            acc = acc.wrapping_add(h.wrapping_mul(14_029_467_366_897_019_727));
                            acc = acc.rotate_left(31).wrapping_mul(11_400_714_785_074_694_791);
                        }
                        return Ok(acc as i64);
                    }
                    Err(self.unhashable(other))
                }
            },
        }
    }

    fn unhashable(&self, v: &Value) -> PyErr {
        PyErr::type_error(format!(
            "unhashable type: '{}'",
            self.types.type_of(v).name()
        ))
    }

    /// Looks a key up in a dict storage, with Python `==` for keys that are instances.
    pub fn dict_get(&mut self, d: &crate::object::PyDict, key: &Value) -> PyResult<Option<Value>> {
        let k = self.make_key(key.clone())?;
        if let Some(v) = d.get(&k) {
            return Ok(Some(v));
        }
        if matches!(key, Value::Instance(_)) || has_instance(key) {
            let candidates: Vec<(Value, Value)> = d
                .map
                .borrow()
                .iter()
                .filter(|(kk, _)| kk.hash == k.hash)
                .map(|(kk, v)| (kk.value.clone(), v.clone()))
                .collect();
            for (kk, v) in candidates {
                if self.eq(&kk, key)? {
                    return Ok(Some(v));
                }
            }
        }
        Ok(None)
    }

    /// The stored key equal to `key` (for instance keys with a custom `__eq__`).
    pub fn dict_find_key(&mut self, d: &crate::object::PyDict, key: Value) -> PyResult<Key> {
        let k = self.make_key(key.clone())?;
        if d.contains(&k) || !(matches!(key, Value::Instance(_)) || has_instance(&key)) {
            return Ok(k);
        }
        let candidates: Vec<Key> = d
            .map
            .borrow()
            .keys()
            .filter(|kk| kk.hash == k.hash)
            .cloned()
            .collect();
        for kk in candidates {
            if self.eq(&kk.value, &key)? {
                return Ok(kk);
            }
        }
        Ok(k)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                _ => Err(PyErr::type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.types.type_of(item).name()
                ))),
            },
            Value::Dict(d) | Value::Set(d) | Value::FrozenSet(d) => {
                Ok(self.dict_get(d, item)?.is_some())
            }
            Value::View(view) if view.1 == 0 => Ok(self.dict_get(&view.0, item)?.is_some()),
            Value::List(l) => {
                let mut i = 0;
                loop {
                    let x = match l.borrow().get(i) {
                        Some(x) => x.clone(),
                        None => return Ok(false),
                    };
                    if x.is(item) || self.eq(&x, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
            }
            Value::Tuple(t) => {
                for x in t.iter() {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Range(r) => {
                if let Value::Int(i) = item {
                    let i = *i;
                    let inside = if r.step > 0 {
                        r.start <= i && i < r.stop
                    } else {
                        r.stop < i && i <= r.start
                    };
                    Ok(inside && (i - r.start) % r.step == 0)
                } else {
                    Ok(false)
                }
            }
            Value::Bytes(b) => match item {
                Value::Int(i) => Ok(b.iter().any(|x| i64::from(*x) == *i)),
                Value::Bytes(sub) => {
                    Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == &sub[..]))
                }
                _ => Err(PyErr::type_error("a bytes-like object is required")),
            },
            Value::Instance(inst) => {
                let klass = inst.class();
                if let Some(m) = klass.lookup(&self.names.contains.clone())
                    && !matches!(m, Value::Builtin(_))
                {
                    let r = self.call_value(&m, &[container.clone(), item.clone()], None)?;
                    return self.truthy(&r);
                }
                let inner = inst.base_value.borrow().clone();
                if !inner.is_null() && klass.base_kind != crate::object::BaseKind::Exception {
                    return self.contains(&inner, item);
                }
                self.contains_by_iteration(container, item)
            }
            _ => self.contains_by_iteration(container, item),
        }
    }

    fn contains_by_iteration(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let it = match self.get_iter(container.clone()) {
            Ok(it) => it,
            Err(e) if self.err_is(&e, ExcKind::TypeError) => {
                return Err(PyErr::type_error(format!(
                    "argument of type '{}' is not iterable",
                    self.types.type_of(container).name()
                )));
            }
            Err(e) => return Err(e),
        };
        while let Some(x) = self.next(&it)? {
            if x.is(item) || self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

fn has_instance(v: &Value) -> bool {
    match v {
        Value::Instance(_) => true,
        Value::Tuple(t) => t.iter().any(has_instance),
        _ => false,
    }
}

/// The built-in value inside an instance of a subclass of a built-in type.
pub fn unwrap_base(v: &Value) -> Option<Value> {
    if let Value::Instance(inst) = v
        && inst.class().base_kind != crate::object::BaseKind::Exception
    {
        let inner = inst.base_value.borrow().clone();
        if !inner.is_null() {
            return Some(inner);
        }
    }
    None
}
