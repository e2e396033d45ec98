//! `repr()`, `str()`, `format()` (the format mini-language) and `%`-formatting.

use super::Interp;
use super::format_spec::Spec;
use crate::object::float_repr;
use crate::object::int::{self, Int};
use crate::object::{ExcKind, PyErr, PyResult, Value};

pub use cinder_codegen::format::text_repr::{bytes_repr, str_repr};

impl Interp {
    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        use Value::*;
        Ok(match v {
            Null => "<NULL>".into(),
            None => "None".into(),
            NotImplemented => "NotImplemented".into(),
            Ellipsis => "Ellipsis".into(),
            Bool(b) => if *b { "True" } else { "False" }.into(),
            Int(i) => i.to_string(),
            Big(b) => b.to_string(),
            Float(f) => float_repr(*f),
            Complex(c) => complex_repr(c.0, c.1),
            Str(s) => str_repr(s.as_str()),
            Bytes(b) => bytes_repr(b),
            ByteArray(b) => format!("bytearray({})", bytes_repr(&b.borrow())),
            Tuple(t) => {
                if t.len() == 1 {
                    format!("({},)", self.repr(&t[0])?)
                } else {
                    let items = t.iter().cloned().collect::<Vec<_>>();
                    format!("({})", self.join_reprs(&items)?)
                }
            }
            List(l) => {
                if self.repr_enter(v) {
                    return Ok("[...]".into());
                }
                let items = l.borrow().clone();
                let r = self.join_reprs(&items);
                self.repr_leave();
                format!("[{}]", r?)
            }
            Dict(d) => {
                if d.is_empty() {
                    return Ok("{}".into());
                }
                if self.repr_enter(v) {
                    return Ok("{...}".into());
                }
                let mut parts = Vec::new();
                for (k, val) in d.items() {
                    let kr = self.repr(&k);
                    let vr = self.repr(&val);
                    match (kr, vr) {
                        (Ok(kr), Ok(vr)) => parts.push(format!("{kr}: {vr}")),
                        (Err(e), _) | (_, Err(e)) => {
                            self.repr_leave();
                            return Err(e);
                        }
                    }
                }
                self.repr_leave();
                format!("{{{}}}", parts.join(", "))
            }
            Set(d) => {
                if d.is_empty() {
                    return Ok("set()".into());
                }
                format!("{{{}}}", self.join_reprs(&d.keys())?)
            }
            FrozenSet(d) => {
                if d.is_empty() {
                    return Ok("frozenset()".into());
                }
                format!("frozenset({{{}}})", self.join_reprs(&d.keys())?)
            }
            Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Slice(s) => format!(
                "slice({}, {}, {})",
                self.repr(&s[0])?,
                self.repr(&s[1])?,
                self.repr(&s[2])?
            ),
            Function(f) => format!(
                "<function {} at 0x{:x}>",
                f.qualname.borrow().as_str(),
                v.id()
            ),
            Method(m) => {
                let name = match &m.0 {
                    Function(f) => f.qualname.borrow().as_str().to_owned(),
                    Builtin(b) => b.name.to_owned(),
                    _ => "?".into(),
                };
                let owner = self.repr(&m.1)?;
                format!("<bound method {name} of {owner}>")
            }
            Builtin(b) => match &b.bound {
                Some(obj) => format!(
                    "<built-in method {} of {} object at 0x{:x}>",
                    b.name,
                    self.types.type_of(obj).name(),
                    obj.id()
                ),
                Option::None => format!("<built-in function {}>", b.name),
            },
            Class(k) => {
                let module = match k.dict.get_item("__module__") {
                    Some(Str(m)) if m.as_str() != "builtins" => format!("{}.", m.as_str()),
                    _ => String::new(),
                };
                format!("<class '{module}{}'>", k.qualname.borrow().as_str())
            }
            Module(m) => format!("<module '{}'>", m.name.as_str()),
            Cell(_) => format!("<cell at 0x{:x}>", v.id()),
            Code(c) => format!("<code object {} at 0x{:x}>", c.name.as_str(), v.id()),
            Generator(g) => {
                let kind = match g.kind {
                    crate::object::GenKind::Generator => "generator",
                    crate::object::GenKind::Coroutine => "coroutine",
                    crate::object::GenKind::AsyncGenerator => "async_generator",
                };
                format!("<{kind} object {} at 0x{:x}>", g.qualname.as_str(), v.id())
            }
            Iter(_) => format!("<iterator object at 0x{:x}>", v.id()),
            Property(_) => format!("<property object at 0x{:x}>", v.id()),
            StaticMethod(_) => format!("<staticmethod object at 0x{:x}>", v.id()),
            ClassMethod(_) => format!("<classmethod object at 0x{:x}>", v.id()),
            Super(_) => "<super object>".into(),
            View(view) => {
                let name = ["dict_keys", "dict_values", "dict_items"][usize::from(view.1 % 3)];
                let items = crate::builtins::view_items(&view.0, view.1);
                format!("{name}([{}])", self.join_reprs(&items)?)
            }
            Instance(inst) => {
                let klass = inst.class();
                if let Some(m) = klass.lookup(&self.names.repr.clone())
                    && !matches!(m, Builtin(_))
                {
                    let r = self.call_value(&m, std::slice::from_ref(v), Option::None)?;
                    return match r {
                        Str(s) => Ok(s.as_str().to_owned()),
                        other => Err(PyErr::type_error(format!(
                            "__repr__ returned non-string (type {})",
                            self.types.type_of(&other).name()
                        ))),
                    };
                }
                if klass.base_kind == crate::object::BaseKind::Exception {
                    let args = inst.base_value.borrow().clone();
                    let inner = match &args {
                        Tuple(t) if t.len() == 1 => self.repr(&t[0])?,
                        Tuple(t) => self.join_reprs(&t.iter().cloned().collect::<Vec<_>>())?,
                        _ => String::new(),
                    };
                    return Ok(format!("{}({inner})", klass.name()));
                }
                let inner = inst.base_value.borrow().clone();
                if !inner.is_null() {
                    return self.repr(&inner);
                }
                let module = match klass.dict.get_item("__module__") {
                    Some(Str(m)) => format!("{}.", m.as_str()),
                    _ => String::new(),
                };
                format!(
                    "<{module}{} object at 0x{:x}>",
                    klass.qualname.borrow().as_str(),
                    v.id()
                )
            }
        })
    }

    fn repr_enter(&mut self, v: &Value) -> bool {
        let id = v.id();
        if self.repr_stack.contains(&id) {
            return true;
        }
        self.repr_stack.push(id);
        false
    }

    fn repr_leave(&mut self) {
        self.repr_stack.pop();
    }

    fn join_reprs(&mut self, items: &[Value]) -> PyResult<String> {
        let mut out = String::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(item)?);
        }
        Ok(out)
    }

    /// `str(v)`.
    pub fn str_of(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_owned()),
            Value::Instance(inst) => {
                let klass = inst.class();
                let str_name = self.names.str_.clone();
                // A built-in `__str__` counts when a Python class set it (enum's `ReprEnum`
                // sets `__str__ = int.__repr__`).
                let set_by_class = klass
                    .mro
                    .borrow()
                    .iter()
                    .find(|c| c.dict.get_str(&str_name).is_some())
                    .is_some_and(|c| !c.is_builtin);
                if let Some(m) = klass.lookup(&str_name)
                    && (set_by_class || !matches!(m, Value::Builtin(_)))
                {
                    let r = self.call_value(&m, std::slice::from_ref(v), None)?;
                    return match r {
                        Value::Str(s) => Ok(s.as_str().to_owned()),
                        other => Err(PyErr::type_error(format!(
                            "__str__ returned non-string (type {})",
                            self.types.type_of(&other).name()
                        ))),
                    };
                }
                if klass.base_kind == crate::object::BaseKind::Exception
                    && klass
                        .lookup(&self.names.repr.clone())
                        .is_none_or(|m| matches!(m, Value::Builtin(_)))
                {
                    let args = inst.base_value.borrow().clone();
                    let is_key_error = klass.is_subclass(self.types.exc(ExcKind::KeyError));
                    return match &args {
                        Value::Tuple(t) if t.is_empty() => Ok(String::new()),
                        Value::Tuple(t) if t.len() == 1 => {
                            if is_key_error {
                                self.repr(&t[0])
                            } else {
                                self.str_of(&t[0])
                            }
                        }
                        other => self.repr(other),
                    };
                }
                let inner = inst.base_value.borrow().clone();
                // Only `str` has its own `__str__`: other built-in bases print their repr,
                // so a subclass's `__repr__` shows through `str()`.
                let own_repr = klass
                    .lookup(&self.names.repr.clone())
                    .is_some_and(|m| !matches!(m, Value::Builtin(_)));
                if !inner.is_null()
                    && klass.base_kind != crate::object::BaseKind::Exception
                    && !(own_repr && klass.base_kind != crate::object::BaseKind::Str)
                {
                    return self.str_of(&inner);
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &Value) -> PyResult<String> {
        let spec = match spec {
            Value::Str(s) => s.as_str().to_owned(),
            Value::None => String::new(),
            _ => return Err(PyErr::type_error("format spec must be a str")),
        };
        if let Value::Instance(inst) = v {
            let klass = inst.class();
            if let Some(m) = klass.lookup_str("__format__")
                && !matches!(m, Value::Builtin(_))
            {
                let r = self.call_value(&m, &[v.clone(), Value::from_string(spec)], None)?;
                return self.str_of(&r);
            }
            if spec.is_empty() {
                return self.str_of(v);
            }
            let inner = inst.base_value.borrow().clone();
            if !inner.is_null() && klass.base_kind != crate::object::BaseKind::Exception {
                return self.format(&inner, &Value::from_string(spec));
            }
            if spec.is_empty() {
                return self.str_of(v);
            }
            return Err(PyErr::type_error(format!(
                "unsupported format string passed to {}.__format__",
                klass.name()
            )));
        }
        if spec.is_empty() {
            return self.str_of(v);
        }
        let s = Spec::parse(&spec)?;
        match v {
            Value::Int(_) | Value::Big(_) | Value::Bool(_) => {
                if matches!(s.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
                    let f = int::to_f64(&Int::of(v).unwrap_or(Int::Small(0)));
                    return s.format_float(f);
                }
                if s.ty.is_none() && matches!(v, Value::Bool(_)) && s.width.is_none() {
                    return self.str_of(v);
                }
                s.format_int(&Int::of(v).unwrap_or(Int::Small(0)))
            }
            Value::Float(f) => s.format_float(*f),
            Value::Str(text) => s.format_str(text.as_str()),
            _ => {
                let text = self.str_of(v)?;
                if s.ty.is_some_and(|t| t != 's') {
                    return Err(PyErr::type_error(format!(
                        "unsupported format string passed to {}.__format__",
                        self.types.type_of(v).name()
                    )));
                }
                s.format_str(&text)
            }
        }
    }

    /// `fmt % args`.
    pub fn percent_format(&mut self, fmt: &str, args: &Value) -> PyResult<String> {
        let items: Vec<Value> = match args {
            Value::Tuple(t) => (**t).clone(),
            other => vec![other.clone()],
        };
        let mapping = match args {
            Value::Dict(_) => Some(args.clone()),
            Value::Instance(_) if !matches!(args, Value::Tuple(_)) => Some(args.clone()),
            _ => None,
        };
        let mut out = String::new();
        let mut next = 0usize;
        let chars: Vec<char> = fmt.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            i += 1;
            if c != '%' {
                out.push(c);
                continue;
            }
            let mut key: Option<String> = None;
            if chars.get(i) == Some(&'(') {
                let end = chars[i..].iter().position(|&c| c == ')').map(|p| p + i);
                let Some(end) = end else {
                    return Err(PyErr::value_error("incomplete format key"));
                };
                key = Some(chars[i + 1..end].iter().collect());
                i = end + 1;
            }
            let mut flags = String::new();
            while let Some(&f) = chars.get(i) {
                if "-+ #0".contains(f) {
                    flags.push(f);
                    i += 1;
                } else {
                    break;
                }
            }
            let mut width = String::new();
            if chars.get(i) == Some(&'*') {
                i += 1;
                let w = items.get(next).cloned().unwrap_or_default();
                next += 1;
                width = self.str_of(&w)?;
            }
            while let Some(&d) = chars.get(i).filter(|c| c.is_ascii_digit()) {
                width.push(d);
                i += 1;
            }
            let mut precision = String::new();
            if chars.get(i) == Some(&'.') {
                precision.push('.');
                i += 1;
                while let Some(&d) = chars.get(i).filter(|c| c.is_ascii_digit()) {
                    precision.push(d);
                    i += 1;
                }
            }
            let Some(&conv) = chars.get(i) else {
                return Err(PyErr::value_error("incomplete format"));
            };
            i += 1;
            if conv == '%' {
                out.push('%');
                continue;
            }
            let arg = match (&key, &mapping) {
                (Some(k), Some(m)) => self.get_item(m, Value::str(k))?,
                _ => {
                    let a = items.get(next).cloned();
                    next += 1;
                    match a {
                        Some(a) => a,
                        None => {
                            return Err(PyErr::type_error(
                                "not enough arguments for format string",
                            ));
                        }
                    }
                }
            };
            let mut spec = String::new();
            let left = flags.contains('-');
            if flags.contains('+') {
                spec.push('+');
            } else if flags.contains(' ') {
                spec.push(' ');
            }
            if flags.contains('#') {
                spec.push('#');
            }
            if flags.contains('0') && !left {
                spec.push('0');
            }
            if !left {
                spec.push_str(&width);
            }
            spec.push_str(&precision);
            let text = match conv {
                's' | 'r' | 'a' => {
                    let s = if conv == 's' {
                        self.str_of(&arg)?
                    } else {
                        self.repr(&arg)?
                    };
                    let s = match precision.strip_prefix('.') {
                        Some(p) => s.chars().take(p.parse().unwrap_or(0)).collect(),
                        None => s,
                    };
                    let w: usize = width.parse().unwrap_or(0);
                    let n = s.chars().count();
                    if left || n >= w {
                        s
                    } else {
                        format!("{}{s}", " ".repeat(w - n))
                    }
                }
                'd' | 'i' | 'u' => {
                    let n = self.to_int_value(&arg, "%d format: a real number is required")?;
                    spec.push('d');
                    self.format(&n, &Value::from_string(spec))?
                }
                'x' | 'X' | 'o' => {
                    spec.push(conv);
                    self.format(&arg, &Value::from_string(spec))?
                }
                'c' => match &arg {
                    Value::Int(n) => char::from_u32(*n as u32)
                        .map(String::from)
                        .unwrap_or_default(),
                    other => self.str_of(other)?,
                },
                'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                    let f = match &arg {
                        Value::Float(f) => *f,
                        other => match Int::of(other) {
                            Some(i) => int::to_f64(&i),
                            None => {
                                return Err(PyErr::type_error(format!(
                                    "must be real number, not {}",
                                    self.types.type_of(other).name()
                                )));
                            }
                        },
                    };
                    if precision.is_empty() {
                        spec.push_str(".6");
                    }
                    spec.push(conv);
                    self.format(&Value::Float(f), &Value::from_string(spec))?
                }
                other => {
                    return Err(PyErr::value_error(format!(
                        "unsupported format character '{other}' (0x{:x}) at index {}",
                        other as u32,
                        i - 1
                    )));
                }
            };
            if left {
                let w: usize = width.parse().unwrap_or(0);
                let n = text.chars().count();
                out.push_str(&text);
                out.extend(std::iter::repeat_n(' ', w.saturating_sub(n)));
            } else {
                out.push_str(&text);
            }
        }
        if mapping.is_none() && next < items.len() && matches!(args, Value::Tuple(_)) {
            return Err(PyErr::type_error(
                "not all arguments converted during string formatting",
            ));
        }
        if mapping.is_none() && !matches!(args, Value::Tuple(_)) && next == 0 {
            return Err(PyErr::type_error(
                "not all arguments converted during string formatting",
            ));
        }
        Ok(out)
    }

    #[allow(clippy::wrong_self_convention)] // `self` is the interpreter, not the value.
    fn to_int_value(&mut self, v: &Value, msg: &str) -> PyResult<Value> {
        match v {
            Value::Int(_) | Value::Big(_) => Ok(v.clone()),
            Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
            Value::Float(f) => Ok(crate::builtins::float_to_int(*f)?),
            _ => Err(PyErr::type_error(format!(
                "{msg}, not {}",
                self.types.type_of(v).name()
            ))),
        }
    }
}

pub fn complex_repr(re: f64, im: f64) -> String {
    let fmt = |x: f64| {
        let r = float_repr(x);
        r.strip_suffix(".0").map(str::to_owned).unwrap_or(r)
    };
    if re == 0.0 && !re.is_sign_negative() {
        format!("{}j", fmt(im))
    } else {
        let sign = if im < 0.0 || (im == 0.0 && im.is_sign_negative()) {
            "-"
        } else {
            "+"
        };
        format!("({}{sign}{}j)", fmt(re), fmt(im.abs()))
    }
}
