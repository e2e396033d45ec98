import enum
import types
from typing import Any, Callable, Iterable

_Handler = Callable[[int, types.FrameType | None], Any] | int | Handlers | None

class Signals(enum.IntEnum):
    SIGABRT = 6
    SIGALRM = 14
    SIGBUS = 7
    SIGCHLD = 17
    SIGCLD = 17
    SIGCONT = 18
    SIGFPE = 8
    SIGHUP = 1
    SIGILL = 4
    SIGINT = 2
    SIGIO = 29
    SIGIOT = 6
    SIGKILL = 9
    SIGPIPE = 13
    SIGPOLL = 29
    SIGPROF = 27
    SIGPWR = 30
    SIGQUIT = 3
    SIGRTMAX = 64
    SIGRTMIN = 34
    SIGSEGV = 11
    SIGSTKFLT = 16
    SIGSTOP = 19
    SIGSYS = 31
    SIGTERM = 15
    SIGTRAP = 5
    SIGTSTP = 20
    SIGTTIN = 21
    SIGTTOU = 22
    SIGURG = 23
    SIGUSR1 = 10
    SIGUSR2 = 12
    SIGVTALRM = 26
    SIGWINCH = 28
    SIGXCPU = 24
    SIGXFSZ = 25

class Handlers(enum.IntEnum):
    SIG_DFL = 0
    SIG_IGN = 1

class Sigmasks(enum.IntEnum):
    SIG_BLOCK = 0
    SIG_UNBLOCK = 1
    SIG_SETMASK = 2

SIGABRT: Signals
SIGALRM: Signals
SIGBUS: Signals
SIGCHLD: Signals
SIGCLD: Signals
SIGCONT: Signals
SIGFPE: Signals
SIGHUP: Signals
SIGILL: Signals
SIGINT: Signals
SIGIO: Signals
SIGIOT: Signals
SIGKILL: Signals
SIGPIPE: Signals
SIGPOLL: Signals
SIGPROF: Signals
SIGPWR: Signals
SIGQUIT: Signals
SIGRTMAX: Signals
SIGRTMIN: Signals
SIGSEGV: Signals
SIGSTKFLT: Signals
SIGSTOP: Signals
SIGSYS: Signals
SIGTERM: Signals
SIGTRAP: Signals
SIGTSTP: Signals
SIGTTIN: Signals
SIGTTOU: Signals
SIGURG: Signals
SIGUSR1: Signals
SIGUSR2: Signals
SIGVTALRM: Signals
SIGWINCH: Signals
SIGXCPU: Signals
SIGXFSZ: Signals
SIG_DFL: Handlers
SIG_IGN: Handlers
SIG_BLOCK: Sigmasks
SIG_UNBLOCK: Sigmasks
SIG_SETMASK: Sigmasks
NSIG: int
ITIMER_REAL: int
ITIMER_VIRTUAL: int
ITIMER_PROF: int

class ItimerError(OSError): ...

def signal(signalnum: int, handler: _Handler, /) -> _Handler: ...
def getsignal(signalnum: int, /) -> _Handler: ...
def default_int_handler(signalnum: int, frame: types.FrameType | None, /) -> None: ...
def raise_signal(signalnum: int, /) -> None: ...
def set_wakeup_fd(fd: int, /, *, warn_on_full_buffer: bool = True) -> int: ...
def alarm(seconds: int, /) -> int: ...
def pause() -> None: ...
def getitimer(which: int, /) -> tuple[float, float]: ...
def setitimer(which: int, seconds: float, interval: float = 0.0, /) -> tuple[float, float]: ...
def siginterrupt(signalnum: int, flag: bool, /) -> None: ...
def pthread_kill(thread_id: int, signalnum: int, /) -> None: ...
def pthread_sigmask(how: int, mask: Iterable[int], /) -> set[Signals]: ...
def sigpending() -> set[Signals]: ...
def sigwait(sigset: Iterable[int], /) -> Signals: ...
def valid_signals() -> set[Signals]: ...
def strsignal(signalnum: int, /) -> str | None: ...
def pidfd_send_signal(pidfd: int, sig: int, siginfo: None = None, flags: int = ..., /) -> None: ...
