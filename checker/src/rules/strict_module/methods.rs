//! Methods of builtin types (`list.append`, `dict.get`, `str.join`, ...). Methods that
//! mutate check ownership first: a module may not mutate another module's containers.

use std::rc::Rc;

use super::call::Kwargs;
use super::interp::{Env, Eval, Interp};
use super::values::{ObjectData, Value, as_int, values_equal};
use crate::diagnostics::Span;

const LIST: &[&str] = &[
    "append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse", "index", "count",
    "copy",
];
const DICT: &[&str] = &[
    "get",
    "keys",
    "values",
    "items",
    "setdefault",
    "update",
    "pop",
    "popitem",
    "clear",
    "copy",
];
const SET: &[&str] = &[
    "add",
    "discard",
    "remove",
    "update",
    "clear",
    "pop",
    "union",
    "intersection",
    "difference",
    "copy",
    "issubset",
    "issuperset",
    "isdisjoint",
];
const STR: &[&str] = &[
    "join",
    "split",
    "rsplit",
    "strip",
    "lstrip",
    "rstrip",
    "lower",
    "upper",
    "startswith",
    "endswith",
    "replace",
    "format",
    "title",
    "capitalize",
    "isdigit",
    "isalpha",
    "isalnum",
    "isidentifier",
    "isupper",
    "islower",
    "isspace",
    "encode",
    "find",
    "rfind",
    "index",
    "count",
    "zfill",
    "partition",
    "rpartition",
    "splitlines",
    "ljust",
    "rjust",
    "center",
    "casefold",
    "removeprefix",
    "removesuffix",
    "swapcase",
    "expandtabs",
];
const TUPLE: &[&str] = &["index", "count"];
const INT: &[&str] = &[
    "bit_length",
    "to_bytes",
    "conjugate",
    "bit_count",
    "as_integer_ratio",
];
const FLOAT: &[&str] = &["is_integer", "hex", "conjugate", "as_integer_ratio"];
const BYTES: &[&str] = &[
    "decode",
    "hex",
    "startswith",
    "endswith",
    "split",
    "strip",
    "join",
];
const PROPERTY: &[&str] = &["setter", "getter", "deleter"];
const MUTATING: &[&str] = &[
    "append",
    "extend",
    "insert",
    "pop",
    "remove",
    "clear",
    "sort",
    "reverse",
    "setdefault",
    "update",
    "popitem",
    "add",
    "discard",
];

/// Whether `receiver` (a builtin value) has method `name`.
pub(crate) fn has_method(receiver: &Value<'_>, name: &str) -> bool {
    let table: &[&str] = match receiver {
        Value::Str(_) => STR,
        Value::Tuple(_) => TUPLE,
        Value::Int(_) | Value::Bool(_) => INT,
        Value::Float(_) => FLOAT,
        Value::Bytes(_) => BYTES,
        Value::Object(o) => match &*o.data.borrow() {
            ObjectData::List(_) => LIST,
            ObjectData::Dict { .. } => DICT,
            ObjectData::Set { frozen: false, .. } => SET,
            ObjectData::Set { frozen: true, .. } => &SET[7..],
            ObjectData::Range { .. } => TUPLE,
            ObjectData::Property(_) => PROPERTY,
            _ => &[],
        },
        _ => &[],
    };
    table.contains(&name)
}

