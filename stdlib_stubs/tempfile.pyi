import io
import os
import types
from typing import IO, Any, AnyStr, Generic, Iterable, Iterator, Literal, TypeVar, overload

_Self = TypeVar("_Self")

TMP_MAX: int
tempdir: str | None
template: str

class _TemporaryFileWrapper(IO[AnyStr], Generic[AnyStr]):
    file: IO[AnyStr]
    name: str
    delete: bool
    def __init__(self, file: IO[AnyStr], name: str, delete: bool = True) -> None: ...
    def __enter__(self: _Self) -> _Self: ...
    def __exit__(self, exc: type[BaseException] | None, value: BaseException | None, tb: types.TracebackType | None) -> None: ...
    def __getattr__(self, name: str) -> Any: ...
    def close(self) -> None: ...

@overload
def NamedTemporaryFile(
    mode: Literal["r", "w", "a", "x", "r+", "w+", "a+", "x+", "rt", "wt", "at", "xt", "r+t", "w+t", "a+t", "x+t"],
    buffering: int = -1,
    encoding: str | None = None,
    newline: str | None = None,
    suffix: str | None = None,
    prefix: str | None = None,
    dir: str | os.PathLike[str] | None = None,
    delete: bool = True,
    *,
    errors: str | None = None,
) -> _TemporaryFileWrapper[str]: ...
@overload
def NamedTemporaryFile(
    mode: str = "w+b",
    buffering: int = -1,
    encoding: str | None = None,
    newline: str | None = None,
    suffix: str | None = None,
    prefix: str | None = None,
    dir: str | os.PathLike[str] | None = None,
    delete: bool = True,
    *,
    errors: str | None = None,
) -> _TemporaryFileWrapper[bytes]: ...
@overload
def TemporaryFile(
    mode: Literal["r", "w", "a", "x", "r+", "w+", "a+", "x+", "rt", "wt", "at", "xt", "r+t", "w+t", "a+t", "x+t"],
    buffering: int = -1,
    encoding: str | None = None,
    newline: str | None = None,
    suffix: str | None = None,
    prefix: str | None = None,
    dir: str | os.PathLike[str] | None = None,
    *,
    errors: str | None = None,
) -> IO[str]: ...
@overload
def TemporaryFile(
    mode: str = "w+b",
    buffering: int = -1,
    encoding: str | None = None,
    newline: str | None = None,
    suffix: str | None = None,
    prefix: str | None = None,
    dir: str | os.PathLike[str] | None = None,
    *,
    errors: str | None = None,
) -> IO[bytes]: ...

class SpooledTemporaryFile(IO[AnyStr], Generic[AnyStr]):
    def __init__(
        self,
        max_size: int = 0,
        mode: str = "w+b",
        buffering: int = -1,
        encoding: str | None = None,
        newline: str | None = None,
        suffix: str | None = None,
        prefix: str | None = None,
        dir: str | None = None,
        *,
        errors: str | None = None,
    ) -> None: ...
    def rollover(self) -> None: ...
    def __enter__(self: _Self) -> _Self: ...
    def __exit__(self, exc: type[BaseException] | None, value: BaseException | None, tb: types.TracebackType | None) -> None: ...

class TemporaryDirectory(Generic[AnyStr]):
    name: AnyStr
    @overload
    def __init__(
        self: TemporaryDirectory[str],
        suffix: str | None = None,
        prefix: str | None = None,
        dir: str | os.PathLike[str] | None = None,
        ignore_cleanup_errors: bool = False,
    ) -> None: ...
    @overload
    def __init__(
        self: TemporaryDirectory[bytes],
        suffix: bytes | None = None,
        prefix: bytes | None = None,
        dir: bytes | os.PathLike[bytes] | None = None,
        ignore_cleanup_errors: bool = False,
    ) -> None: ...
    def cleanup(self) -> None: ...
    def __enter__(self) -> AnyStr: ...
    def __exit__(self, exc: type[BaseException] | None, value: BaseException | None, tb: types.TracebackType | None) -> None: ...
    def __class_getitem__(cls, item: Any, /) -> types.GenericAlias: ...

@overload
def mkstemp(suffix: str | None = None, prefix: str | None = None, dir: str | os.PathLike[str] | None = None, text: bool = False) -> tuple[int, str]: ...
@overload
def mkstemp(suffix: bytes | None = None, prefix: bytes | None = None, dir: bytes | os.PathLike[bytes] | None = None, text: bool = False) -> tuple[int, bytes]: ...
@overload
def mkdtemp(suffix: str | None = None, prefix: str | None = None, dir: str | os.PathLike[str] | None = None) -> str: ...
@overload
def mkdtemp(suffix: bytes | None = None, prefix: bytes | None = None, dir: bytes | os.PathLike[bytes] | None = None) -> bytes: ...
def mktemp(suffix: str = "", prefix: str = ..., dir: str | os.PathLike[str] | None = None) -> str: ...
def gettempdirb() -> bytes: ...
def gettempprefixb() -> bytes: ...
def gettempdir() -> str: ...
def gettempprefix() -> str: ...
