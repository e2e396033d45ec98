//! `_abc`: the bookkeeping behind `abc.ABCMeta` (abstract method sets, virtual subclass
//! registries and the per-class subclass-check caches).
//!
//! Input: classes from `abc.ABCMeta`. Output: the `_abc` module that `abc.py` prefers over its
//! `_py_abc` fallback. Registries and caches hold classes strongly (classes live as long as
//! the program in practice); `__subclasshook__` is looked up with a default, so classes whose
//! bases do not define it behave as if `object` returned `NotImplemented`.

use crate::interp::Interp;
use crate::object::Value;

const SRC: &str = r#"
_counter = 0


def get_cache_token():
    return _counter


class _abc_data:
    def __init__(self):
        self.registry = set()
        self.cache = set()
        self.negative_cache = set()
        self.negative_version = _counter


def _abc_init(cls):
    abstracts = {name for name, value in cls.__dict__.items()
                 if getattr(value, "__isabstractmethod__", False)}
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    cls._abc_impl = _abc_data()


def _abc_register(cls, subclass):
    global _counter
    if not isinstance(subclass, type):
        raise TypeError("Can only register classes")
    if issubclass(subclass, cls):
        return subclass
    if issubclass(cls, subclass):
        raise RuntimeError("Refusing to create an inheritance cycle")
    cls._abc_impl.registry.add(subclass)
    _counter += 1
    return subclass


def _abc_instancecheck(cls, instance):
    subclass = instance.__class__
    impl = cls._abc_impl
    if subclass in impl.cache:
        return True
    subtype = type(instance)
    if subtype is subclass:
        if impl.negative_version == _counter and subclass in impl.negative_cache:
            return False
        return cls.__subclasscheck__(subclass)
    return any(cls.__subclasscheck__(c) for c in (subclass, subtype))


def _abc_subclasscheck(cls, subclass):
    if not isinstance(subclass, type):
        raise TypeError("issubclass() arg 1 must be a class")
    impl = cls._abc_impl
    if subclass in impl.cache:
        return True
    if impl.negative_version < _counter:
        impl.negative_cache = set()
        impl.negative_version = _counter
    elif subclass in impl.negative_cache:
        return False
    hook = getattr(cls, "__subclasshook__", None)
    ok = hook(subclass) if hook is not None else NotImplemented
    if ok is not NotImplemented:
        if not isinstance(ok, bool):
            raise AssertionError("__subclasshook__ must return either False, True, or NotImplemented")
        if ok:
            impl.cache.add(subclass)
        else:
            impl.negative_cache.add(subclass)
        return ok
    if cls in getattr(subclass, "__mro__", ()):
        impl.cache.add(subclass)
        return True
    for rcls in impl.registry:
        if issubclass(subclass, rcls):
            impl.cache.add(subclass)
            return True
    subclasses = getattr(cls, "__subclasses__", None)
    for scls in (subclasses() if subclasses is not None else ()):
        if issubclass(subclass, scls):
            impl.cache.add(subclass)
            return True
    impl.negative_cache.add(subclass)
    return False


def _get_dump(cls):
    impl = cls._abc_impl
    return (set(impl.registry), set(impl.cache), set(impl.negative_cache), impl.negative_version)


def _reset_registry(cls):
    cls._abc_impl.registry.clear()


def _reset_caches(cls):
    cls._abc_impl.cache.clear()
    cls._abc_impl.negative_cache.clear()
"#;

pub fn module(interp: &mut Interp) -> Option<Value> {
    super::py_module(interp, "_abc", SRC, |_| {})
}
