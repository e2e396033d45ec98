//! `_thread`: locks and thread identity with single-threaded semantics.
//!
//! Input: nothing. Output: the `_thread` module. The runtime runs one thread, so a lock is a
//! flag: acquiring a free lock takes it, acquiring a held plain lock without a timeout would
//! block forever (it raises instead of hanging), an `RLock` counts its owner's acquisitions.
//! Starting a thread is refused with a clear error.

use crate::interp::Interp;
use crate::object::Value;

const SRC: &str = r#"
error = RuntimeError
TIMEOUT_MAX = 9223372036.0

class LockType:
    def __init__(self):
        self._held = False

    def acquire(self, blocking=True, timeout=-1):
        if self._held:
            if blocking and timeout < 0:
                raise RuntimeError("deadlock: acquiring a held lock in a single-threaded program")
            return False
        self._held = True
        return True

    def release(self):
        if not self._held:
            raise RuntimeError("release unlocked lock")
        self._held = False

    def locked(self):
        return self._held

    def _at_fork_reinit(self):
        self._held = False

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        state = "locked" if self._held else "unlocked"
        return f"<{state} _thread.lock object at {hex(id(self))}>"

class RLock:
    def __init__(self):
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        self._count += 1
        return True

    def release(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1

    def _is_owned(self):
        return self._count > 0

    def _at_fork_reinit(self):
        self._count = 0

    __enter__ = acquire

    def __exit__(self, *exc):
        self.release()

def allocate_lock():
    return LockType()

allocate = allocate_lock

def get_ident():
    return 1

def get_native_id():
    return 1

def _count():
    return 0

def stack_size(size=0):
    return 0

def start_new_thread(function, args, kwargs=None):
    raise RuntimeError("cinder's runtime does not start threads")

start_new = start_new_thread

def interrupt_main(signum=2):
    raise KeyboardInterrupt

class _local:
    pass

def daemon_threads_allowed():
    return True

LockType.__module__ = "_thread"
RLock.__module__ = "_thread"
"#;

pub fn module(interp: &mut Interp) -> Option<Value> {
    super::py_module(interp, "_thread", SRC, |_| {})
}
