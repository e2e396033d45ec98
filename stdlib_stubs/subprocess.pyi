import types
from typing import IO, Any, AnyStr, Callable, Collection, Generic, Iterable, Mapping, Sequence, TypeVar, overload

_T = TypeVar("_T")
_Self = TypeVar("_Self")
_Cmd = str | bytes | Sequence[Any]
_Env = Mapping[str, str] | Mapping[bytes, bytes]
_File = None | int | IO[Any]

PIPE: int
STDOUT: int
DEVNULL: int

class SubprocessError(Exception): ...

class TimeoutExpired(SubprocessError):
    cmd: _Cmd
    timeout: float
    output: Any
    stdout: Any
    stderr: Any
    def __init__(self, cmd: _Cmd, timeout: float, output: str | bytes | None = None, stderr: str | bytes | None = None) -> None: ...

class CalledProcessError(SubprocessError):
    returncode: int
    cmd: _Cmd
    output: Any
    stdout: Any
    stderr: Any
    def __init__(self, returncode: int, cmd: _Cmd, output: str | bytes | None = None, stderr: str | bytes | None = None) -> None: ...

class CompletedProcess(Generic[_T]):
    args: Any
    returncode: int
    stdout: _T
    stderr: _T
    def __init__(self, args: _Cmd, returncode: int, stdout: _T | None = None, stderr: _T | None = None) -> None: ...
    def check_returncode(self) -> None: ...
    def __class_getitem__(cls, item: Any, /) -> types.GenericAlias: ...

def run(
    args: _Cmd,
    bufsize: int = -1,
    executable: str | bytes | None = None,
    stdin: _File = None,
    stdout: _File = None,
    stderr: _File = None,
    preexec_fn: Callable[[], Any] | None = None,
    close_fds: bool = True,
    shell: bool = False,
    cwd: Any = None,
    env: _Env | None = None,
    universal_newlines: bool | None = None,
    startupinfo: Any = None,
    creationflags: int = 0,
    restore_signals: bool = True,
    start_new_session: bool = False,
    pass_fds: Collection[int] = (),
    *,
    capture_output: bool = False,
    check: bool = False,
    encoding: str | None = None,
    errors: str | None = None,
    input: Any = None,
    text: bool | None = None,
    timeout: float | None = None,
    user: str | int | None = None,
    group: str | int | None = None,
    extra_groups: Iterable[str | int] | None = None,
    umask: int = -1,
    pipesize: int = -1,
) -> CompletedProcess[Any]: ...
def call(args: _Cmd, *popenargs: Any, timeout: float | None = None, **kwargs: Any) -> int: ...
def check_call(args: _Cmd, *popenargs: Any, timeout: float | None = None, **kwargs: Any) -> int: ...
def check_output(args: _Cmd, *popenargs: Any, timeout: float | None = None, input: Any = ..., **kwargs: Any) -> Any: ...
def getstatusoutput(cmd: str | bytes, *, encoding: str | None = None, errors: str | None = None) -> tuple[int, str]: ...
def getoutput(cmd: str | bytes, *, encoding: str | None = None, errors: str | None = None) -> str: ...
def list2cmdline(seq: Iterable[str]) -> str: ...

class Popen(Generic[AnyStr]):
    args: _Cmd
    stdin: IO[AnyStr] | None
    stdout: IO[AnyStr] | None
    stderr: IO[AnyStr] | None
    pid: int
    returncode: int | Any
    universal_newlines: bool
    def __init__(
        self,
        args: _Cmd,
        bufsize: int = -1,
        executable: str | bytes | None = None,
        stdin: _File = None,
        stdout: _File = None,
        stderr: _File = None,
        preexec_fn: Callable[[], Any] | None = None,
        close_fds: bool = True,
        shell: bool = False,
        cwd: Any = None,
        env: _Env | None = None,
        universal_newlines: bool | None = None,
        startupinfo: Any = None,
        creationflags: int = 0,
        restore_signals: bool = True,
        start_new_session: bool = False,
        pass_fds: Collection[int] = (),
        *,
        text: bool | None = None,
        encoding: str | None = None,
        errors: str | None = None,
        user: str | int | None = None,
        group: str | int | None = None,
        extra_groups: Iterable[str | int] | None = None,
        umask: int = -1,
        pipesize: int = -1,
    ) -> None: ...
    def poll(self) -> int | None: ...
    def wait(self, timeout: float | None = None) -> int: ...
    def communicate(self, input: AnyStr | None = None, timeout: float | None = None) -> tuple[Any, Any]: ...
    def send_signal(self, sig: int) -> None: ...
    def terminate(self) -> None: ...
    def kill(self) -> None: ...
    def __enter__(self: _Self) -> _Self: ...
    def __exit__(self, exc_type: type[BaseException] | None, value: BaseException | None, traceback: types.TracebackType | None) -> None: ...
    def __class_getitem__(cls, item: Any, /) -> types.GenericAlias: ...
