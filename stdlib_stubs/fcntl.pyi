from typing import Any

DN_ACCESS: int
DN_ATTRIB: int
DN_CREATE: int
DN_DELETE: int
DN_MODIFY: int
DN_MULTISHOT: int
DN_RENAME: int
FASYNC: int
FD_CLOEXEC: int
F_ADD_SEALS: int
F_DUPFD: int
F_DUPFD_CLOEXEC: int
F_EXLCK: int
F_GETFD: int
F_GETFL: int
F_GETLEASE: int
F_GETLK: int
F_GETLK64: int
F_GETOWN: int
F_GETPIPE_SZ: int
F_GETSIG: int
F_GET_SEALS: int
F_NOTIFY: int
F_OFD_GETLK: int
F_OFD_SETLK: int
F_OFD_SETLKW: int
F_RDLCK: int
F_SEAL_GROW: int
F_SEAL_SEAL: int
F_SEAL_SHRINK: int
F_SEAL_WRITE: int
F_SETFD: int
F_SETFL: int
F_SETLEASE: int
F_SETLK: int
F_SETLK64: int
F_SETLKW: int
F_SETLKW64: int
F_SETOWN: int
F_SETPIPE_SZ: int
F_SETSIG: int
F_SHLCK: int
F_UNLCK: int
F_WRLCK: int
LOCK_EX: int
LOCK_MAND: int
LOCK_NB: int
LOCK_READ: int
LOCK_RW: int
LOCK_SH: int
LOCK_UN: int
LOCK_WRITE: int

def fcntl(fd: Any, cmd: int, arg: int | bytes = 0, /) -> Any: ...
def ioctl(fd: Any, request: int, arg: int | bytes | bytearray = 0, mutate_flag: bool = True, /) -> Any: ...
def flock(fd: Any, operation: int, /) -> None: ...
def lockf(fd: Any, cmd: int, len: int = 0, start: int = 0, whence: int = 0, /) -> Any: ...
