"""A plain-Python stand-in for `__static__`, so that CPython can run static programs.

The differential tests put `tests/static_shim` on `PYTHONPATH` and run the same source under
`python3` and under `cinder run`. Here every primitive is its Python counterpart (`int64` is
`int`, `double` is `float`, `cbool` is `bool`), `box`/`unbox`/`cast` return their argument
(after a type check for `cast`), the class and function decorators return what they decorate,
and the checked containers are `dict`/`list` subclasses that check the types of what is put
into them. Programs compared this way must not rely on fixed-width overflow.
"""

import types
import typing

int8 = int16 = int32 = int64 = int
uint8 = uint16 = uint32 = uint64 = int
size_t = uint64
ssize_t = int64
byte = int8
char = int
cbool = bool
double = single = float

TYPED_UINT8, TYPED_INT8, TYPED_UINT16, TYPED_INT16 = 0, 1, 2, 3
TYPED_UINT32, TYPED_INT32, TYPED_UINT64, TYPED_INT64 = 4, 5, 6, 7
TYPED_OBJECT, TYPED_DOUBLE, TYPED_SINGLE, TYPED_CHAR, TYPED_BOOL = 8, 9, 10, 11, 12

RAND_MAX = (1 << 31) - 1

TClass = typing.TypeVar("TClass", bound=typing.Type[object])


class ClassDecorator(typing.Protocol):
    def __call__(self, cls: TClass) -> TClass: ...


class StaticTypeError(TypeError):
    pass


def box(value):
    return value


def unbox(value):
    return value


def _runtime_type(typ):
    """The class (or tuple of classes) an annotation stands for, or None for "anything"."""
    if typ is typing.Any or typ is object:
        return None
    if typ is None or typ is type(None):
        return type(None)
    origin = typing.get_origin(typ)
    if origin is typing.Union or origin is types.UnionType:
        members = []
        for arg in typing.get_args(typ):
            member = _runtime_type(arg)
            if member is None:
                return None
            members.extend(member if isinstance(member, tuple) else (member,))
        return tuple(members)
    if origin is typing.Annotated:
        return _runtime_type(typing.get_args(typ)[0])
    if origin is not None:
        return origin if isinstance(origin, type) else None
    return typ if isinstance(typ, type) else None


def _accepts(typ, value):
    expected = _runtime_type(typ)
    return expected is None or isinstance(value, expected)


def _type_name(typ):
    if isinstance(typ, type):
        return typ.__name__
    return repr(typ).replace("typing.", "")


def cast(typ, value):
    if not _accepts(typ, value):
        raise TypeError(f"expected {_type_name(typ)}, got {type(value).__name__}")
    return value


def clen(obj):
    return len(obj)


crange = range


def prod_assert(value, message=None):
    if not value:
        raise AssertionError(message) if message else AssertionError()


def rand():
    import random

    return random.randint(0, RAND_MAX)


def _identity(obj):
    return obj


inline = dynamic_return = _donotcompile = mixin = allow_weakrefs = _identity
set_type_final = set_type_static = set_type_static_final = _identity


def native(so_path):
    return _identity


def is_type_static(t):
    return False


def is_static_module(m):
    return False


def is_static_callable(c):
    return False


class chkdict(dict):
    """`CheckedDict[K, V]`: a dict whose keys and values are checked on every insertion."""

    _key_type = object
    _value_type = object
    _specialized = {}

    def __class_getitem__(cls, params):
        key_type, value_type = params
        found = chkdict._specialized.get((key_type, value_type))
        if found is None:
            name = f"chkdict[{_type_name(key_type)}, {_type_name(value_type)}]"
            found = type(name, (chkdict,), {"_key_type": key_type, "_value_type": value_type})
            chkdict._specialized[(key_type, value_type)] = found
        return found

    def __init__(self, *args, **kwargs):
        super().__init__()
        self.update(*args, **kwargs)

    def _check(self, key, value):
        if not _accepts(self._key_type, key):
            raise TypeError(f"bad key '{type(key).__name__}' for {type(self).__name__}")
        if not _accepts(self._value_type, value):
            raise TypeError(f"bad value '{type(value).__name__}' for {type(self).__name__}")

    def __setitem__(self, key, value):
        self._check(key, value)
        super().__setitem__(key, value)

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, *args, **kwargs):
        for key, value in dict(*args, **kwargs).items():
            self[key] = value

    def copy(self):
        return type(self)(self)


class chklist(list):
    """`CheckedList[T]`: a list whose elements are checked on every insertion."""

    _item_type = object
    _specialized = {}

    def __class_getitem__(cls, item_type):
        found = chklist._specialized.get(item_type)
        if found is None:
            name = f"chklist[{_type_name(item_type)}]"
            found = type(name, (chklist,), {"_item_type": item_type})
            chklist._specialized[item_type] = found
        return found

    def __init__(self, iterable=()):
        super().__init__()
        self.extend(iterable)

    def _check(self, value):
        if not _accepts(self._item_type, value):
            raise TypeError(f"bad value '{type(value).__name__}' for {type(self).__name__}")
        return value

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            value = [self._check(v) for v in value]
        else:
            self._check(value)
        super().__setitem__(index, value)

    def append(self, value):
        super().append(self._check(value))

    def insert(self, index, value):
        super().insert(index, self._check(value))

    def extend(self, iterable):
        super().extend([self._check(v) for v in iterable])

    def __iadd__(self, iterable):
        self.extend(iterable)
        return self

    def copy(self):
        return type(self)(self)


CheckedDict = chkdict
CheckedList = chklist
pydict = dict


class staticarray:
    """`Array[T]`: a fixed-size array of primitives, zero-initialised."""

    def __init__(self, size):
        self._data = [0] * size

    def __class_getitem__(cls, item_type):
        return cls

    def __len__(self):
        return len(self._data)

    def __getitem__(self, index):
        if isinstance(index, slice):
            raise TypeError("Static arrays cannot be sliced")
        return self._data[index]

    def __setitem__(self, index, value):
        self._data[index] = value

    def __iter__(self):
        return iter(self._data)


Array = staticarray


class ExcContextDecorator:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return False

    def __call__(self, func):
        import functools

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with self:
                return func(*args, **kwargs)

        return wrapper


class ContextDecorator(ExcContextDecorator):
    def __exit__(self, exc_type, exc_value, traceback):
        return False


from __static__.enum import Enum, IntEnum, StringEnum  # noqa: E402