impl<'a> Interp<'a> {
    pub(crate) fn call_method(
        &mut self,
        env: &Env<'a>,
        receiver: &Value<'a>,
        name: &str,
        args: Vec<Value<'a>>,
        kwargs: Kwargs<'a>,
        span: Span,
    ) -> Eval<'a> {
        let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::None);
        if let Value::Object(o) = receiver
            && MUTATING.contains(&name)
            && !matches!(&*o.data.borrow(), ObjectData::Property(_))
        {
            self.check_mutation(env, o, span)?;
        }
        match receiver {
            Value::Str(s) if name == "format" => {
                return self.brace_format(env, s, &args, &kwargs, span);
            }
            Value::Str(s) => return self.str_method(env, s, name, &args, span),
            Value::Tuple(items) => return self.sequence_query(env, items, name, &arg(0), span),
            Value::Object(_) => {}
            _ => {
                return Ok(Value::Opaque(Rc::from(format!(
                    "<{}.{name}()>",
                    receiver.type_name()
                ))));
            }
        }
        let Value::Object(o) = receiver else {
            return Ok(Value::Poisoned);
        };
        let owner = self.owner.clone();
        // Hot paths that must not copy the container.
        let is_list = matches!(&*o.data.borrow(), ObjectData::List(_));
        match (name, is_list) {
            ("append", true) => return self.mutate_list(o, |l| l.push(arg(0))),
            ("extend", true) => {
                let more = self.iterate(env, &arg(0), span)?;
                return self.mutate_list(o, |l| l.extend(more));
            }
            ("get", false) => {
                if let ObjectData::Dict { items, .. } = &*o.data.borrow() {
                    let key = arg(0);
                    let found = items.iter().find(|(k, _)| values_equal(k, &key));
                    return Ok(found.map_or(arg(1), |(_, v)| v.clone()));
                }
            }
            _ => {}
        }
        enum Shape<'a> {
            List(Vec<Value<'a>>),
            Dict(Vec<(Value<'a>, Value<'a>)>),
            Set(Vec<Value<'a>>),
            Other,
        }
        let shape = match &*o.data.borrow() {
            ObjectData::List(items) => Shape::List(items.clone()),
            ObjectData::Dict { items, .. } => Shape::Dict(items.clone()),
            ObjectData::Set { items, .. } => Shape::Set(items.clone()),
            ObjectData::Property(_) => return Ok(receiver.clone()),
            _ => Shape::Other,
        };
        match shape {
            Shape::List(items) => match name {
                "append" => self.mutate_list(o, |l| l.push(arg(0))),
                "extend" => {
                    let more = self.iterate(env, &arg(0), span)?;
                    self.mutate_list(o, |l| l.extend(more))
                }
                "insert" => {
                    let len = items.len() as i64;
                    let at = as_int(&arg(0))
                        .and_then(|i| num_traits::ToPrimitive::to_i64(&i))
                        .unwrap_or(len);
                    let at = if at < 0 {
                        (at + len).max(0)
                    } else {
                        at.min(len)
                    } as usize;
                    self.mutate_list(o, |l| l.insert(at.min(l.len()), arg(1)))
                }
                "pop" => {
                    if items.is_empty() {
                        return self.raise(env, "IndexError", "pop from empty list", span);
                    }
                    let len = items.len();
                    let at = match args.first() {
                        Some(i) => {
                            match as_int(i).and_then(|i| super::items::normalise_index(&i, len)) {
                                Some(at) => at,
                                None => {
                                    return self.raise(
                                        env,
                                        "IndexError",
                                        "pop index out of range",
                                        span,
                                    );
                                }
                            }
                        }
                        None => len - 1,
                    };
                    let mut popped = Value::None;
                    if let ObjectData::List(l) = &mut *o.data.borrow_mut()
                        && at < l.len()
                    {
                        popped = l.remove(at);
                    }
                    Ok(popped)
                }
                "remove" => match items.iter().position(|i| values_equal(i, &arg(0))) {
                    Some(at) => self.mutate_list(o, |l| {
                        if at < l.len() {
                            l.remove(at);
                        }
                    }),
                    None => self.raise(env, "ValueError", "list.remove(x): x not in list", span),
                },
                "clear" => self.mutate_list(o, Vec::clear),
                "reverse" => self.mutate_list(o, |l| l.reverse()),
                "sort" => {
                    let sorted = self.sorted(env, items, &kwargs, span)?;
                    self.mutate_list(o, |l| *l = sorted)
                }
                "copy" => Ok(Value::object(&owner, ObjectData::List(items))),
                _ => self.sequence_query(env, &items, name, &arg(0), span),
            },
            Shape::Dict(items) => match name {
                "get" => Ok(items
                    .iter()
                    .find(|(k, _)| values_equal(k, &arg(0)))
                    .map_or(arg(1), |(_, v)| v.clone())),
                "keys" => Ok(Value::object(
                    &owner,
                    ObjectData::List(items.iter().map(|(k, _)| k.clone()).collect()),
                )),
                "values" => Ok(Value::object(
                    &owner,
                    ObjectData::List(items.iter().map(|(_, v)| v.clone()).collect()),
                )),
                "items" => Ok(Value::object(
                    &owner,
                    ObjectData::List(
                        items
                            .iter()
                            .map(|(k, v)| Value::Tuple(Rc::from(vec![k.clone(), v.clone()])))
                            .collect(),
                    ),
                )),
                "setdefault" => match items.iter().find(|(k, _)| values_equal(k, &arg(0))) {
                    Some((_, v)) => Ok(v.clone()),
                    None => {
                        self.dict_insert(env, receiver, arg(0), arg(1), span)?;
                        Ok(arg(1))
                    }
                },
                "update" => {
                    if let Some(source) = args.first() {
                        let pairs = self.mapping_items(env, source, span)?;
                        for (k, v) in pairs {
                            self.dict_insert(env, receiver, k, v, span)?;
                        }
                    }
                    for (k, v) in kwargs {
                        self.dict_insert(env, receiver, Value::str(&k), v, span)?;
                    }
                    Ok(Value::None)
                }
                "pop" => match items.iter().find(|(k, _)| values_equal(k, &arg(0))) {
                    Some((_, v)) => {
                        let v = v.clone();
                        self.del_item(env, receiver, arg(0), span)?;
                        Ok(v)
                    }
                    None if args.len() > 1 => Ok(arg(1)),
                    None => {
                        let message = arg(0).describe();
                        self.raise(env, "KeyError", &message, span)
                    }
                },
                "popitem" => match items.last() {
                    Some((k, v)) => {
                        let pair = Value::Tuple(Rc::from(vec![k.clone(), v.clone()]));
                        self.del_item(env, receiver, k.clone(), span)?;
                        Ok(pair)
                    }
                    None => self.raise(env, "KeyError", "popitem(): dictionary is empty", span),
                },
                "clear" => {
                    if let ObjectData::Dict { items, .. } = &mut *o.data.borrow_mut() {
                        items.clear();
                    }
                    Ok(Value::None)
                }
                _ => Ok(self.new_dict(items)),
            },
            Shape::Set(items) => match name {
                "add" => {
                    self.check_hashable(env, &arg(0), span)?;
                    if !items.iter().any(|i| values_equal(i, &arg(0))) {
                        self.mutate_set(o, |s| s.push(arg(0)));
                    }
                    Ok(Value::None)
                }
                "discard" | "remove" => {
                    let needle = arg(0);
                    let kept: Vec<Value<'a>> = items
                        .iter()
                        .filter(|i| !values_equal(i, &needle))
                        .cloned()
                        .collect();
                    if name == "remove" && kept.len() == items.len() {
                        let message = needle.describe();
                        return self.raise(env, "KeyError", &message, span);
                    }
                    self.mutate_set(o, |s| *s = kept);
                    Ok(Value::None)
                }
                "update" => {
                    let mut all = items.clone();
                    for source in &args {
                        for item in self.iterate(env, source, span)? {
                            self.check_hashable(env, &item, span)?;
                            if !all.iter().any(|i| values_equal(i, &item)) {
                                all.push(item);
                            }
                        }
                    }
                    self.mutate_set(o, |s| *s = all);
                    Ok(Value::None)
                }
                "clear" => {
                    self.mutate_set(o, Vec::clear);
                    Ok(Value::None)
                }
                "pop" => {
                    let Some(first) = items.first().cloned() else {
                        return self.raise(env, "KeyError", "pop from an empty set", span);
                    };
                    self.mutate_set(o, |s| {
                        s.remove(0);
                    });
                    Ok(first)
                }
                "union" | "intersection" | "difference" => {
                    let other = self.iterate(env, &arg(0), span)?;
                    let contains =
                        |set: &[Value<'a>], v: &Value<'a>| set.iter().any(|x| values_equal(x, v));
                    let result: Vec<Value<'a>> = match name {
                        "union" => items.iter().chain(other.iter()).cloned().collect(),
                        "intersection" => items
                            .iter()
                            .filter(|v| contains(&other, v))
                            .cloned()
                            .collect(),
                        _ => items
                            .iter()
                            .filter(|v| !contains(&other, v))
                            .cloned()
                            .collect(),
                    };
                    self.new_set(env, result, false, span)
                }
                "issubset" | "issuperset" | "isdisjoint" => {
                    let other = self.iterate(env, &arg(0), span)?;
                    let contains =
                        |set: &[Value<'a>], v: &Value<'a>| set.iter().any(|x| values_equal(x, v));
                    Ok(Value::Bool(match name {
                        "issubset" => items.iter().all(|v| contains(&other, v)),
                        "issuperset" => other.iter().all(|v| contains(&items, v)),
                        _ => !items.iter().any(|v| contains(&other, v)),
                    }))
                }
                _ => self.new_set(env, items, false, span),
            },
            Shape::Other => Ok(Value::Opaque(Rc::from(format!(
                "<{}.{name}()>",
                receiver.type_name()
            )))),
        }
    }

    fn mutate_list(
        &mut self,
        object: &Rc<super::values::Object<'a>>,
        f: impl FnOnce(&mut Vec<Value<'a>>),
    ) -> Eval<'a> {
        if let ObjectData::List(items) = &mut *object.data.borrow_mut() {
            f(items);
        }
        Ok(Value::None)
    }

    fn mutate_set(
        &mut self,
        object: &Rc<super::values::Object<'a>>,
        f: impl FnOnce(&mut Vec<Value<'a>>),
    ) {
        if let ObjectData::Set { items, .. } = &mut *object.data.borrow_mut() {
            f(items);
        }
    }

    /// `sorted(items, key=..., reverse=...)` with a stable insertion sort on `<`.
    fn sorted(
        &mut self,
        env: &Env<'a>,
        items: Vec<Value<'a>>,
        kwargs: &Kwargs<'a>,
        span: Span,
    ) -> Eval<'a, Vec<Value<'a>>> {
        let key = super::builtins::kwarg(kwargs, "key")
            .cloned()
            .filter(|k| !matches!(k, Value::None));
        let reverse = match super::builtins::kwarg(kwargs, "reverse") {
            Some(r) => self.truthy(env, r, span)?,
            None => false,
        };
        let mut keyed: Vec<(Value<'a>, Value<'a>)> = Vec::new();
        for item in items {
            let k = match &key {
                Some(f) => self.call_value(env, f, vec![item.clone()], Vec::new(), span)?,
                None => item.clone(),
            };
            keyed.push((self.payload(&k), item));
        }
        // Builtin keys sort natively; others go through `<` (and user `__lt__`).
        let native = keyed
            .windows(2)
            .all(|w| super::ops::order(&w[0].0, &w[1].0).is_some());
        if native {
            keyed.sort_by(|x, y| {
                let ordering = super::ops::order(&x.0, &y.0).unwrap_or(std::cmp::Ordering::Equal);
                if reverse {
                    ordering.reverse()
                } else {
                    ordering
                }
            });
        } else {
            keyed = self.merge_sort(env, keyed, reverse, span)?;
        }
        Ok(keyed.into_iter().map(|(_, v)| v).collect())
    }

    /// A stable merge sort of `(key, item)` pairs comparing keys with `<`.
    fn merge_sort(
        &mut self,
        env: &Env<'a>,
        mut keyed: Vec<(Value<'a>, Value<'a>)>,
        reverse: bool,
        span: Span,
    ) -> Eval<'a, Vec<(Value<'a>, Value<'a>)>> {
        if keyed.len() <= 1 {
            return Ok(keyed);
        }
        let right = keyed.split_off(keyed.len() / 2);
        let left = self.merge_sort(env, keyed, reverse, span)?;
        let right = self.merge_sort(env, right, reverse, span)?;
        let mut merged = Vec::with_capacity(left.len() + right.len());
        let mut left = left.into_iter().peekable();
        let mut right = right.into_iter().peekable();
        while let (Some(l), Some(r)) = (left.peek(), right.peek()) {
            // Take from the right only when it strictly comes first: equal keys keep
            // their original order.
            let (a, b) = if reverse { (&l.0, &r.0) } else { (&r.0, &l.0) };
            let less = self.compare(env, rustpython_parser::ast::CmpOp::Lt, a, b, span)?;
            let take_right = self.truthy(env, &less, span)?;
            let next = if take_right {
                right.next()
            } else {
                left.next()
            };
            merged.extend(next);
        }
        merged.extend(left);
        merged.extend(right);
        Ok(merged)
    }

    fn sequence_query(
        &mut self,
        env: &Env<'a>,
        items: &[Value<'a>],
        name: &str,
        needle: &Value<'a>,
        span: Span,
    ) -> Eval<'a> {
        match name {
            "count" => Ok(Value::int(
                items.iter().filter(|i| values_equal(i, needle)).count() as i64,
            )),
            "index" => match items.iter().position(|i| values_equal(i, needle)) {
                Some(i) => Ok(Value::int(i as i64)),
                None => self.raise(env, "ValueError", "value is not in list", span),
            },
            _ => Ok(Value::Opaque(Rc::from(format!("<{name}()>")))),
        }
    }

    fn str_method(
        &mut self,
        env: &Env<'a>,
        s: &Rc<str>,
        name: &str,
        args: &[Value<'a>],
        span: Span,
    ) -> Eval<'a> {
        let text = |i: usize| match args.get(i) {
            Some(Value::Str(t)) => Some(t.clone()),
            _ => None,
        };
        let owner = self.owner.clone();
        let list = |items: Vec<&str>| {
            Value::object(
                &owner,
                ObjectData::List(items.into_iter().map(Value::str).collect()),
            )
        };
        Ok(match name {
            "join" => {
                let mut parts = Vec::new();
                let items = match args.first() {
                    Some(v) => self.iterate(env, v, span)?,
                    None => Vec::new(),
                };
                for item in items {
                    match item {
                        Value::Str(t) => parts.push(t.to_string()),
                        Value::Opaque(_) | Value::Poisoned => {
                            return Ok(Value::Opaque(Rc::from("<str>")));
                        }
                        other => {
                            let message = format!(
                                "sequence item: expected str instance, {} found",
                                other.type_name()
                            );
                            return self.raise(env, "TypeError", &message, span);
                        }
                    }
                }
                Value::str(&parts.join(s))
            }
            "lower" => Value::str(&s.to_lowercase()),
            "upper" => Value::str(&s.to_uppercase()),
            "casefold" => Value::str(&s.to_lowercase()),
            "strip" => Value::str(match text(0) {
                Some(chars) => s.trim_matches(|c| chars.contains(c)),
                None => s.trim(),
            }),
            "lstrip" => Value::str(match text(0) {
                Some(chars) => s.trim_start_matches(|c| chars.contains(c)),
                None => s.trim_start(),
            }),
            "rstrip" => Value::str(match text(0) {
                Some(chars) => s.trim_end_matches(|c| chars.contains(c)),
                None => s.trim_end(),
            }),
            "split" => match text(0) {
                Some(sep) if !sep.is_empty() => list(s.split(&*sep).collect()),
                _ => list(s.split_whitespace().collect()),
            },
            "splitlines" => list(s.lines().collect()),
            "startswith" | "endswith" => {
                let prefixes: Vec<Rc<str>> = match args.first() {
                    Some(Value::Str(p)) => vec![p.clone()],
                    Some(Value::Tuple(items)) => items
                        .iter()
                        .filter_map(|i| {
                            if let Value::Str(p) = i {
                                Some(p.clone())
                            } else {
                                None
                            }
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                Value::Bool(prefixes.iter().any(|p| {
                    if name == "startswith" {
                        s.starts_with(&**p)
                    } else {
                        s.ends_with(&**p)
                    }
                }))
            }
            "replace" => match (text(0), text(1)) {
                (Some(from), Some(to)) => Value::str(&s.replace(&*from, &to)),
                _ => Value::Opaque(Rc::from("<str>")),
            },
            "removeprefix" => match text(0) {
                Some(p) => Value::str(s.strip_prefix(&*p).unwrap_or(s)),
                None => Value::Opaque(Rc::from("<str>")),
            },
            "removesuffix" => match text(0) {
                Some(p) => Value::str(s.strip_suffix(&*p).unwrap_or(s)),
                None => Value::Opaque(Rc::from("<str>")),
            },
            "find" => match text(0) {
                Some(n) => Value::int(s.find(&*n).map_or(-1, |i| s[..i].chars().count() as i64)),
                None => Value::Opaque(Rc::from("<int>")),
            },
            "count" => match text(0) {
                Some(n) if !n.is_empty() => Value::int(s.matches(&*n).count() as i64),
                _ => Value::Opaque(Rc::from("<int>")),
            },
            "isdigit" => Value::Bool(!s.is_empty() && s.chars().all(|c| c.is_ascii_digit())),
            "isalpha" => Value::Bool(!s.is_empty() && s.chars().all(char::is_alphabetic)),
            "isalnum" => Value::Bool(!s.is_empty() && s.chars().all(char::is_alphanumeric)),
            "isspace" => Value::Bool(!s.is_empty() && s.chars().all(char::is_whitespace)),
            "isidentifier" => Value::Bool(
                s.chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() || c == '_')
                    && s.chars().all(|c| c.is_alphanumeric() || c == '_'),
            ),
            "title" | "capitalize" => {
                let mut out = String::new();
                let mut start = true;
                for c in s.chars() {
                    if start {
                        out.extend(c.to_uppercase());
                    } else {
                        out.extend(c.to_lowercase());
                    }
                    start = if name == "title" {
                        !c.is_alphanumeric()
                    } else {
                        false
                    };
                }
                Value::str(&out)
            }
            _ => Value::Opaque(Rc::from("<str>")),
        })
    }
}
