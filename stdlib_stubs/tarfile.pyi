import io
import os
import types
from typing import IO, Any, Callable, Iterable, Iterator, Literal, Mapping, TypeVar, overload

_Self = TypeVar("_Self")

class TarError(Exception): ...
class ReadError(TarError): ...
class CompressionError(TarError): ...
class StreamError(TarError): ...
class ExtractError(TarError): ...
class HeaderError(TarError): ...

NUL: bytes
BLOCKSIZE: int
RECORDSIZE: int
GNU_MAGIC: bytes
POSIX_MAGIC: bytes
LENGTH_NAME: int
LENGTH_LINK: int
LENGTH_PREFIX: int
REGTYPE: bytes
AREGTYPE: bytes
LNKTYPE: bytes
SYMTYPE: bytes
CONTTYPE: bytes
BLKTYPE: bytes
DIRTYPE: bytes
FIFOTYPE: bytes
CHRTYPE: bytes
GNUTYPE_LONGNAME: bytes
GNUTYPE_LONGLINK: bytes
GNUTYPE_SPARSE: bytes
XHDTYPE: bytes
XGLTYPE: bytes
SOLARIS_XHDTYPE: bytes
USTAR_FORMAT: int
GNU_FORMAT: int
PAX_FORMAT: int
DEFAULT_FORMAT: int
SUPPORTED_TYPES: tuple[bytes, ...]
REGULAR_TYPES: tuple[bytes, ...]
GNU_TYPES: tuple[bytes, ...]
PAX_FIELDS: tuple[str, ...]
PAX_NUMBER_FIELDS: dict[str, type]
PAX_NAME_FIELDS: set[str]
ENCODING: str

def open(
    name: str | os.PathLike[str] | None = None,
    mode: str = "r",
    fileobj: IO[bytes] | None = None,
    bufsize: int = 10240,
    *,
    format: int | None = ...,
    tarinfo: type[TarInfo] | None = ...,
    dereference: bool | None = ...,
    ignore_zeros: bool | None = ...,
    encoding: str | None = ...,
    errors: str = ...,
    pax_headers: Mapping[str, str] | None = ...,
    debug: int | None = ...,
    errorlevel: int | None = ...,
    compresslevel: int | None = ...,
) -> TarFile: ...

class ExFileObject(io.BufferedReader):
    def __init__(self, tarfile: TarFile, tarinfo: TarInfo) -> None: ...

