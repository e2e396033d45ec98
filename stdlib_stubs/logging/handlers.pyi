import datetime
import socket
import threading
from logging import FileHandler, Handler, LogRecord
from queue import Queue, SimpleQueue
from typing import Any, Callable, Pattern

DEFAULT_TCP_LOGGING_PORT: int
DEFAULT_UDP_LOGGING_PORT: int
DEFAULT_HTTP_LOGGING_PORT: int
DEFAULT_SOAP_LOGGING_PORT: int
SYSLOG_UDP_PORT: int
SYSLOG_TCP_PORT: int

class WatchedFileHandler(FileHandler):
    dev: int
    ino: int
    def __init__(self, filename: str, mode: str = "a", encoding: str | None = None, delay: bool = False, errors: str | None = None) -> None: ...
    def _statstream(self) -> None: ...
    def reopenIfNeeded(self) -> None: ...

class BaseRotatingHandler(FileHandler):
    namer: Callable[[str], str] | None
    rotator: Callable[[str, str], None] | None
    def __init__(self, filename: str, mode: str, encoding: str | None = None, delay: bool = False, errors: str | None = None) -> None: ...
    def rotation_filename(self, default_name: str) -> str: ...
    def rotate(self, source: str, dest: str) -> None: ...

class RotatingFileHandler(BaseRotatingHandler):
    maxBytes: int
    backupCount: int
    def __init__(self, filename: str, mode: str = "a", maxBytes: int = 0, backupCount: int = 0, encoding: str | None = None, delay: bool = False, errors: str | None = None) -> None: ...
    def shouldRollover(self, record: LogRecord) -> int: ...
    def doRollover(self) -> None: ...

class TimedRotatingFileHandler(BaseRotatingHandler):
    when: str
    backupCount: int
    utc: bool
    atTime: datetime.time | None
    interval: int
    suffix: str
    dayOfWeek: int
    rolloverAt: int
    extMatch: Pattern[str]
    def __init__(
        self,
        filename: str,
        when: str = "h",
        interval: int = 1,
        backupCount: int = 0,
        encoding: str | None = None,
        delay: bool = False,
        utc: bool = False,
        atTime: datetime.time | None = None,
        errors: str | None = None,
    ) -> None: ...
    def computeRollover(self, currentTime: int) -> int: ...
    def getFilesToDelete(self) -> list[str]: ...
    def shouldRollover(self, record: LogRecord) -> int: ...
    def doRollover(self) -> None: ...

class SocketHandler(Handler):
    host: str
    port: int | None
    address: tuple[str, int] | str
    sock: socket.socket | None
    closeOnError: bool
    retryTime: float | None
    retryStart: float
    retryFactor: float
    retryMax: float
    def __init__(self, host: str, port: int | None) -> None: ...
    def makeSocket(self, timeout: float = 1) -> socket.socket: ...
    def makePickle(self, record: LogRecord) -> bytes: ...
    def send(self, s: bytes) -> None: ...
    def createSocket(self) -> None: ...

class DatagramHandler(SocketHandler): ...

class SysLogHandler(Handler):
    LOG_EMERG: int
    LOG_ALERT: int
    LOG_CRIT: int
    LOG_ERR: int
    LOG_WARNING: int
    LOG_NOTICE: int
    LOG_INFO: int
    LOG_DEBUG: int
    LOG_USER: int
    LOG_LOCAL0: int
    facility: int
    priority_names: dict[str, int]
    facility_names: dict[str, int]
    priority_map: dict[str, str]
    def __init__(self, address: tuple[str, int] | str = ("localhost", 514), facility: str | int = 1, socktype: Any = None) -> None: ...
    def encodePriority(self, facility: int | str, priority: int | str) -> int: ...
    def mapPriority(self, levelName: str) -> str: ...

class SMTPHandler(Handler):
    mailhost: str
    mailport: int | None
    username: str | None
    password: str
    fromaddr: str
    toaddrs: list[str]
    subject: str
    secure: tuple[()] | tuple[str] | tuple[str, str] | None
    timeout: float
    def __init__(
        self,
        mailhost: str | tuple[str, int],
        fromaddr: str,
        toaddrs: str | list[str],
        subject: str,
        credentials: tuple[str, str] | None = None,
        secure: tuple[()] | tuple[str] | tuple[str, str] | None = None,
        timeout: float = 5.0,
    ) -> None: ...
    def getSubject(self, record: LogRecord) -> str: ...

class BufferingHandler(Handler):
    capacity: int
    buffer: list[LogRecord]
    def __init__(self, capacity: int) -> None: ...
    def shouldFlush(self, record: LogRecord) -> bool: ...

class MemoryHandler(BufferingHandler):
    flushLevel: int
    target: Handler | None
    flushOnClose: bool
    def __init__(self, capacity: int, flushLevel: int = 40, target: Handler | None = None, flushOnClose: bool = True) -> None: ...
    def setTarget(self, target: Handler | None) -> None: ...

class HTTPHandler(Handler):
    host: str
    url: str
    method: str
    secure: bool
    credentials: tuple[str, str] | None
    context: Any
    def __init__(self, host: str, url: str, method: str = "GET", secure: bool = False, credentials: tuple[str, str] | None = None, context: Any = None) -> None: ...
    def mapLogRecord(self, record: LogRecord) -> dict[str, Any]: ...
    def getConnection(self, host: str, secure: bool) -> Any: ...

class QueueHandler(Handler):
    queue: Queue[Any] | SimpleQueue[Any]
    def __init__(self, queue: Queue[Any] | SimpleQueue[Any]) -> None: ...
    def prepare(self, record: LogRecord) -> Any: ...
    def enqueue(self, record: LogRecord) -> None: ...

class QueueListener:
    handlers: tuple[Handler, ...]
    respect_handler_level: bool
    queue: Queue[Any] | SimpleQueue[Any]
    def __init__(self, queue: Queue[Any] | SimpleQueue[Any], *handlers: Handler, respect_handler_level: bool = False) -> None: ...
    def dequeue(self, block: bool) -> LogRecord: ...
    def prepare(self, record: LogRecord) -> Any: ...
    def start(self) -> None: ...
    def stop(self) -> None: ...
    def enqueue_sentinel(self) -> None: ...
    def handle(self, record: LogRecord) -> None: ...
