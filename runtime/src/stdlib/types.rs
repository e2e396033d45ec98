//! `types`: the names of the interpreter's internal types, and the dynamic class-creation
//! helpers (`new_class`, `prepare_class`, `resolve_bases`), `DynamicClassAttribute`,
//! `coroutine` and `SimpleNamespace`.
//!
//! Input: nothing. Output: the `types` module. CPython's `types.py` finds each type by
//! probing an object of it (a traceback's frame, a getset descriptor...); objects that this
//! runtime does not model yet would make that file fail at import, and nearly every stdlib
//! module imports it. This module probes the same way but falls back to a placeholder class
//! for each type the runtime lacks, so the import always succeeds.

use crate::interp::Interp;
use crate::object::Value;

const SRC: &str = r#"
import sys

def _probe(make, name):
    try:
        return type(make())
    except Exception:
        return type(name, (), {"__module__": "builtins"})

def _f():
    pass

async def _c():
    pass

async def _ag():
    yield

def _g():
    yield 1

class _C:
    def _m(self):
        pass

FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = _probe(lambda: _f.__code__, "code")
MappingProxyType = _probe(lambda: type.__dict__, "mappingproxy")
SimpleNamespace = type(sys.implementation)
CellType = _probe(lambda: (lambda x: (lambda: x))(0).__closure__[0], "cell")
GeneratorType = _probe(_g, "generator")
CoroutineType = _probe(_c, "coroutine")
AsyncGeneratorType = _probe(_ag, "async_generator")
MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = _probe(lambda: [].append, "builtin_function_or_method")
WrapperDescriptorType = _probe(lambda: object.__init__, "wrapper_descriptor")
MethodWrapperType = _probe(lambda: object().__str__, "method-wrapper")
MethodDescriptorType = _probe(lambda: str.join, "method_descriptor")
ClassMethodDescriptorType = _probe(lambda: dict.__dict__["fromkeys"], "classmethod_descriptor")
ModuleType = type(sys)
TracebackType = type("traceback", (), {"__module__": "builtins"})
FrameType = type("frame", (), {"__module__": "builtins"})
GetSetDescriptorType = type("getset_descriptor", (), {"__module__": "builtins"})
MemberDescriptorType = type("member_descriptor", (), {"__module__": "builtins"})
GenericAlias = _probe(lambda: list[int], "GenericAlias")
UnionType = _probe(lambda: int | str, "UnionType")
EllipsisType = type(Ellipsis)
NoneType = type(None)
NotImplementedType = type(NotImplemented)
_c_coro = _c()
try:
    _c_coro.close()
except Exception:
    pass
del sys, _f, _g, _C, _c, _ag, _c_coro, _probe


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Creates a class object dynamically, with the metaclass the bases ask for."""
    resolved = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved is not bases:
        ns["__orig_bases__"] = bases
    return meta(name, resolved, ns, **kwds)


def resolve_bases(bases):
    """Replaces bases that define __mro_entries__ by what it returns."""
    out = list(bases)
    changed = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, "__mro_entries__"):
            continue
        entries = base.__mro_entries__(bases)
        changed = True
        if not isinstance(entries, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        out[i + shift:i + shift + 1] = entries
        shift += len(entries) - 1
    if not changed:
        return bases
    return tuple(out)


def prepare_class(name, bases=(), kwds=None):
    """Returns (metaclass, namespace, remaining keywords) for a class about to be made."""
    kwds = {} if kwds is None else dict(kwds)
    if "metaclass" in kwds:
        meta = kwds.pop("metaclass")
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, "__prepare__"):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def _calculate_meta(meta, bases):
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError("metaclass conflict: the metaclass of a derived class must be a "
                        "(non-strict) subclass of the metaclasses of all its bases")
    return winner


class DynamicClassAttribute:
    """An attribute looked up on instances; on the class, __getattr__ is consulted."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc or (fget.__doc__ if fget is not None else None)
        self.overwrite_doc = doc is None
        self.__isabstractmethod__ = bool(getattr(fget, "__isabstractmethod__", False))

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.__isabstractmethod__:
                return self
            raise AttributeError()
        if self.fget is None:
            raise AttributeError("unreadable attribute")
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def getter(self, fget):
        fdoc = fget.__doc__ if self.overwrite_doc else None
        result = type(self)(fget, self.fset, self.fdel, fdoc or self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def setter(self, fset):
        result = type(self)(self.fget, fset, self.fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def deleter(self, fdel):
        result = type(self)(self.fget, self.fset, fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result


def coroutine(func):
    """Marks a generator function as a coroutine (accepted and returned as is)."""
    if not callable(func):
        raise TypeError("types.coroutine() expects a callable")
    return func


__all__ = [n for n in globals() if n[:1] != "_"]
"#;

pub fn module(interp: &mut Interp) -> Option<Value> {
    super::py_module(interp, "types", SRC, |_| {})
}
