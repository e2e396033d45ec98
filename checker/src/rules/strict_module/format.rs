//! Text of values: `str()`, `repr()`, `"%s" % args` and `"{}".format(...)`. The common
//! conversions are computed; anything more elaborate (widths, alignment, nested fields) gives an opaque
//! `str`, which is still a safe value.

use std::rc::Rc;

use super::call::Kwargs;
use super::errors::ErrorKind;
use super::interp::{Env, Eval, Interp};
use super::values::{ObjectData, Value, as_int};
use crate::diagnostics::Span;

fn opaque<'a>() -> Value<'a> {
    Value::Opaque(Rc::from("<str>"))
}

impl<'a> Interp<'a> {
    /// `template % args`.
    pub(crate) fn percent_format(
        &mut self,
        env: &Env<'a>,
        template: &str,
        args: &Value<'a>,
        span: Span,
    ) -> Eval<'a> {
        let positional: Vec<Value<'a>> = match args {
            Value::Tuple(items) => items.to_vec(),
            other => vec![other.clone()],
        };
        let mapping = match args {
            Value::Object(o) => match &*o.data.borrow() {
                ObjectData::Dict { items, .. } => Some(items.clone()),
                _ => None,
            },
            _ => None,
        };
        let mut out = String::new();
        let mut next = positional.into_iter();
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            let mut value = None;
            if chars.peek() == Some(&'(') {
                chars.next();
                let key: String = chars.by_ref().take_while(|c| *c != ')').collect();
                let found = mapping.as_ref().and_then(|items| {
                    items
                        .iter()
                        .find(|(k, _)| matches!(k, Value::Str(s) if **s == *key))
                        .map(|(_, v)| v.clone())
                });
                match found {
                    Some(v) => value = Some(v),
                    None => return Ok(opaque()),
                }
            }
            let mut precision = None;
            if chars.peek() == Some(&'.') {
                chars.next();
                let digits: String =
                    std::iter::from_fn(|| chars.next_if(char::is_ascii_digit)).collect();
                precision = digits.parse::<usize>().ok();
            }
            let Some(conversion) = chars.next() else {
                return Ok(opaque());
            };
            if conversion == '%' {
                out.push('%');
                continue;
            }
            let value = match value.or_else(|| next.next()) {
                Some(v) => v,
                None => {
                    return self.raise(
                        env,
                        "TypeError",
                        "not enough arguments for format string",
                        span,
                    );
                }
            };
            match self.convert(env, &value, conversion, precision, span)? {
                Some(text) => out.push_str(&text),
                None => return Ok(opaque()),
            }
        }
        Ok(Value::str(&out))
    }

    /// One `%` conversion; `None` when the model does not compute it.
    fn convert(
        &mut self,
        env: &Env<'a>,
        value: &Value<'a>,
        conversion: char,
        precision: Option<usize>,
        span: Span,
    ) -> Eval<'a, Option<String>> {
        let value = self.payload(value);
        Ok(match conversion {
            's' => Some(self.str_of(env, &value, span)?),
            'r' => Some(self.repr(env, &value, span)?),
            'd' | 'i' => match (&value, as_int(&value)) {
                (_, Some(i)) => Some(i.to_string()),
                (Value::Float(f), _) => Some(format!("{}", f.trunc() as i64)),
                _ => None,
            },
            'f' => {
                let f = match &value {
                    Value::Float(f) => Some(*f),
                    other => as_int(other).and_then(|i| num_traits::ToPrimitive::to_f64(&i)),
                };
                f.map(|f| format!("{:.*}", precision.unwrap_or(6), f))
            }
            'x' => as_int(&value).map(|i| i.to_str_radix(16)),
            _ => None,
        })
    }

    /// `template.format(*args, **kwargs)`.
    pub(crate) fn brace_format(
        &mut self,
        env: &Env<'a>,
        template: &str,
        args: &[Value<'a>],
        kwargs: &Kwargs<'a>,
        span: Span,
    ) -> Eval<'a> {
        let mut out = String::new();
        let mut auto = 0usize;
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    out.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    out.push('}');
                }
                '{' => {
                    let field: String = chars.by_ref().take_while(|c| *c != '}').collect();
                    let (name, conversion) = match field.split_once('!') {
                        Some((name, conversion)) => (name, Some(conversion)),
                        None => (field.as_str(), None),
                    };
                    if name.contains([':', '.', '[']) || conversion.is_some_and(|c| c.contains(':'))
                    {
                        return Ok(opaque());
                    }
                    let value = if name.is_empty() {
                        auto += 1;
                        args.get(auto - 1).cloned()
                    } else if let Ok(index) = name.parse::<usize>() {
                        args.get(index).cloned()
                    } else {
                        kwargs
                            .iter()
                            .find(|(k, _)| k == name)
                            .map(|(_, v)| v.clone())
                    };
                    let Some(value) = value else {
                        return self.raise(
                            env,
                            "IndexError",
                            "Replacement index out of range for positional args tuple",
                            span,
                        );
                    };
                    let text = match conversion {
                        Some("r") => self.repr(env, &value, span)?,
                        _ => self.str_of(env, &value, span)?,
                    };
                    out.push_str(&text);
                }
                other => out.push(other),
            }
        }
        Ok(Value::str(&out))
    }

    /// `str(value)`.
    pub(crate) fn str_of(
        &mut self,
        env: &Env<'a>,
        value: &Value<'a>,
        span: Span,
    ) -> Eval<'a, String> {
        match value {
            Value::Str(s) => Ok(s.to_string()),
            Value::Unknown(name) => self.error(
                env,
                ErrorKind::UnknownAttribute {
                    value: name.to_string(),
                    attr: "__str__".into(),
                },
                span,
            ),
            Value::Object(o) if matches!(&*o.data.borrow(), ObjectData::Instance(_)) => {
                if let Some(method) = self.lookup_special(value, "__str__") {
                    let result =
                        self.call_value(env, &method, vec![value.clone()], Vec::new(), span)?;
                    return self.str_of(env, &result, span);
                }
                if self.is_exception(value) {
                    return Ok(self.exception_message(value));
                }
                self.repr(env, value, span)
            }
            _ => self.repr(env, value, span),
        }
    }

    /// `repr(value)`.
    pub(crate) fn repr(
        &mut self,
        env: &Env<'a>,
        value: &Value<'a>,
        span: Span,
    ) -> Eval<'a, String> {
        if self.repr_depth >= super::interp::REPR_DEPTH_LIMIT {
            return Ok("...".to_string());
        }
        self.repr_depth += 1;
        let result = self.repr_inner(env, value, span);
        self.repr_depth -= 1;
        result
    }

    fn repr_inner(&mut self, env: &Env<'a>, value: &Value<'a>, span: Span) -> Eval<'a, String> {
        let join = |me: &mut Self, items: &[Value<'a>]| -> Eval<'a, String> {
            let mut parts = Vec::new();
            for item in items {
                parts.push(me.repr(env, item, span)?);
            }
            Ok(parts.join(", "))
        };
        Ok(match value {
            Value::Str(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
            Value::Float(f) => python_float(*f),
            Value::Unknown(name) => {
                return self.error(
                    env,
                    ErrorKind::UnknownAttribute {
                        value: name.to_string(),
                        attr: "__repr__".into(),
                    },
                    span,
                );
            }
            Value::Tuple(items) if items.len() == 1 => format!("({},)", join(self, items)?),
            Value::Tuple(items) => format!("({})", join(self, items)?),
            Value::Object(o) => {
                enum Shape<'a> {
                    List(Vec<Value<'a>>),
                    Set(Vec<Value<'a>>),
                    Dict(Vec<(Value<'a>, Value<'a>)>),
                    Other,
                }
                let shape = match &*o.data.borrow() {
                    ObjectData::List(items) => Shape::List(items.clone()),
                    ObjectData::Set { items, .. } => Shape::Set(items.clone()),
                    ObjectData::Dict { items, .. } => Shape::Dict(items.clone()),
                    _ => Shape::Other,
                };
                match shape {
                    Shape::List(items) => format!("[{}]", join(self, &items)?),
                    Shape::Set(items) if items.is_empty() => "set()".into(),
                    Shape::Set(items) => format!("{{{}}}", join(self, &items)?),
                    Shape::Dict(items) => {
                        let mut parts = Vec::new();
                        for (k, v) in &items {
                            parts.push(format!(
                                "{}: {}",
                                self.repr(env, k, span)?,
                                self.repr(env, v, span)?
                            ));
                        }
                        format!("{{{}}}", parts.join(", "))
                    }
                    Shape::Other => {
                        if let Some(method) = self.lookup_special(value, "__repr__") {
                            let result = self.call_value(
                                env,
                                &method,
                                vec![value.clone()],
                                Vec::new(),
                                span,
                            )?;
                            return self.str_of(env, &result, span);
                        }
                        value.describe()
                    }
                }
            }
            other => other.describe(),
        })
    }
}

fn python_float(f: f64) -> String {
    if f.is_infinite() {
        if f > 0.0 { "inf".into() } else { "-inf".into() }
    } else if f.is_nan() {
        "nan".into()
    } else {
        format!("{f:?}")
    }
}
