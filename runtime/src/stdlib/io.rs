//! `io`: in-memory streams (`StringIO`, `BytesIO`), `open` and the names programs import
//! from it. Input: the calls of the program; output: the stream objects. Written as Python
//! source on top of `_cinder_io` (the files behind `open()`).

use crate::interp::Interp;
use crate::object::Value;

const SRC: &str = r#"
from _cinder_io import open, _UnsupportedOperation as UnsupportedOperation

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class _Memory:
    _empty = ""
    _nl = "\n"
    _closed_msg = "I/O operation on closed file."

    def __init__(self, initial=None):
        self._buf = self._empty if initial is None else self._coerce(initial)
        self._pos = 0
        self.closed = False

    def _check(self):
        if self.closed:
            raise ValueError(self._closed_msg)

    def readable(self):
        self._check()
        return True

    writable = seekable = readable

    def getvalue(self):
        self._check()
        return self._buf

    def write(self, s):
        self._check()
        s = self._coerce(s)
        buf = self._buf
        pos = self._pos
        if pos > len(buf):
            buf = buf + self._pad * (pos - len(buf))
        self._buf = buf[:pos] + s + buf[pos + len(s):]
        self._pos = pos + len(s)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._check()
        end = len(self._buf) if size is None or size < 0 else min(len(self._buf), self._pos + size)
        chunk = self._buf[self._pos:end]
        self._pos = max(self._pos, end)
        return chunk

    def readline(self, size=-1):
        self._check()
        i = self._buf.find(self._nl, self._pos)
        end = len(self._buf) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        chunk = self._buf[self._pos:end]
        self._pos = max(self._pos, end)
        return chunk

    def readlines(self, hint=-1):
        return list(self)

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def seek(self, pos, whence=0):
        self._check()
        if whence == 1:
            pos = self._pos + pos
        elif whence == 2:
            pos = len(self._buf) + pos
        if pos < 0:
            raise ValueError("negative seek value %d" % pos)
        self._pos = pos
        return pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        self._buf = self._buf[:size]
        return size

    def flush(self):
        self._check()

    def close(self):
        self.closed = True

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()


class StringIO(_Memory):
    _pad = "\0"
    _closed_msg = "I/O operation on closed file"

    def _coerce(self, s):
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        return s


class BytesIO(_Memory):
    _empty = b""
    _nl = b"\n"
    _pad = b"\0"

    def _coerce(self, s):
        if isinstance(s, (bytes, bytearray)):
            return bytes(s)
        raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)

    def getbuffer(self):
        return bytearray(self._buf)


StringIO.__module__ = BytesIO.__module__ = "_io"
"#;

pub fn module(interp: &mut Interp) -> Option<Value> {
    super::py_module(interp, "io", SRC, |_| {})
}
