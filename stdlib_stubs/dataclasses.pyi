import builtins
from typing import Any, Callable, Generic, Iterable, Literal, Mapping, Protocol, TypeVar, overload

_T = TypeVar("_T")
_C = TypeVar("_C", bound=type[object])

class _MissingType: ...

MISSING: _MissingType

class KW_ONLY: ...

class FrozenInstanceError(AttributeError): ...

class InitVar(Generic[_T]):
    type: builtins.type[_T]
    def __init__(self, type: builtins.type[_T]) -> None: ...
    def __class_getitem__(cls, type: Any) -> Any: ...

class Field(Generic[_T]):
    name: str
    type: Any
    default: _T | _MissingType
    default_factory: Callable[[], _T] | _MissingType
    repr: bool
    hash: bool | None
    init: bool
    compare: bool
    metadata: Mapping[Any, Any]
    kw_only: bool | _MissingType
    def __init__(
        self,
        default: _T,
        default_factory: Callable[[], _T],
        init: bool,
        repr: bool,
        hash: bool | None,
        compare: bool,
        metadata: Mapping[Any, Any],
        kw_only: bool,
    ) -> None: ...
    def __set_name__(self, owner: builtins.type[Any], name: str) -> None: ...

@overload
def dataclass(cls: _C, /) -> _C: ...
@overload
def dataclass(
    cls: None = None,
    /,
    *,
    init: bool = True,
    repr: bool = True,
    eq: bool = True,
    order: bool = False,
    unsafe_hash: bool = False,
    frozen: bool = False,
    match_args: bool = True,
    kw_only: bool = False,
    slots: bool = False,
    weakref_slot: bool = False,
) -> Callable[[_C], _C]: ...
@overload
def field(
    *,
    default: _T,
    init: bool = True,
    repr: bool = True,
    hash: bool | None = None,
    compare: bool = True,
    metadata: Mapping[Any, Any] | None = None,
    kw_only: bool = ...,
) -> _T: ...
@overload
def field(
    *,
    default_factory: Callable[[], _T],
    init: bool = True,
    repr: bool = True,
    hash: bool | None = None,
    compare: bool = True,
    metadata: Mapping[Any, Any] | None = None,
    kw_only: bool = ...,
) -> _T: ...
@overload
def field(
    *,
    init: bool = True,
    repr: bool = True,
    hash: bool | None = None,
    compare: bool = True,
    metadata: Mapping[Any, Any] | None = None,
    kw_only: bool = ...,
) -> Any: ...
def fields(class_or_instance: Any) -> tuple[Field[Any], ...]: ...
def asdict(obj: Any, *, dict_factory: Callable[[list[tuple[str, Any]]], Any] = ...) -> dict[str, Any]: ...
def astuple(obj: Any, *, tuple_factory: Callable[[list[Any]], Any] = ...) -> tuple[Any, ...]: ...
def is_dataclass(obj: Any) -> bool: ...
def replace(obj: _T, /, **changes: Any) -> _T: ...
def make_dataclass(
    cls_name: str,
    fields: Iterable[str | tuple[str, Any] | tuple[str, Any, Any]],
    *,
    bases: tuple[type, ...] = (),
    namespace: dict[str, Any] | None = None,
    init: bool = True,
    repr: bool = True,
    eq: bool = True,
    order: bool = False,
    unsafe_hash: bool = False,
    frozen: bool = False,
    match_args: bool = True,
    kw_only: bool = False,
    slots: bool = False,
    weakref_slot: bool = False,
) -> type: ...
