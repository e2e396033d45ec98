# The `__static__` module as the runtime provides it: cinder runs static programs without the
# plain-Python stand-in on PYTHONPATH. Compiled through the compile hook at first import.
# Run dynamically (no static opcodes), a primitive is its Python counterpart: `int64(x)` is
# `int(x)` range-checked to 64 bits, `double(x)` is `float(x)`, `cbool(x)` is `bool(x)`.
# The static opcodes never call into this module: they resolve their descriptors to these
# classes once and work on unboxed values (see `static_rt`).

__path__ = []

TYPED_UINT8, TYPED_INT8, TYPED_UINT16, TYPED_INT16 = 0, 1, 2, 3
TYPED_UINT32, TYPED_INT32, TYPED_UINT64, TYPED_INT64 = 4, 5, 6, 7
TYPED_OBJECT, TYPED_DOUBLE, TYPED_SINGLE, TYPED_CHAR, TYPED_BOOL = 8, 9, 10, 11, 12
TYPED_ARRAY = 0x80

RAND_MAX = (1 << 31) - 1

# (low, high) of each integer type code.
_RANGES = {
    0: (0, 0xFF), 1: (-0x80, 0x7F), 2: (0, 0xFFFF), 3: (-0x8000, 0x7FFF),
    4: (0, 0xFFFFFFFF), 5: (-0x80000000, 0x7FFFFFFF),
    6: (0, 0xFFFFFFFFFFFFFFFF), 7: (-0x8000000000000000, 0x7FFFFFFFFFFFFFFF),
    11: (-0x80, 0x7F),
}


def _prim_convert(code, value):
    v = int(value)
    low, high = _RANGES[code]
    if v < low or v > high:
        raise OverflowError("int overflow")
    return v


def _prim_zero(typ):
    code = getattr(typ, "_type_code", 7)
    if code == 12:
        return False
    if code in (9, 10):
        return 0.0
    return 0


def _type_name(typ):
    if isinstance(typ, type):
        return typ.__name__
    if typ is None:
        return "None"
    args = getattr(typ, "__args__", None)
    if args is not None and len(args) == 2 and type(None) in args:
        other = args[0] if args[1] is type(None) else args[1]
        return f"Optional[{_type_name(other)}]"
    return repr(typ).replace("typing.", "")


def _accepts(typ, value):
    if typ is object:
        return True
    if typ is None:
        return value is None
    code = getattr(typ, "_type_code", None)
    if code is not None and isinstance(typ, type) and typ.__module__ == "__static__":
        if code == 12:
            return isinstance(value, bool)
        if code in (9, 10):
            return isinstance(value, float)
        if not isinstance(value, int) or isinstance(value, bool):
            return False
        low, high = _RANGES[code]
        return low <= value <= high
    if isinstance(typ, type):
        return isinstance(value, typ)
    args = getattr(typ, "__args__", None)
    if args is not None and getattr(typ, "__origin__", None) is not None and type(None) in args:
        return any(_accepts(t, value) for t in args)
    origin = getattr(typ, "__origin__", None)
    if isinstance(origin, type):
        return isinstance(value, origin)
    return True


def _checked_cast(typ, value):
    if not _accepts(typ, value):
        raise TypeError(f"expected '{_type_name(typ)}', got '{type(value).__name__}'")
    return value


def _checked_check(container, key, value):
    cls = type(container)
    if key is not _NO_KEY and not _accepts(cls._key_type, key):
        raise TypeError(f"bad key '{type(key).__name__}' for {cls.__name__}")
    item_type = cls._value_type if key is not _NO_KEY else cls._item_type
    if not _accepts(item_type, value):
        raise TypeError(f"bad value '{type(value).__name__}' for {cls.__name__}")
    return value


_NO_KEY = object()
_SPECIALIZED = {}


def _checked_list_type(base, item_type):
    found = _SPECIALIZED.get((base, item_type))
    if found is None:
        name = f"{base.__name__}[{_type_name(item_type)}]"
        attrs = {"_item_type": item_type, "__module__": "__static__"}
        attrs["_item_code"] = getattr(item_type, "_type_code", 8)
        found = type(name, (base,), attrs)
        _SPECIALIZED[(base, item_type)] = found
    return found


def _checked_dict_type(base, params):
    key_type, value_type = params
    found = _SPECIALIZED.get((base, key_type, value_type))
    if found is None:
        name = f"{base.__name__}[{_type_name(key_type)}, {_type_name(value_type)}]"
        attrs = {"_key_type": key_type, "_value_type": value_type, "__module__": "__static__"}
        found = type(name, (base,), attrs)
        _SPECIALIZED[(base, key_type, value_type)] = found
    return found



class StaticTypeError(TypeError):
    pass


def _int_type(name, code):
    def __new__(cls, value=0):
        return _prim_convert(code, value)

    cls = type(name, (int,), {"__new__": __new__, "__module__": "__static__", "_type_code": code})
    return cls


