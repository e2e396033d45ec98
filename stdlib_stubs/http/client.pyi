import email.message
import io
import socket
import types
from typing import IO, Any, BinaryIO, Callable, Iterable, Iterator, Mapping, TypeVar, overload

_T = TypeVar("_T")
_Self = TypeVar("_Self")
_DataType = bytes | bytearray | memoryview | IO[Any] | Iterable[bytes] | str

responses: dict[int, str]

ACCEPTED: int
ALREADY_REPORTED: int
BAD_GATEWAY: int
BAD_REQUEST: int
CONFLICT: int
CONTINUE: int
CREATED: int
EARLY_HINTS: int
EXPECTATION_FAILED: int
FAILED_DEPENDENCY: int
FORBIDDEN: int
FOUND: int
GATEWAY_TIMEOUT: int
GONE: int
HTTP_VERSION_NOT_SUPPORTED: int
IM_A_TEAPOT: int
IM_USED: int
INSUFFICIENT_STORAGE: int
INTERNAL_SERVER_ERROR: int
LENGTH_REQUIRED: int
LOCKED: int
LOOP_DETECTED: int
METHOD_NOT_ALLOWED: int
MISDIRECTED_REQUEST: int
MOVED_PERMANENTLY: int
MULTIPLE_CHOICES: int
MULTI_STATUS: int
NETWORK_AUTHENTICATION_REQUIRED: int
NON_AUTHORITATIVE_INFORMATION: int
NOT_ACCEPTABLE: int
NOT_EXTENDED: int
NOT_FOUND: int
NOT_IMPLEMENTED: int
NOT_MODIFIED: int
NO_CONTENT: int
OK: int
PARTIAL_CONTENT: int
PAYMENT_REQUIRED: int
PERMANENT_REDIRECT: int
PRECONDITION_FAILED: int
PRECONDITION_REQUIRED: int
PROCESSING: int
PROXY_AUTHENTICATION_REQUIRED: int
REQUESTED_RANGE_NOT_SATISFIABLE: int
REQUEST_ENTITY_TOO_LARGE: int
REQUEST_HEADER_FIELDS_TOO_LARGE: int
REQUEST_TIMEOUT: int
REQUEST_URI_TOO_LONG: int
RESET_CONTENT: int
SEE_OTHER: int
SERVICE_UNAVAILABLE: int
SWITCHING_PROTOCOLS: int
TEMPORARY_REDIRECT: int
TOO_EARLY: int
TOO_MANY_REQUESTS: int
UNAUTHORIZED: int
UNAVAILABLE_FOR_LEGAL_REASONS: int
UNPROCESSABLE_ENTITY: int
UNSUPPORTED_MEDIA_TYPE: int
UPGRADE_REQUIRED: int
USE_PROXY: int
VARIANT_ALSO_NEGOTIATES: int
_MAXHEADERS: int
_MAXLINE: int
HTTP_PORT: int
HTTPS_PORT: int

class HTTPMessage(email.message.Message):
    def getallmatchingheaders(self, name: str) -> list[str]: ...

def parse_headers(fp: IO[bytes], _class: Callable[[], email.message.Message] = ...) -> HTTPMessage: ...

class HTTPResponse(io.BufferedIOBase, BinaryIO):  # type: ignore[misc]
    msg: HTTPMessage
    headers: HTTPMessage
    version: int
    debuglevel: int
    fp: io.BufferedReader
    closed: bool
    status: int
    reason: str
    chunked: bool
    chunk_left: int | None
    length: int | None
    will_close: bool
    def __init__(self, sock: socket.socket, debuglevel: int = 0, method: str | None = None, url: str | None = None) -> None: ...
    def peek(self, n: int = -1) -> bytes: ...
    def read(self, amt: int | None = None) -> bytes: ...
    def read1(self, n: int = -1) -> bytes: ...
    def readinto(self, b: bytearray | memoryview) -> int: ...
    def readline(self, limit: int = -1) -> bytes: ...
    @overload
    def getheader(self, name: str) -> str | None: ...
    @overload
    def getheader(self, name: str, default: _T) -> str | _T: ...
    def getheaders(self) -> list[tuple[str, str]]: ...
    def isclosed(self) -> bool: ...
    def __iter__(self) -> Iterator[bytes]: ...
    def __enter__(self: _Self) -> _Self: ...
    def __exit__(self, exc_type: type[BaseException] | None, exc_val: BaseException | None, exc_tb: types.TracebackType | None) -> None: ...
    def info(self) -> email.message.Message: ...
    def geturl(self) -> str: ...
    def getcode(self) -> int: ...
    def begin(self) -> None: ...

class HTTPConnection:
    auto_open: int
    debuglevel: int
    default_port: int
    response_class: type[HTTPResponse]
    timeout: float | None
    host: str
    port: int
    sock: socket.socket | Any
    def __init__(self, host: str, port: int | None = None, timeout: float | None = ..., source_address: tuple[str, int] | None = None, blocksize: int = 8192) -> None: ...
    def request(self, method: str, url: str, body: _DataType | None = None, headers: Mapping[str, str] = {}, *, encode_chunked: bool = False) -> None: ...
    def getresponse(self) -> HTTPResponse: ...
    def set_debuglevel(self, level: int) -> None: ...
    def set_tunnel(self, host: str, port: int | None = None, headers: Mapping[str, str] | None = None) -> None: ...
    def connect(self) -> None: ...
    def close(self) -> None: ...
    def putrequest(self, method: str, url: str, skip_host: bool = False, skip_accept_encoding: bool = False) -> None: ...
    def putheader(self, header: str | bytes, *argument: str | bytes) -> None: ...
    def endheaders(self, message_body: _DataType | None = None, *, encode_chunked: bool = False) -> None: ...
    def send(self, data: _DataType | str) -> None: ...

class HTTPSConnection(HTTPConnection):
    def __init__(
        self,
        host: str,
        port: int | None = None,
        key_file: str | None = None,
        cert_file: str | None = None,
        timeout: float | None = ...,
        source_address: tuple[str, int] | None = None,
        *,
        context: Any = None,
        check_hostname: bool | None = None,
        blocksize: int = 8192,
    ) -> None: ...

class HTTPException(Exception): ...

error = HTTPException

class NotConnected(HTTPException): ...
class InvalidURL(HTTPException): ...

class UnknownProtocol(HTTPException):
    def __init__(self, version: str) -> None: ...

class UnknownTransferEncoding(HTTPException): ...
class UnimplementedFileMode(HTTPException): ...

class IncompleteRead(HTTPException):
    def __init__(self, partial: bytes, expected: int | None = None) -> None: ...
    partial: bytes
    expected: int | None

class ImproperConnectionState(HTTPException): ...
class CannotSendRequest(ImproperConnectionState): ...
class CannotSendHeader(ImproperConnectionState): ...
class ResponseNotReady(ImproperConnectionState): ...

class BadStatusLine(HTTPException):
    def __init__(self, line: str) -> None: ...
    line: str

class LineTooLong(HTTPException):
    def __init__(self, line_type: str) -> None: ...

class RemoteDisconnected(ConnectionResetError, BadStatusLine): ...
