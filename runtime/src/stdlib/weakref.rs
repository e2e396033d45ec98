//! `_weakref`: weak references, approximated by strong ones.
//!
//! Input: objects to refer to. Output: the `_weakref` module. The runtime frees objects by
//! reference counting and has no weak-reference slots yet, so `ref(obj)` keeps `obj` alive and
//! always dereferences to it; callbacks never fire. What programs observe in the common
//! uses (`WeakSet`, `WeakKeyDictionary`, `WeakValueDictionary`, caches in `functools`,
//! `typing`, `abc`) stays the same as long as the referents are alive, which they are.

use crate::interp::Interp;
use crate::object::Value;

const SRC: &str = r#"
class ReferenceType:
    def __new__(cls, ob, callback=None, *args, **kwargs):
        self = object.__new__(cls)
        self._referent = ob
        self.__callback__ = callback
        return self

    def __init__(self, ob, callback=None, *args, **kwargs):
        pass

    def __call__(self):
        return self._referent

    def __hash__(self):
        return hash(self._referent)

    def __eq__(self, other):
        if isinstance(other, ReferenceType):
            return self._referent == other._referent
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, ReferenceType):
            return self._referent != other._referent
        return NotImplemented

    def __repr__(self):
        ob = self._referent
        return f"<weakref at {hex(id(self))}; to '{type(ob).__name__}' at {hex(id(ob))}>"

    def __class_getitem__(cls, item):
        return cls

class ProxyType:
    pass

class CallableProxyType:
    pass

ref = ReferenceType

def proxy(ob, callback=None):
    return ob

def getweakrefcount(ob):
    return 0

def getweakrefs(ob):
    return []

def _remove_dead_weakref(d, key):
    pass

for _c in (ReferenceType, ProxyType, CallableProxyType):
    _c.__module__ = "weakref"
ReferenceType.__name__ = ReferenceType.__qualname__ = "ReferenceType"
del _c
"#;

pub fn module(interp: &mut Interp) -> Option<Value> {
    super::py_module(interp, "_weakref", SRC, |_| {})
}
