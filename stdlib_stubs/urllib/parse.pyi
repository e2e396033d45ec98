from typing import Any, AnyStr, Callable, Generic, Iterable, Mapping, NamedTuple, Sequence, TypeVar, overload

_Self = TypeVar("_Self")

uses_relative: list[str]
uses_netloc: list[str]
uses_params: list[str]
non_hierarchical: list[str]
uses_query: list[str]
uses_fragment: list[str]
scheme_chars: str

class _NetlocResultMixinBase(Generic[AnyStr]):
    @property
    def username(self) -> AnyStr | None: ...
    @property
    def password(self) -> AnyStr | None: ...
    @property
    def hostname(self) -> AnyStr | None: ...
    @property
    def port(self) -> int | None: ...

class _DefragResultBase(NamedTuple):
    url: str
    fragment: str

class _SplitResultBase(NamedTuple):
    scheme: str
    netloc: str
    path: str
    query: str
    fragment: str

class _ParseResultBase(NamedTuple):
    scheme: str
    netloc: str
    path: str
    params: str
    query: str
    fragment: str

class DefragResult(_DefragResultBase):
    def geturl(self) -> str: ...

class SplitResult(_SplitResultBase, _NetlocResultMixinBase[str]):
    def geturl(self) -> str: ...

class ParseResult(_ParseResultBase, _NetlocResultMixinBase[str]):
    def geturl(self) -> str: ...

class DefragResultBytes(NamedTuple):
    url: bytes
    fragment: bytes
    def geturl(self) -> bytes: ...

class SplitResultBytes(NamedTuple):
    scheme: bytes
    netloc: bytes
    path: bytes
    query: bytes
    fragment: bytes
    def geturl(self) -> bytes: ...

class ParseResultBytes(NamedTuple):
    scheme: bytes
    netloc: bytes
    path: bytes
    params: bytes
    query: bytes
    fragment: bytes
    def geturl(self) -> bytes: ...

def parse_qs(qs: AnyStr | None, keep_blank_values: bool = False, strict_parsing: bool = False, encoding: str = "utf-8", errors: str = "replace", max_num_fields: int | None = None, separator: str = "&") -> dict[AnyStr, list[AnyStr]]: ...
def parse_qsl(qs: AnyStr | None, keep_blank_values: bool = False, strict_parsing: bool = False, encoding: str = "utf-8", errors: str = "replace", max_num_fields: int | None = None, separator: str = "&") -> list[tuple[AnyStr, AnyStr]]: ...
@overload
def quote(string: str, safe: str | Iterable[int] = "/", encoding: str | None = None, errors: str | None = None) -> str: ...
@overload
def quote(string: bytes | bytearray, safe: str | Iterable[int] = "/") -> str: ...
def quote_from_bytes(bs: bytes | bytearray, safe: str | Iterable[int] = "/") -> str: ...
@overload
def quote_plus(string: str, safe: str | Iterable[int] = "", encoding: str | None = None, errors: str | None = None) -> str: ...
@overload
def quote_plus(string: bytes | bytearray, safe: str | Iterable[int] = "") -> str: ...
def unquote(string: str | bytes, encoding: str = "utf-8", errors: str = "replace") -> str: ...
def unquote_to_bytes(string: str | bytes | bytearray) -> bytes: ...
def unquote_plus(string: str, encoding: str = "utf-8", errors: str = "replace") -> str: ...
@overload
def urldefrag(url: str) -> DefragResult: ...
@overload
def urldefrag(url: bytes | bytearray | None) -> DefragResultBytes: ...
def urlencode(
    query: Mapping[Any, Any] | Sequence[tuple[Any, Any]],
    doseq: bool = False,
    safe: str | bytes = "",
    encoding: str | None = None,
    errors: str | None = None,
    quote_via: Callable[..., str] = ...,
) -> str: ...
def urljoin(base: AnyStr, url: AnyStr | None, allow_fragments: bool = True) -> AnyStr: ...
@overload
def urlparse(url: str, scheme: str = "", allow_fragments: bool = True) -> ParseResult: ...
@overload
def urlparse(url: bytes | bytearray | None, scheme: bytes | bytearray | None | str = "", allow_fragments: bool = True) -> ParseResultBytes: ...
@overload
def urlsplit(url: str, scheme: str = "", allow_fragments: bool = True) -> SplitResult: ...
@overload
def urlsplit(url: bytes | bytearray | None, scheme: bytes | bytearray | None | str = "", allow_fragments: bool = True) -> SplitResultBytes: ...
@overload
def urlunparse(components: Iterable[None]) -> bytes: ...
@overload
def urlunparse(components: Iterable[AnyStr | None]) -> AnyStr: ...
@overload
def urlunsplit(components: Iterable[None]) -> bytes: ...
@overload
def urlunsplit(components: Iterable[AnyStr | None]) -> AnyStr: ...
def unwrap(url: str) -> str: ...
