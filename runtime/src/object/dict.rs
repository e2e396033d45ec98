//! `dict`, `set` and `frozenset` storage: an insertion-ordered `IndexMap` keyed by [`Key`].
//!
//! A key carries its Python hash, computed once when the key enters the map (for instances with
//! `__hash__` the interpreter computes it, see `Interp::make_key`). Equality of keys is Python's
//! `==` for built-in values; instances compare by identity, as CPython's default `__eq__` does.

use std::cell::RefCell;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use indexmap::IndexMap;

use super::{Value, int_hash};

/// A hashed dict key.
#[derive(Clone)]
pub struct Key {
    pub hash: u64,
    pub value: Value,
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.hash == other.hash && key_eq(&self.value, &other.value)
    }
}

impl Eq for Key {}

/// Python `==` between two hashable built-in values, without calling back into Python.
pub fn key_eq(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        (Str(x), Str(y)) => std::rc::Rc::ptr_eq(x, y) || x.as_str() == y.as_str(),
        (Int(x), Int(y)) => x == y,
        (Int(x), Float(y)) | (Float(y), Int(x)) => (*x as f64) == *y && (*y as i64) == *x,
        (Float(x), Float(y)) => x == y,
        (Bool(x), Bool(y)) => x == y,
        (Bool(x), Int(y)) | (Int(y), Bool(x)) => i64::from(*x) == *y,
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => f64::from(u8::from(*x)) == *y,
        (Big(x), Big(y)) => x == y,
        (Tuple(x), Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| p.is(q) || key_eq(p, q))
        }
        (Bytes(x), Bytes(y)) => x == y,
        (FrozenSet(x), FrozenSet(y)) => {
            x.len() == y.len()
                && x.map
                    .borrow()
                    .keys()
                    .all(|k| y.map.borrow().contains_key(k))
        }
        (Complex(x), Complex(y)) => x == y,
        _ => a.is(b),
    }
}

/// A hasher that passes the precomputed Python hash through (mixed, for good bucket spread).
#[derive(Default)]
pub struct PassHasher(u64);

impl Hasher for PassHasher {
    fn finish(&self) -> u64 {
        self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(26)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type DictMap = IndexMap<Key, Value, BuildHasherDefault<PassHasher>>;

/// The storage of a `dict` (values used) or a `set`/`frozenset` (values are `None`).
#[derive(Default)]
pub struct PyDict {
    pub map: RefCell<DictMap>,
}

impl PyDict {
    pub fn len(&self) -> usize {
        self.map.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.borrow().is_empty()
    }

    pub fn get(&self, key: &Key) -> Option<Value> {
        self.map.borrow().get(key).cloned()
    }

    /// Lookup by a key that is a `str` (or any natively hashable value).
    pub fn get_str(&self, key: &Value) -> Option<Value> {
        let hash = native_hash(key)?;
        self.map
            .borrow()
            .get(&Key {
                hash,
                value: key.clone(),
            })
            .cloned()
    }

    pub fn get_item(&self, name: &str) -> Option<Value> {
        self.get_str(&Value::str(name))
    }

    pub fn set(&self, key: Key, value: Value) {
        // Take the old value out before dropping it, so its destructor never sees the borrow.
        let old = self.map.borrow_mut().insert(key, value);
        drop(old);
    }

    /// Inserts with a natively hashable key (a `str` in practice).
    pub fn set_str(&self, key: Value, value: Value) {
        if let Some(hash) = native_hash(&key) {
            self.set(Key { hash, value: key }, value);
        }
    }

    pub fn set_item(&self, name: &str, value: Value) {
        self.set_str(Value::str(name), value);
    }

    pub fn remove(&self, key: &Key) -> Option<Value> {
        self.map.borrow_mut().shift_remove(key)
    }

    pub fn remove_str(&self, key: &Value) -> Option<Value> {
        let hash = native_hash(key)?;
        self.remove(&Key {
            hash,
            value: key.clone(),
        })
    }

    pub fn contains(&self, key: &Key) -> bool {
        self.map.borrow().contains_key(key)
    }

    pub fn keys(&self) -> Vec<Value> {
        self.map.borrow().keys().map(|k| k.value.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.map.borrow().values().cloned().collect()
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.map
            .borrow()
            .iter()
            .map(|(k, v)| (k.value.clone(), v.clone()))
            .collect()
    }

    pub fn key_list(&self) -> Vec<Key> {
        self.map.borrow().keys().cloned().collect()
    }

    pub fn copy(&self) -> PyDict {
        PyDict {
            map: RefCell::new(self.map.borrow().clone()),
        }
    }

    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.map.borrow_mut());
        drop(old);
    }
}

/// The hash of a value whose hash does not need the interpreter; `None` for unhashable values
/// and for instances (whose `__hash__` may be Python code).
pub fn native_hash(v: &Value) -> Option<u64> {
    use Value::*;
    Some(match v {
        Str(s) => s.hash(),
        Int(i) => int_hash(*i) as u64,
        Bool(b) => u64::from(*b),
        None => 0xFCA8_6420,
        Float(f) => super::float::float_hash(*f) as u64,
        Big(b) => super::int::big_hash(b) as u64,
        Tuple(items) => {
            // xxHash-style combination, as CPython's tuple hash.
            let mut acc: u64 = 2_870_177_450_012_600_261;
            for item in items.iter() {
                let h = native_hash(item)?;
                acc = acc.wrapping_add(h.wrapping_mul(14_029_467_366_897_019_727));
                acc = acc.rotate_left(31);
                acc = acc.wrapping_mul(11_400_714_785_074_694_791);
            }
            acc.wrapping_add((items.len() as u64) ^ (2_870_177_450_012_600_261 ^ 3_527_539))
        }
        Bytes(b) => {
            let mut h = PassHasher::default();
            h.write(b);
            h.0
        }
        FrozenSet(s) => {
            let mut acc: u64 = 1_927_868_237;
            for k in s.map.borrow().keys() {
                let h = k.hash;
                acc ^= (h ^ (h << 16) ^ 89_869_747).wrapping_mul(3_644_798_167);
            }
            acc
        }
        Complex(c) => {
            let r = super::float::float_hash(c.0) as u64;
            let i = super::float::float_hash(c.1) as u64;
            r.wrapping_add(i.wrapping_mul(1_000_003))
        }
        List(_) | Dict(_) | Set(_) | ByteArray(_) | Instance(_) | Null => return Option::None,
        other => other.id() as u64,
    })
}