int8 = _int_type("int8", 1)
int16 = _int_type("int16", 3)
int32 = _int_type("int32", 5)
int64 = _int_type("int64", 7)
uint8 = _int_type("uint8", 0)
uint16 = _int_type("uint16", 2)
uint32 = _int_type("uint32", 4)
uint64 = _int_type("uint64", 6)
char = _int_type("char", 11)
size_t = uint64
ssize_t = int64
byte = int8


class cbool(int):
    _type_code = 12

    def __new__(cls, value=False):
        return bool(value)


class double(float):
    _type_code = 9

    def __new__(cls, value=0.0):
        return float(value)


class single(float):
    _type_code = 10

    def __new__(cls, value=0.0):
        return float(value)


def box(value):
    return value


def unbox(value):
    return value


def cast(typ, value):
    return _checked_cast(typ, value)


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


def set_type_final(t):
    t.__final__ = True
    return t


def set_type_static(t):
    return t


def set_type_static_final(t):
    return set_type_final(t)


def native(so_path):
    return _identity


def is_type_static(t):
    return bool(getattr(t, "__cinder_static__", False))


def is_static_module(m):
    return bool(getattr(m, "__cinder_static__", False))


def is_static_callable(c):
    return bool(getattr(c, "__cinder_static__", False))


class chkdict(dict):
    """`CheckedDict[K, V]`: a dict whose keys and values are checked on every insertion."""

    _key_type = object
    _value_type = object

    def __class_getitem__(cls, params):
        return _checked_dict_type(chkdict, params)

    def __init__(self, *args, **kwargs):
        dict.__init__(self)
        if args or kwargs:
            self.update(*args, **kwargs)

    def __setitem__(self, key, value):
        _checked_check(self, key, value)
        dict.__setitem__(self, key, value)

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return dict.__getitem__(self, key)

    def update(self, *args, **kwargs):
        for key, value in dict(*args, **kwargs).items():
            self[key] = value

    def copy(self):
        return type(self)(self)

    def __repr__(self):
        return dict.__repr__(self)


class chklist(list):
    """`CheckedList[T]`: a list whose elements are checked on every insertion."""

    _item_type = object

    def __class_getitem__(cls, item_type):
        return _checked_list_type(chklist, item_type)

    def __init__(self, iterable=()):
        list.__init__(self)
        self.extend(iterable)

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            value = [_checked_check(self, _NO_KEY, v) for v in value]
        else:
            _checked_check(self, _NO_KEY, value)
        list.__setitem__(self, index, value)

    def append(self, value):
        list.append(self, _checked_check(self, _NO_KEY, value))

    def insert(self, index, value):
        list.insert(self, index, _checked_check(self, _NO_KEY, value))

    def extend(self, iterable):
        list.extend(self, [_checked_check(self, _NO_KEY, v) for v in iterable])

    def __iadd__(self, iterable):
        self.extend(iterable)
        return self

    def copy(self):
        return type(self)(self)

    def __repr__(self):
        return list.__repr__(self)


CheckedDict = chkdict
CheckedList = chklist
pydict = dict


class staticarray(list):
    """`Array[T]`: a fixed-size array of primitives, zero-initialised."""

    _item_type = int64

    def __class_getitem__(cls, item_type):
        return _checked_list_type(staticarray, item_type)

    def __init__(self, size):
        list.__init__(self, [_prim_zero(self._item_type)] * size)

    _item_code = 7
    # Native: check the element type and refuse slices without a Python frame per access.
    __getitem__ = _array_getitem
    __setitem__ = _array_setitem

    def __repr__(self):
        return f"{type(self).__name__}({list.__repr__(self)})"

    def append(self, value):
        raise AttributeError("'staticarray' object has no attribute 'append'")


Array = staticarray


class ExcContextDecorator:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return False

    def __call__(self, func):
        def wrapper(*args, **kwargs):
            with self:
                return func(*args, **kwargs)

        wrapper.__name__ = func.__name__
        wrapper.__qualname__ = func.__qualname__
        wrapper.__doc__ = func.__doc__
        return wrapper


class ContextDecorator(ExcContextDecorator):
    def __exit__(self, exc_type, exc_value, traceback):
        return False


def __getattr__(name):
    # Names that need `typing` or `enum`: made on first use, so that `import __static__`
    # stays cheap.
    g = globals()
    if name in ("TClass", "ClassDecorator"):
        import typing

        tclass = typing.TypeVar("TClass", bound=typing.Type[object])

        class ClassDecorator(typing.Protocol):
            def __call__(self, cls): ...

        ClassDecorator.__module__ = "__static__"
        g["TClass"] = tclass
        g["ClassDecorator"] = ClassDecorator
        return g[name]
    if name in ("Enum", "IntEnum", "StringEnum"):
        import enum

        class StringEnum(str, enum.Enum):
            def __str__(self):
                return str(self.value)

        g["Enum"] = enum.Enum
        g["IntEnum"] = enum.IntEnum
        g["StringEnum"] = StringEnum
        return g[name]
    raise AttributeError(f"module '__static__' has no attribute '{name}'")
