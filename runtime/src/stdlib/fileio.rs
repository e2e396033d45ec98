//! `_cinder_io`: the file objects behind the built-in `open()`. Input: a path, a mode and
//! the read/write calls of the program; output: the file's contents as `str` (text modes,
//! UTF-8 with universal newlines) or `bytes` (binary modes), and the bytes written.
//!
//! A file is read whole when opened and written whole when closed (or flushed): simple, and
//! enough for the files ordinary programs read and write.

use std::rc::Rc;

use crate::builtins::def;
use crate::interp::Interp;
use crate::object::{ExcKind, PyErr, PyResult, PyStr, Value};

type Kw = [(Rc<PyStr>, Value)];

const SRC: &str = r#"
class _File:
    def __init__(self, name, mode, data, binary):
        self.name = name
        self.mode = mode
        self.closed = False
        self._binary = binary
        self._data = data
        self._pos = 0
        self._out = [] if data is None else None

    def _check(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def readable(self):
        return self._out is None

    def writable(self):
        return self._out is not None

    def read(self, size=-1):
        self._check()
        if self._out is not None:
            raise _UnsupportedOperation("not readable")
        data = self._data
        if size is None or size < 0:
            end = len(data)
        else:
            end = min(len(data), self._pos + size)
        chunk = data[self._pos:end]
        self._pos = end
        return chunk

    def readline(self, size=-1):
        self._check()
        if self._out is not None:
            raise _UnsupportedOperation("not readable")
        data = self._data
        nl = b"\n" if self._binary else "\n"
        i = data.find(nl, self._pos)
        end = len(data) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        chunk = data[self._pos:end]
        self._pos = end
        return chunk

    def readlines(self):
        return list(self)

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, s):
        self._check()
        if self._out is None:
            raise _UnsupportedOperation("not writable")
        if self._binary:
            if not isinstance(s, (bytes, bytearray)):
                raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)
        elif not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        self._out.append(s)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._check()
        if self._out:
            _write(self.name, self._out, self._binary, self._append)
            self._out = []
            self._append = True

    def close(self):
        if not self.closed:
            if self._out is not None:
                self.flush()
            self.closed = True

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        if self._binary:
            return "<_io.BufferedReader name=%r>" % (self.name,)
        return "<_io.TextIOWrapper name=%r mode=%r encoding='UTF-8'>" % (self.name, self.mode)


class _UnsupportedOperation(OSError, ValueError):
    pass


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not %s" % type(mode).__name__)
    if any(c not in "rwaxbt+" for c in mode) or len(set(mode)) != len(mode):
        raise ValueError("invalid mode: '%s'" % mode)
    if "b" in mode and "t" in mode:
        raise ValueError("can't have text and binary mode at once")
    kinds = [c for c in mode if c in "rwax"]
    if len(kinds) > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not kinds or mode.count("+") > 1:
        raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
    binary = "b" in mode
    kind = kinds[0]
    if kind == "r":
        f = _File(file, mode, _read(file, binary), binary)
        f._append = False
    else:
        _write(file, [], binary, kind == "a", kind == "x")
        f = _File(file, mode, None, binary)
        f._append = True
    return f
"#;

pub fn module(interp: &mut Interp) -> Option<Value> {
    super::py_module(interp, "_cinder_io", SRC, |d| {
        def(d, "_read", read);
        def(d, "_write", write);
    })
}

fn path_of(args: &[Value]) -> PyResult<Rc<PyStr>> {
    match args.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => Err(PyErr::type_error("expected str path")),
    }
}

fn os_error(err: &std::io::Error, path: &str) -> PyErr {
    let kind = match err.kind() {
        std::io::ErrorKind::NotFound => ExcKind::FileNotFoundError,
        std::io::ErrorKind::PermissionDenied => ExcKind::PermissionError,
        std::io::ErrorKind::IsADirectory => ExcKind::IsADirectoryError,
        _ => ExcKind::OSError,
    };
    let errno = err.raw_os_error().unwrap_or(0);
    let text = err.to_string();
    // Rust appends " (os error N)" to the C library's message.
    let text = text.split(" (os error").next().unwrap_or(&text);
    PyErr::new(
        kind,
        format!("[Errno {errno}] {text}: {}", crate::interp::str_repr(path)),
    )
}

/// `_read(path, binary)`: the whole file as `bytes`, or as `str` with universal newlines.
fn read(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let path = path_of(args)?;
    let binary = matches!(args.get(1), Some(Value::Bool(true)));
    let bytes = std::fs::read(path.as_str()).map_err(|e| os_error(&e, path.as_str()))?;
    if binary {
        return Ok(Value::Bytes(Rc::new(bytes)));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        PyErr::new(
            ExcKind::UnicodeDecodeError,
            format!(
                "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                e.as_bytes()
                    .get(e.utf8_error().valid_up_to())
                    .copied()
                    .unwrap_or(0),
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    Ok(Value::from_string(
        text.replace("\r\n", "\n").replace('\r', "\n"),
    ))
}

/// `_write(path, chunks, binary, append[, exclusive])`: writes the chunks (creating or
/// truncating the file unless `append`).
fn write(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let path = path_of(args)?;
    let append = matches!(args.get(3), Some(Value::Bool(true)));
    let exclusive = matches!(args.get(4), Some(Value::Bool(true)));
    let chunks = match args.get(1) {
        Some(v) => interp.collect(v.clone())?,
        None => Vec::new(),
    };
    let mut out: Vec<u8> = Vec::new();
    for c in &chunks {
        match c {
            Value::Str(s) => out.extend_from_slice(s.as_str().as_bytes()),
            Value::Bytes(b) => out.extend_from_slice(b),
            Value::ByteArray(b) => out.extend_from_slice(&b.borrow()),
            _ => return Err(PyErr::type_error("write() argument must be str or bytes")),
        }
    }
    let mut opts = std::fs::OpenOptions::new();
    if exclusive {
        opts.write(true).create_new(true);
    } else if append {
        opts.append(true).create(true);
    } else {
        opts.write(true).create(true).truncate(true);
    }
    use std::io::Write;
    let mut f = opts
        .open(path.as_str())
        .map_err(|e| os_error(&e, path.as_str()))?;
    f.write_all(&out).map_err(|e| os_error(&e, path.as_str()))?;
    Ok(Value::None)
}
