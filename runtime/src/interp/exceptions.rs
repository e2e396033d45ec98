//! Raising, matching and printing exceptions.
//!
//! A lazy [`PyErr`] becomes an instance of its built-in class when Python can see it; each
//! frame an exception passes through appends a [`TraceEntry`]; an uncaught exception is
//! printed in CPython 3.11's format (with `__cause__`/`__context__` chains and the
//! "Previous line repeated" folding of recursive tracebacks).

use std::rc::Rc;

use super::{Frame, Interp};
use crate::object::{BaseKind, ExcKind, PyErr, PyResult, TraceEntry, Value};

impl Interp {
    /// Turns an error into an exception instance, setting `__context__` from the exception
    /// being handled.
    pub fn materialize(&mut self, err: PyErr) -> Value {
        let exc = match err {
            PyErr::Obj(v) => return v,
            PyErr::Lazy(kind, arg) => {
                let klass = self.types.exc(kind).clone();
                let args = if arg.is_null() { vec![] } else { vec![arg] };
                self.new_instance(&klass, Value::tuple(args))
            }
        };
        self.set_context(&exc);
        exc
    }

    fn set_context(&self, exc: &Value) {
        if let (Value::Instance(inst), Value::Instance(_)) = (exc, &self.exc_info)
            && !exc.is(&self.exc_info)
            && let Some(d) = &inst.dict
            && d.get_item("__context__").is_none()
        {
            d.set_item("__context__", self.exc_info.clone());
        }
    }

    /// Whether `err` is (an instance of a subclass of) the built-in exception `kind`.
    pub fn err_is(&self, err: &PyErr, kind: ExcKind) -> bool {
        let target = self.types.exc(kind);
        match err {
            PyErr::Lazy(k, _) => {
                let mut k = *k;
                loop {
                    if k == kind {
                        return true;
                    }
                    if k == ExcKind::BaseException {
                        return false;
                    }
                    k = k.base();
                }
            }
            PyErr::Obj(v) => self.types.type_of(v).is_subclass(target),
        }
    }

    pub(crate) fn add_traceback(&mut self, exc: &Value, frame: &Frame) {
        if let Value::Instance(inst) = exc {
            let span = frame.code.spans.get(frame.last_pc).copied();
            inst.traceback.borrow_mut().push(TraceEntry {
                filename: frame.code.filename.clone(),
                name: frame.code.name.clone(),
                lineno: span.map_or(-1, |s| s.0),
                span: span.filter(|s| s.2 >= 0),
            });
        }
    }

    /// `RAISE_VARARGS`: returns the error to raise.
    pub(crate) fn raise_varargs(&mut self, f: &mut Frame, argc: usize) -> PyResult<PyErr> {
        let cause = if argc == 2 {
            Some(f.stack.pop().unwrap_or_default())
        } else {
            None
        };
        let exc = if argc >= 1 {
            f.stack.pop().unwrap_or_default()
        } else {
            Value::Null
        };
        if argc == 0 {
            if let Value::Instance(_) = self.exc_info {
                self.reraising = true;
                return Ok(PyErr::Obj(self.exc_info.clone()));
            }
            return Ok(PyErr::new(
                ExcKind::RuntimeError,
                "No active exception to reraise",
            ));
        }
        let exc = self.make_exception(exc)?;
        if let Some(cause) = cause {
            let cause = match cause {
                Value::None => Value::None,
                c => self.make_exception(c)?,
            };
            if let Value::Instance(inst) = &exc
                && let Some(d) = &inst.dict
            {
                d.set_item("__cause__", cause);
                d.set_item("__suppress_context__", Value::Bool(true));
            }
        }
        self.set_context(&exc);
        Ok(PyErr::Obj(exc))
    }

    /// An exception instance from `raise X` (a class is instantiated).
    pub fn make_exception(&mut self, v: Value) -> PyResult<Value> {
        let base = self.types.exc(ExcKind::BaseException).clone();
        match &v {
            Value::Class(k) if k.is_subclass(&base) => self.call_value(&v, &[], None),
            Value::Instance(inst) if inst.class().is_subclass(&base) => Ok(v),
            _ => Err(PyErr::type_error(
                "exceptions must derive from BaseException",
            )),
        }
    }

