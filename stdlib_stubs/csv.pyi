from typing import Any, Collection, Generic, Iterable, Iterator, Mapping, Sequence, TypeVar, overload

_T = TypeVar("_T")
_Self = TypeVar("_Self")

QUOTE_ALL: int
QUOTE_MINIMAL: int
QUOTE_NONE: int
QUOTE_NONNUMERIC: int

class Error(Exception): ...

class Dialect:
    delimiter: str
    quotechar: str | None
    escapechar: str | None
    doublequote: bool
    skipinitialspace: bool
    lineterminator: str
    quoting: int
    strict: bool
    def __init__(self) -> None: ...

class excel(Dialect): ...
class excel_tab(excel): ...
class unix_dialect(Dialect): ...

class _reader(Iterator[list[str]]):
    @property
    def dialect(self) -> Dialect: ...
    line_num: int
    def __iter__(self: _Self) -> _Self: ...
    def __next__(self) -> list[str]: ...

class _writer:
    @property
    def dialect(self) -> Dialect: ...
    def writerow(self, row: Iterable[Any], /) -> Any: ...
    def writerows(self, rows: Iterable[Iterable[Any]], /) -> None: ...

def reader(csvfile: Iterable[str], /, dialect: str | type[Dialect] | Dialect = "excel", **fmtparams: Any) -> _reader: ...
def writer(csvfile: Any, /, dialect: str | type[Dialect] | Dialect = "excel", **fmtparams: Any) -> _writer: ...
def register_dialect(name: str, dialect: type[Dialect] | Dialect = ..., **fmtparams: Any) -> None: ...
def unregister_dialect(name: str) -> None: ...
def get_dialect(name: str) -> Dialect: ...
def list_dialects() -> list[str]: ...
def field_size_limit(new_limit: int = ...) -> int: ...

class DictReader(Iterator[dict[_T | Any, str | Any]], Generic[_T]):
    fieldnames: Sequence[_T] | None
    restkey: _T | None
    restval: str | Any | None
    reader: _reader
    dialect: str | type[Dialect] | Dialect
    line_num: int
    def __init__(
        self,
        f: Iterable[str],
        fieldnames: Sequence[_T] | None = None,
        restkey: _T | None = None,
        restval: str | Any | None = None,
        dialect: str | type[Dialect] | Dialect = "excel",
        *args: Any,
        **kwds: Any,
    ) -> None: ...
    def __iter__(self: _Self) -> _Self: ...
    def __next__(self) -> dict[_T | Any, str | Any]: ...

class DictWriter(Generic[_T]):
    fieldnames: Collection[_T]
    restval: Any | None
    extrasaction: str
    writer: _writer
    def __init__(
        self,
        f: Any,
        fieldnames: Collection[_T],
        restval: Any | None = "",
        extrasaction: str = "raise",
        dialect: str | type[Dialect] | Dialect = "excel",
        *args: Any,
        **kwds: Any,
    ) -> None: ...
    def writeheader(self) -> Any: ...
    def writerow(self, rowdict: Mapping[_T, Any]) -> Any: ...
    def writerows(self, rowdicts: Iterable[Mapping[_T, Any]]) -> None: ...

class Sniffer:
    preferred: list[str]
    def sniff(self, sample: str, delimiters: str | None = None) -> type[Dialect]: ...
    def has_header(self, sample: str) -> bool: ...
