//! `str`: UTF-8 text with code-point indexing.
//!
//! Python indexes strings by code point; Rust stores UTF-8. An all-ASCII string (the common
//! case) indexes bytes directly; otherwise indexing walks the characters. The character count
//! and the hash are computed once.

use std::cell::Cell;
use std::hash::Hasher;
use std::rc::Rc;

use super::dict::PassHasher;

pub struct PyStr {
    s: Box<str>,
    chars: usize,
    hash: Cell<u64>,
}

impl PyStr {
    pub fn new(s: &str) -> Rc<PyStr> {
        Rc::new(PyStr::make(s.into()))
    }

    pub fn from_string(s: String) -> Rc<PyStr> {
        Rc::new(PyStr::make(s.into_boxed_str()))
    }

    fn make(s: Box<str>) -> PyStr {
        let chars = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr {
            s,
            chars,
            hash: Cell::new(0),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.s
    }

    /// Number of code points (`len()`).
    pub fn char_len(&self) -> usize {
        self.chars
    }

    pub fn len_bytes(&self) -> usize {
        self.s.len()
    }

    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }

    /// The code point at `index` (already bounds-checked by the caller against `char_len`).
    pub fn char_at(&self, index: usize) -> Option<char> {
        if self.is_ascii() {
            self.s.as_bytes().get(index).map(|&b| char::from(b))
        } else {
            self.s.chars().nth(index)
        }
    }

    /// The byte offset of code point `index` (`index <= char_len`).
    pub fn byte_offset(&self, index: usize) -> usize {
        if self.is_ascii() {
            index.min(self.s.len())
        } else {
            self.s
                .char_indices()
                .nth(index)
                .map_or(self.s.len(), |(i, _)| i)
        }
    }

    pub fn hash(&self) -> u64 {
        let h = self.hash.get();
        if h != 0 {
            return h;
        }
        let mut hasher = PassHasher::default();
        hasher.write(self.s.as_bytes());
        let h = hasher.finish() | 1;
        self.hash.set(h);
        h
    }
}