    /// `CHECK_EXC_MATCH`: `isinstance(exc, match)` where `match` is a class or tuple of classes.
    pub fn exception_matches(&mut self, exc: &Value, target: &Value) -> PyResult<bool> {
        let base = self.types.exc(ExcKind::BaseException).clone();
        match target {
            Value::Class(k) => {
                if !k.is_subclass(&base) {
                    return Err(PyErr::type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                Ok(self.types.type_of(exc).is_subclass(k))
            }
            Value::Tuple(items) => {
                for item in items.iter() {
                    if self.exception_matches(exc, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(PyErr::type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// The text CPython prints for an uncaught exception (`sys.excepthook`).
    pub fn format_exception(&mut self, exc: &Value) -> String {
        let mut seen: Vec<i64> = Vec::new();
        let mut out = String::new();
        self.format_chain(exc, &mut seen, &mut out);
        out
    }

    fn exc_field(&self, exc: &Value, name: &str) -> Value {
        if let Value::Instance(inst) = exc
            && let Some(d) = &inst.dict
        {
            return d.get_item(name).unwrap_or(Value::None);
        }
        Value::None
    }

    fn format_chain(&mut self, exc: &Value, seen: &mut Vec<i64>, out: &mut String) {
        seen.push(exc.id());
        let cause = self.exc_field(exc, "__cause__");
        let context = self.exc_field(exc, "__context__");
        let suppress = matches!(
            self.exc_field(exc, "__suppress_context__"),
            Value::Bool(true)
        );
        if let Value::Instance(_) = cause {
            if !seen.contains(&cause.id()) {
                self.format_chain(&cause, seen, out);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            }
        } else if let (Value::Instance(_), false) = (&context, suppress)
            && !seen.contains(&context.id())
        {
            self.format_chain(&context, seen, out);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        self.format_one(exc, out);
    }

    fn format_one(&mut self, exc: &Value, out: &mut String) {
        if let Value::Instance(inst) = exc {
            let entries: Vec<TraceEntry> = inst.traceback.borrow().iter().rev().cloned().collect();
            if !entries.is_empty() {
                out.push_str("Traceback (most recent call last):\n");
                format_entries(&entries, out);
            }
        }
        out.push_str(&self.exception_line(exc));
        out.push('\n');
        if let Value::List(notes) = self.exc_field(exc, "__notes__") {
            for note in notes.borrow().iter() {
                if let Value::Str(s) = note {
                    out.push_str(s.as_str());
                    out.push('\n');
                }
            }
        }
    }

    /// `ValueError: message` (the last line of a traceback).
    pub fn exception_line(&mut self, exc: &Value) -> String {
        let klass = self.types.type_of(exc);
        let mut name = klass.qualname.borrow().as_str().to_owned();
        if let Some(Value::Str(m)) = klass.dict.get_item("__module__")
            && m.as_str() != "builtins"
            && m.as_str() != "__main__"
        {
            name = format!("{}.{name}", m.as_str());
        }
        let msg = match self.str_of(exc) {
            Ok(m) => m,
            Err(_) => "<exception str() failed>".into(),
        };
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }

    /// Whether `v` is an exception instance of exactly a built-in kind or a subclass of it.
    pub fn is_instance_of_kind(&self, v: &Value, kind: ExcKind) -> bool {
        match v {
            Value::Instance(inst) => {
                inst.class().base_kind == BaseKind::Exception
                    && inst.class().is_subclass(self.types.exc(kind))
            }
            _ => false,
        }
    }
}

fn format_entries(entries: &[TraceEntry], out: &mut String) {
    let mut last: Option<(Rc<crate::object::PyStr>, i32, Rc<crate::object::PyStr>)> = None;
    let mut repeats = 0usize;
    let flush = |repeats: usize, out: &mut String| {
        if repeats > 3 {
            let n = repeats - 3;
            out.push_str(&format!(
                "  [Previous line repeated {n} more time{}]\n",
                if n == 1 { "" } else { "s" }
            ));
        }
    };
    for e in entries {
        let key = (e.filename.clone(), e.lineno, e.name.clone());
        let same = last.as_ref().is_some_and(|l| {
            l.0.as_str() == key.0.as_str() && l.1 == key.1 && l.2.as_str() == key.2.as_str()
        });
        if same {
            repeats += 1;
        } else {
            flush(repeats, out);
            repeats = 1;
            last = Some(key);
        }
        if repeats <= 3 {
            format_entry(e, out);
        }
    }
    flush(repeats, out);
}

fn format_entry(e: &TraceEntry, out: &mut String) {
    out.push_str(&format!(
        "  File \"{}\", line {}, in {}\n",
        e.filename.as_str(),
        e.lineno,
        e.name.as_str()
    ));
    let Some(line) = source_line(e.filename.as_str(), e.lineno) else {
        return;
    };
    let stripped = line.trim_start();
    let indent = line.len() - stripped.len();
    let stripped = stripped.trim_end();
    out.push_str("    ");
    out.push_str(stripped);
    out.push('\n');
    if let Some((l0, l1, c0, c1)) = e.span {
        // Carets when the instruction covers only part of the line.
        if l0 != e.lineno || c0 < 0 || c1 < 0 {
            return;
        }
        let (c0, c1) = (c0 as usize, c1 as usize);
        let end = if l1 == l0 { c1 } else { line.trim_end().len() };
        if c0 < indent || end > line.len() || end <= c0 {
            return;
        }
        let segment = &line[c0..end];
        let anchors = if l1 == l0 {
            super::caret::caret_anchors(segment)
        } else {
            None
        };
        let full_line = c0 == indent && end == line.trim_end().len();
        if full_line && anchors.is_none_or(|(a, b)| b <= a) {
            return;
        }
        let start_chars = line[indent..c0].chars().count();
        let width = segment.chars().count();
        out.push_str("    ");
        out.push_str(&" ".repeat(start_chars));
        match anchors {
            Some((a, b)) => {
                out.push_str(&"~".repeat(a));
                out.push_str(&"^".repeat(b - a));
                out.push_str(&"~".repeat(width - b));
            }
            _ => out.push_str(&"^".repeat(width)),
        }
        out.push('\n');
    }
}

fn source_line(filename: &str, lineno: i32) -> Option<String> {
    if lineno < 1 {
        return None;
    }
    let text = std::fs::read_to_string(filename).ok()?;
    text.lines().nth(lineno as usize - 1).map(str::to_owned)
}