class TarFile:
    OPEN_METH: Mapping[str, str]
    name: Any
    mode: Literal["r", "a", "w", "x"]
    fileobj: IO[bytes] | None
    format: int | None
    tarinfo: type[TarInfo]
    dereference: bool | None
    ignore_zeros: bool | None
    encoding: str | None
    errors: str
    fileobject: type[ExFileObject]
    pax_headers: Mapping[str, str] | None
    debug: int | None
    errorlevel: int | None
    offset: int
    def __init__(
        self,
        name: str | os.PathLike[str] | None = None,
        mode: Literal["r", "a", "w", "x"] = "r",
        fileobj: IO[bytes] | None = None,
        format: int | None = None,
        tarinfo: type[TarInfo] | None = None,
        dereference: bool | None = None,
        ignore_zeros: bool | None = None,
        encoding: str | None = None,
        errors: str = "surrogateescape",
        pax_headers: Mapping[str, str] | None = None,
        debug: int | None = None,
        errorlevel: int | None = None,
        copybufsize: int | None = None,
    ) -> None: ...
    def __enter__(self: _Self) -> _Self: ...
    def __exit__(self, type: type[BaseException] | None, value: BaseException | None, traceback: types.TracebackType | None) -> None: ...
    def __iter__(self) -> Iterator[TarInfo]: ...
    @classmethod
    def open(cls, name: Any = None, mode: str = "r", fileobj: IO[bytes] | None = None, bufsize: int = 10240, **kwargs: Any) -> TarFile: ...
    @classmethod
    def taropen(cls, name: Any, mode: Literal["r", "a", "w", "x"] = "r", fileobj: IO[bytes] | None = None, **kwargs: Any) -> TarFile: ...
    @classmethod
    def gzopen(cls, name: Any, mode: Literal["r", "w", "x"] = "r", fileobj: IO[bytes] | None = None, compresslevel: int = 9, **kwargs: Any) -> TarFile: ...
    @classmethod
    def bz2open(cls, name: Any, mode: Literal["r", "w", "x"] = "r", fileobj: IO[bytes] | None = None, compresslevel: int = 9, **kwargs: Any) -> TarFile: ...
    @classmethod
    def xzopen(cls, name: Any, mode: Literal["r", "w", "x"] = "r", fileobj: IO[bytes] | None = None, preset: int | None = None, **kwargs: Any) -> TarFile: ...
    def getmember(self, name: str) -> TarInfo: ...
    def getmembers(self) -> _List[TarInfo]: ...
    def getnames(self) -> _List[str]: ...
    def list(self, verbose: bool = True, *, members: _List[TarInfo] | None = None) -> None: ...
    def next(self) -> TarInfo | None: ...
    def extractall(self, path: str | os.PathLike[str] = ".", members: Iterable[TarInfo] | None = None, *, numeric_owner: bool = False) -> None: ...
    def extract(self, member: str | TarInfo, path: str | os.PathLike[str] = "", set_attrs: bool = True, *, numeric_owner: bool = False) -> None: ...
    def extractfile(self, member: str | TarInfo) -> IO[bytes] | None: ...
    def makedir(self, tarinfo: TarInfo, targetpath: str | os.PathLike[str]) -> None: ...
    def makefile(self, tarinfo: TarInfo, targetpath: str | os.PathLike[str]) -> None: ...
    def add(self, name: str | os.PathLike[str], arcname: str | os.PathLike[str] | None = None, recursive: bool = True, *, filter: Callable[[TarInfo], TarInfo | None] | None = None) -> None: ...
    def addfile(self, tarinfo: TarInfo, fileobj: IO[bytes] | None = None) -> None: ...
    def gettarinfo(self, name: str | os.PathLike[str] | None = None, arcname: str | None = None, fileobj: IO[bytes] | None = None) -> TarInfo: ...
    def close(self) -> None: ...

def is_tarfile(name: str | os.PathLike[str] | IO[bytes]) -> bool: ...

class TarInfo:
    name: str
    path: str
    size: int
    mtime: int | float
    chksum: int
    devmajor: int
    devminor: int
    offset: int
    offset_data: int
    sparse: bytes | None
    tarfile: TarFile | None
    mode: int
    type: bytes
    linkname: str
    uid: int
    gid: int
    uname: str
    gname: str
    pax_headers: Mapping[str, str]
    def __init__(self, name: str = "") -> None: ...
    @classmethod
    def frombuf(cls, buf: bytes | bytearray, encoding: str, errors: str) -> TarInfo: ...
    @classmethod
    def fromtarfile(cls, tarfile: TarFile) -> TarInfo: ...
    @property
    def linkpath(self) -> str: ...
    def get_info(self) -> Mapping[str, str | int | bytes | Mapping[str, str]]: ...
    def tobuf(self, format: int | None = 2, encoding: str | None = "utf-8", errors: str = "surrogateescape") -> bytes: ...
    def create_ustar_header(self, info: Mapping[str, Any], encoding: str, errors: str) -> bytes: ...
    def create_gnu_header(self, info: Mapping[str, Any], encoding: str, errors: str) -> bytes: ...
    def create_pax_header(self, info: Mapping[str, Any], encoding: str) -> bytes: ...
    @classmethod
    def create_pax_global_header(cls, pax_headers: Mapping[str, str]) -> bytes: ...
    def isfile(self) -> bool: ...
    def isreg(self) -> bool: ...
    def issparse(self) -> bool: ...
    def isdir(self) -> bool: ...
    def issym(self) -> bool: ...
    def islnk(self) -> bool: ...
    def ischr(self) -> bool: ...
    def isblk(self) -> bool: ...
    def isfifo(self) -> bool: ...
    def isdev(self) -> bool: ...

_List = list
