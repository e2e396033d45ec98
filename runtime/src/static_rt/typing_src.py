# A small `typing`, used only when the standard library's cannot be imported by this runtime
# (its import chain needs built-ins the runtime does not have yet). Static programs import
# `Final`, `Optional` and friends for their annotations; at run time these only need to exist
# and be subscriptable. Aliases keep `__origin__` and `__args__` as the real ones do.

TYPE_CHECKING = False


class _Alias:
    def __init__(self, origin, args, name):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _Alias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __eq__(self, other):
        return (
            isinstance(other, _Alias)
            and self.__origin__ == other.__origin__
            and self.__args__ == other.__args__
        )

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __repr__(self):
        if not self.__args__:
            return "typing." + self._name
        args = ", ".join(_type_repr(a) for a in self.__args__)
        return f"typing.{self._name}[{args}]"


def _type_repr(t):
    if isinstance(t, type):
        if t.__module__ == "builtins":
            return t.__qualname__
        return f"{t.__module__}.{t.__qualname__}"
    if t is None or t is type(None):
        return "None"
    return repr(t)


class _SpecialForm:
    def __init__(self, name, origin=None):
        self._name = name
        self._origin = origin

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(type(None) if p is None else p for p in params)
        if self._name == "Optional":
            return _Alias(Union, params + (type(None),), "Optional")
        return _Alias(self if self._origin is None else self._origin, params, self._name)

    def __repr__(self):
        return "typing." + self._name


Any = _SpecialForm("Any")
Union = _SpecialForm("Union")
Optional = _SpecialForm("Optional")
Final = _SpecialForm("Final")
ClassVar = _SpecialForm("ClassVar")
Literal = _SpecialForm("Literal")
Annotated = _SpecialForm("Annotated")
NoReturn = _SpecialForm("NoReturn")
Never = _SpecialForm("Never")
Self = _SpecialForm("Self")
LiteralString = _SpecialForm("LiteralString")
TypeAlias = _SpecialForm("TypeAlias")
Concatenate = _SpecialForm("Concatenate")
TypeGuard = _SpecialForm("TypeGuard")

import _collections_abc as _abc  # noqa: E402

List = _Alias(list, (), "List")
Dict = _Alias(dict, (), "Dict")
Set = _Alias(set, (), "Set")
FrozenSet = _Alias(frozenset, (), "FrozenSet")
Tuple = _Alias(tuple, (), "Tuple")
Type = _Alias(type, (), "Type")
Callable = _Alias(_abc.Callable, (), "Callable")
Iterable = _Alias(_abc.Iterable, (), "Iterable")
Iterator = _Alias(_abc.Iterator, (), "Iterator")
Sequence = _Alias(_abc.Sequence, (), "Sequence")
MutableSequence = _Alias(_abc.MutableSequence, (), "MutableSequence")
Mapping = _Alias(_abc.Mapping, (), "Mapping")
MutableMapping = _Alias(_abc.MutableMapping, (), "MutableMapping")
Generator = _Alias(_abc.Generator, (), "Generator")
Hashable = _Alias(_abc.Hashable, (), "Hashable")
Sized = _Alias(_abc.Sized, (), "Sized")
Collection = _Alias(_abc.Collection, (), "Collection")
Awaitable = _Alias(_abc.Awaitable, (), "Awaitable")
Coroutine = _Alias(_abc.Coroutine, (), "Coroutine")
AsyncIterator = _Alias(_abc.AsyncIterator, (), "AsyncIterator")
AsyncIterable = _Alias(_abc.AsyncIterable, (), "AsyncIterable")
DefaultDict = _Alias(dict, (), "DefaultDict")


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound

    def __repr__(self):
        return "~" + self.__name__


class ParamSpec(TypeVar):
    pass


class Generic:
    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    pass


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(f):
    return f


def runtime_checkable(cls):
    return cls


def get_origin(tp):
    return getattr(tp, "__origin__", None)


def get_args(tp):
    return getattr(tp, "__args__", ())


def get_type_hints(obj, globalns=None, localns=None):
    return dict(getattr(obj, "__annotations__", {}))


def NewType(name, tp):
    def new_type(x):
        return x

    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


def NamedTuple(typename, fields=None, **kwargs):
    import collections

    names = [n for n, _ in (fields or kwargs.items())]
    return collections.namedtuple(typename, names)
