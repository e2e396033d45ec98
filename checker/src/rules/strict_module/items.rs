//! Containers: iteration, membership, subscripts, dict and set construction, `str()` and
//! `repr()`, and the ownership check that guards every mutation.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::errors::ErrorKind;
use super::interp::{Env, Eval, ITERATION_LIMIT, Interp};
use super::ops::range_len;
use super::values::{Object, ObjectData, Value, as_int, is_hashable, values_equal};
use crate::diagnostics::Span;

impl<'a> Interp<'a> {
    /// Mutating `object` is allowed only for its owner, the module now running.
    pub(crate) fn check_mutation(
        &self,
        env: &Env<'a>,
        object: &Rc<Object<'a>>,
        span: Span,
    ) -> Eval<'a, ()> {
        if object.owner != self.owner {
            let value = Value::Object(object.clone());
            return self.error(
                env,
                ErrorKind::ModifyImport {
                    object: format!("<{}>", value.type_name()),
                    owner: object.owner.to_string(),
                    caller: self.owner.to_string(),
                },
                span,
            );
        }
        Ok(())
    }

    /// Every element of an iterable, at most [`ITERATION_LIMIT`] of them.
    pub(crate) fn iterate(
        &mut self,
        env: &Env<'a>,
        value: &Value<'a>,
        span: Span,
    ) -> Eval<'a, Vec<Value<'a>>> {
        let items = match value {
            Value::Unknown(name) => {
                return self.error(
                    env,
                    ErrorKind::UnknownIteration {
                        value: name.to_string(),
                    },
                    span,
                );
            }
            Value::Opaque(_) | Value::Poisoned => Vec::new(),
            Value::Tuple(items) => items.to_vec(),
            Value::Str(s) => s.chars().map(|c| Value::str(&c.to_string())).collect(),
            Value::Bytes(b) => b.iter().map(|x| Value::int(i64::from(*x))).collect(),
            Value::Object(o) => {
                let data = o.data.borrow();
                match &*data {
                    ObjectData::List(items) => items.clone(),
                    ObjectData::Set { items, .. } => items.clone(),
                    ObjectData::Dict { items, .. } => {
                        items.iter().map(|(k, _)| k.clone()).collect()
                    }
                    ObjectData::Range { start, stop, step } => {
                        let (start, stop, step) = (*start, *stop, *step);
                        drop(data);
                        if range_len(start, stop, step) > ITERATION_LIMIT {
                            return self.error(env, ErrorKind::TooManyIterations, span);
                        }
                        let mut out = Vec::new();
                        let mut i = start;
                        while (step > 0 && i < stop) || (step < 0 && i > stop) {
                            out.push(Value::int(i));
                            i += step;
                        }
                        out
                    }
                    ObjectData::Iterator { .. } => {
                        drop(data);
                        let mut data = o.data.borrow_mut();
                        match &mut *data {
                            ObjectData::Iterator { items, pos } => {
                                let rest = items.get(*pos..).map(<[_]>::to_vec).unwrap_or_default();
                                *pos = items.len();
                                rest
                            }
                            _ => Vec::new(),
                        }
                    }
                    ObjectData::Class(c) if c.is_enum => c
                        .dict
                        .values()
                        .filter(|v| is_member_of(v, o))
                        .cloned()
                        .collect(),
                    _ => {
                        drop(data);
                        if let Some(fields) = self.tuple_fields(value) {
                            return Ok(fields);
                        }
                        return self.iterate_protocol(env, value, span);
                    }
                }
            }
            _ => {
                let message = format!("'{}' object is not iterable", value.type_name());
                return self.raise(env, "TypeError", &message, span);
            }
        };
        if items.len() > ITERATION_LIMIT {
            return self.error(env, ErrorKind::TooManyIterations, span);
        }
        Ok(items)
    }

    /// Iteration through `__iter__` (and `__next__` when it returns an iterator object).
    fn iterate_protocol(
        &mut self,
        env: &Env<'a>,
        value: &Value<'a>,
        span: Span,
    ) -> Eval<'a, Vec<Value<'a>>> {
        let Some(iter) = self.lookup_special(value, "__iter__") else {
            let message = format!("'{}' object is not iterable", value.type_name());
            return self.raise(env, "TypeError", &message, span);
        };
        let iterator = self.call_value(env, &iter, vec![value.clone()], Vec::new(), span)?;
        let Some(next) = self.lookup_special(&iterator, "__next__") else {
            return self.iterate(env, &iterator, span);
        };
        let mut out = Vec::new();
        loop {
            if out.len() > ITERATION_LIMIT {
                return self.error(env, ErrorKind::TooManyIterations, span);
            }
            match self.call_value(env, &next, vec![iterator.clone()], Vec::new(), span) {
                Ok(item) => out.push(item),
                Err(super::interp::Flow::Raise(exc))
                    if exc.value.type_name() == "StopIteration" =>
                {
                    break;
                }
                Err(other) => return Err(other),
            }
        }
        Ok(out)
    }

    /// `needle in container`.
    pub(crate) fn contains(
        &mut self,
        env: &Env<'a>,
        container: &Value<'a>,
        needle: &Value<'a>,
        span: Span,
    ) -> Eval<'a, bool> {
        match container {
            Value::Str(s) => match needle {
                Value::Str(n) => Ok(s.contains(&**n)),
                _ => self.raise(
                    env,
                    "TypeError",
                    "'in <string>' requires string as left operand",
                    span,
                ),
            },
            Value::Object(o) if matches!(&*o.data.borrow(), ObjectData::Range { .. }) => {
                let ObjectData::Range { start, stop, step } = *o.data.borrow() else {
                    return Ok(false);
                };
                Ok(as_int(needle).and_then(|n| n.to_i64()).is_some_and(|n| {
                    let inside = if step > 0 {
                        n >= start && n < stop
                    } else {
                        n <= start && n > stop
                    };
                    inside && (n - start) % step == 0
                }))
            }
            Value::Object(o) if matches!(&*o.data.borrow(), ObjectData::Instance(_)) => {
                if let Some(method) = self.lookup_special(container, "__contains__") {
                    let result = self.call_value(
                        env,
                        &method,
                        vec![container.clone(), needle.clone()],
                        Vec::new(),
                        span,
                    )?;
                    return self.truthy(env, &result, span);
                }
                let items = self.iterate(env, container, span)?;
                Ok(items.iter().any(|i| values_equal(i, needle)))
            }
            _ => {
                let needle = self.payload(needle);
                let items = self.iterate(env, container, span)?;
                Ok(items
                    .iter()
                    .any(|i| values_equal(&self.payload(i), &needle)))
            }
        }
    }

    /// `object[key]`.
    pub(crate) fn get_item(
        &mut self,
        env: &Env<'a>,
        object: &Value<'a>,
        key: Value<'a>,
        span: Span,
    ) -> Eval<'a> {
        if let Value::Unknown(name) = object {
            return self.error(
                env,
                ErrorKind::UnknownIndex {
                    value: name.to_string(),
                    index: key.describe(),
                },
                span,
            );
        }
        if let Value::Unknown(name) = &key {
            return self.error(
                env,
                ErrorKind::UnknownAttribute {
                    value: name.to_string(),
                    attr: "__index__".into(),
                },
                span,
            );
        }
        if matches!(key, Value::Opaque(_) | Value::Poisoned) {
            return Ok(Value::Opaque(Rc::from("<item>")));
        }
        if let Some(fields) = self.tuple_fields(object) {
            if let Some(slice) = self.slice_bounds(&key) {
                let tuple = Value::Tuple(Rc::from(fields));
                return self.get_slice(env, &tuple, slice, span);
            }
            return self.index_sequence(env, &fields, &key, span);
        }
        if let Some(slice) = self.slice_bounds(&key) {
            return self.get_slice(env, object, slice, span);
        }
        match object {
            Value::Opaque(_) | Value::Poisoned => return Ok(Value::Opaque(Rc::from("<value>"))),
            Value::Tuple(items) => return self.index_sequence(env, items, &key, span),
            Value::Str(s) => {
                let chars: Vec<Value<'a>> = s.chars().map(|c| Value::str(&c.to_string())).collect();
                return self.index_sequence(env, &chars, &key, span);
            }
            _ => {}
        }
        let Value::Object(o) = object else {
            let message = format!("'{}' object is not subscriptable", object.type_name());
            return self.raise(env, "TypeError", &message, span);
        };
        let data = o.data.borrow();
        match &*data {
            ObjectData::List(items) => {
                let found = as_int(&self.payload(&key))
                    .and_then(|i| normalise_index(&i, items.len()))
                    .and_then(|i| items.get(i).cloned());
                drop(data);
                match found {
                    Some(v) => Ok(v),
                    None => {
                        if as_int(&self.payload(&key)).is_none() {
                            let message = format!(
                                "list indices must be integers or slices, not {}",
                                key.type_name()
                            );
                            return self.raise(env, "TypeError", &message, span);
                        }
                        self.raise(env, "IndexError", "list index out of range", span)
                    }
                }
            }
            ObjectData::Dict { items, default } => {
                if !is_hashable(&key) {
                    let message = format!("unhashable type: '{}'", key.type_name());
                    drop(data);
                    return self.raise(env, "TypeError", &message, span);
                }
                if let Some((_, v)) = items.iter().find(|(k, _)| values_equal(k, &key)) {
                    return Ok(v.clone());
                }
                let default = default.clone();
                drop(data);
                match default {
                    Some(factory) if !matches!(factory, Value::None) => {
                        let value = self.call_value(env, &factory, Vec::new(), Vec::new(), span)?;
                        self.dict_insert(env, object, key, value.clone(), span)?;
                        Ok(value)
                    }
                    _ => {
                        let message = self.repr(env, &key, span)?;
                        self.raise(env, "KeyError", &message, span)
                    }
                }
            }
            ObjectData::Range { start, stop, step } => {
                let items: Vec<Value<'a>> = if range_len(*start, *stop, *step) <= ITERATION_LIMIT {
                    let (start, stop, step) = (*start, *stop, *step);
                    drop(data);
                    let range = Value::object(&self.owner, ObjectData::Range { start, stop, step });
                    self.iterate(env, &range, span)?
                } else {
                    return Ok(Value::Opaque(Rc::from("<int>")));
                };
                self.index_sequence(env, &items, &key, span)
            }
            ObjectData::Class(c) if c.is_enum => {
                let found = match &key {
                    Value::Str(name) => c.dict.get(&**name).filter(|v| is_member_of(v, o)).cloned(),
                    _ => None,
                };
                drop(data);
                match found {
                    Some(member) => Ok(member),
                    None => {
                        let message = key.describe();
                        self.raise(env, "KeyError", &message, span)
                    }
                }
            }
            // `list[int]`, `MyGeneric[T]`: a generic alias, which calls like its class.
            ObjectData::Class(_) => Ok(object.clone()),
            _ => {
                drop(data);
                if let Some(method) = self.lookup_special(object, "__getitem__") {
                    return self.call_value(
                        env,
                        &method,
                        vec![object.clone(), key],
                        Vec::new(),
                        span,
                    );
                }
                let message = format!("'{}' object is not subscriptable", object.type_name());
                self.raise(env, "TypeError", &message, span)
            }
        }
    }

    fn index_sequence(
        &mut self,
        env: &Env<'a>,
        items: &[Value<'a>],
        key: &Value<'a>,
        span: Span,
    ) -> Eval<'a> {
        let Some(index) = as_int(&self.payload(key)) else {
            let message = format!("indices must be integers, not {}", key.type_name());
            return self.raise(env, "TypeError", &message, span);
        };
        match normalise_index(&index, items.len()).and_then(|i| items.get(i)) {
            Some(v) => Ok(v.clone()),
            None => self.raise(env, "IndexError", "index out of range", span),
        }
    }

    fn slice_bounds(&self, key: &Value<'a>) -> Option<(Option<i64>, Option<i64>, i64)> {
        let Value::Object(o) = key else { return None };
        let ObjectData::Slice { lower, upper, step } = &*o.data.borrow() else {
            return None;
        };
        let bound = |v: &Value<'a>| as_int(v).and_then(|i| i.to_i64());
        Some((bound(lower), bound(upper), bound(step).unwrap_or(1)))
    }

    fn get_slice(
        &mut self,
        env: &Env<'a>,
        object: &Value<'a>,
        (lower, upper, step): (Option<i64>, Option<i64>, i64),
        span: Span,
    ) -> Eval<'a> {
        if step == 0 {
            return self.raise(env, "ValueError", "slice step cannot be zero", span);
        }
        let take = |len: usize| -> Vec<usize> {
            let len = len as i64;
            let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
            let fix = |v: Option<i64>, default: i64, lo: i64, hi: i64| match v {
                Some(v) if v < 0 => clamp(v + len, lo, hi),
                Some(v) => clamp(v, lo, hi),
                None => default,
            };
            let mut out = Vec::new();
            if step > 0 {
                let (mut i, stop) = (fix(lower, 0, 0, len), fix(upper, len, 0, len));
                while i < stop {
                    out.push(i as usize);
                    i += step;
                }
            } else {
                let (mut i, stop) = (
                    fix(lower, len - 1, -1, len - 1),
                    fix(upper, -1, -1, len - 1),
                );
                while i > stop {
                    out.push(i as usize);
                    i += step;
                }
            }
            out
        };
        match object {
            Value::Str(s) => {
                let chars: Vec<char> = s.chars().collect();
                Ok(Value::str(
                    &take(chars.len())
                        .into_iter()
                        .filter_map(|i| chars.get(i))
                        .collect::<String>(),
                ))
            }
            Value::Tuple(items) => Ok(Value::Tuple(
                take(items.len())
                    .into_iter()
                    .filter_map(|i| items.get(i).cloned())
                    .collect(),
            )),
            Value::Object(o) if matches!(&*o.data.borrow(), ObjectData::List(_)) => {
                let items = match &*o.data.borrow() {
                    ObjectData::List(items) => items.clone(),
                    _ => Vec::new(),
                };
                let picked = take(items.len())
                    .into_iter()
                    .filter_map(|i| items.get(i).cloned())
                    .collect();
                Ok(Value::object(&self.owner, ObjectData::List(picked)))
            }
            Value::Opaque(_) | Value::Poisoned => Ok(Value::Opaque(Rc::from("<value>"))),
            _ => {
                let message = format!("'{}' object is not subscriptable", object.type_name());
                self.raise(env, "TypeError", &message, span)
            }
        }
    }

    /// `object[key] = value`.
    pub(crate) fn set_item(
        &mut self,
        env: &Env<'a>,
        object: &Value<'a>,
        key: Value<'a>,
        value: Value<'a>,
        span: Span,
    ) -> Eval<'a, ()> {
        match object {
            Value::Unknown(name) => self.error(
                env,
                ErrorKind::UnknownIndex {
                    value: name.to_string(),
                    index: key.describe(),
                },
                span,
            ),
            Value::Opaque(_) | Value::Poisoned => Ok(()),
            Value::Object(o) => {
                let is_list = matches!(&*o.data.borrow(), ObjectData::List(_));
                let is_dict = matches!(&*o.data.borrow(), ObjectData::Dict { .. });
                if is_dict {
                    return self.dict_insert(env, object, key, value, span);
                }
                if is_list {
                    self.check_mutation(env, o, span)?;
                    let Some(index) = as_int(&key) else {
                        return self.raise(
                            env,
                            "TypeError",
                            "list indices must be integers or slices",
                            span,
                        );
                    };
                    let mut data = o.data.borrow_mut();
                    if let ObjectData::List(items) = &mut *data {
                        let len = items.len();
                        if let Some(slot) =
                            normalise_index(&index, len).and_then(|i| items.get_mut(i))
                        {
                            *slot = value;
                            return Ok(());
                        }
                    }
                    drop(data);
                    return self.raise(
                        env,
                        "IndexError",
                        "list assignment index out of range",
                        span,
                    );
                }
                if let Some(method) = self.lookup_special(object, "__setitem__") {
                    self.check_mutation(env, o, span)?;
                    self.call_value(
                        env,
                        &method,
                        vec![object.clone(), key, value],
                        Vec::new(),
                        span,
                    )?;
                    return Ok(());
                }
                let message = format!(
                    "'{}' object does not support item assignment",
                    object.type_name()
                );
                self.raise(env, "TypeError", &message, span)
            }
            _ => {
                let message = format!(
                    "'{}' object does not support item assignment",
                    object.type_name()
                );
                self.raise(env, "TypeError", &message, span)
            }
        }
    }

    /// `del object[key]`.
    pub(crate) fn del_item(
        &mut self,
        env: &Env<'a>,
        object: &Value<'a>,
        key: Value<'a>,
        span: Span,
    ) -> Eval<'a, ()> {
        match object {
            Value::Unknown(name) => self.error(
                env,
                ErrorKind::UnknownIndex {
                    value: name.to_string(),
                    index: key.describe(),
                },
                span,
            ),
            Value::Object(o) => {
                self.check_mutation(env, o, span)?;
                let mut data = o.data.borrow_mut();
                let removed = match &mut *data {
                    ObjectData::Dict { items, .. } => {
                        let before = items.len();
                        items.retain(|(k, _)| !values_equal(k, &key));
                        before != items.len()
                    }
                    ObjectData::List(items) => {
                        match as_int(&key).and_then(|i| normalise_index(&i, items.len())) {
                            Some(i) if i < items.len() => {
                                items.remove(i);
                                true
                            }
                            _ => false,
                        }
                    }
                    _ => false,
                };
                drop(data);
                if removed {
                    Ok(())
                } else {
                    let message = key.describe();
                    self.raise(env, "KeyError", &message, span)
                }
            }
            _ => Ok(()),
        }
    }

    pub(crate) fn new_dict(&self, items: Vec<(Value<'a>, Value<'a>)>) -> Value<'a> {
        Value::object(
            &self.owner,
            ObjectData::Dict {
                items,
                default: None,
            },
        )
    }

    /// A set of `items` (duplicates dropped; every item must be hashable).
    pub(crate) fn new_set(
        &mut self,
        env: &Env<'a>,
        items: Vec<Value<'a>>,
        frozen: bool,
        span: Span,
    ) -> Eval<'a> {
        let mut unique: Vec<Value<'a>> = Vec::new();
        for item in items {
            self.check_hashable(env, &item, span)?;
            if !unique.iter().any(|u| values_equal(u, &item)) {
                unique.push(item);
            }
        }
        Ok(Value::object(
            &self.owner,
            ObjectData::Set {
                items: unique,
                frozen,
            },
        ))
    }

    pub(crate) fn check_hashable(
        &mut self,
        env: &Env<'a>,
        key: &Value<'a>,
        span: Span,
    ) -> Eval<'a, ()> {
        if let Value::Unknown(name) = key {
            return self.error(
                env,
                ErrorKind::UnknownAttribute {
                    value: name.to_string(),
                    attr: "__hash__".into(),
                },
                span,
            );
        }
        if !is_hashable(key) {
            let message = format!("unhashable type: '{}'", key.type_name());
            return self.raise(env, "TypeError", &message, span);
        }
        Ok(())
    }

    /// `dict[key] = value` on a dict object (checked for ownership).
    pub(crate) fn dict_insert(
        &mut self,
        env: &Env<'a>,
        dict: &Value<'a>,
        key: Value<'a>,
        value: Value<'a>,
        span: Span,
    ) -> Eval<'a, ()> {
        self.check_hashable(env, &key, span)?;
        let Value::Object(o) = dict else {
            return Ok(());
        };
        self.check_mutation(env, o, span)?;
        if let ObjectData::Dict { items, .. } = &mut *o.data.borrow_mut() {
            match items.iter_mut().find(|(k, _)| values_equal(k, &key)) {
                Some(entry) => entry.1 = value,
                None => items.push((key, value)),
            }
        }
        Ok(())
    }

    /// The `(key, value)` pairs of a mapping (`**mapping`, `dict(mapping)`).
    pub(crate) fn mapping_items(
        &mut self,
        env: &Env<'a>,
        value: &Value<'a>,
        span: Span,
    ) -> Eval<'a, Vec<(Value<'a>, Value<'a>)>> {
        match value {
            Value::Unknown(name) => self.error(
                env,
                ErrorKind::UnknownAttribute {
                    value: name.to_string(),
                    attr: "keys".into(),
                },
                span,
            ),
            Value::Opaque(_) | Value::Poisoned => Ok(Vec::new()),
            Value::Object(o) => match &*o.data.borrow() {
                ObjectData::Dict { items, .. } => Ok(items.clone()),
                _ => Ok(Vec::new()),
            },
            _ => {
                let message = format!("'{}' object is not a mapping", value.type_name());
                self.raise(env, "TypeError", &message, span)
            }
        }
    }
}

/// A Python index (negative counts from the end) as a position, if in range.
pub(crate) fn normalise_index(index: &BigInt, len: usize) -> Option<usize> {
    let i = index.to_i64()?;
    let len = len as i64;
    let i = if i < 0 { i + len } else { i };
    (0..len).contains(&i).then_some(i as usize)
}

/// Whether `value` is a member of the enum class `class`.
pub(crate) fn is_member_of<'a>(value: &Value<'a>, class: &Rc<Object<'a>>) -> bool {
    match value {
        Value::Object(o) => match &*o.data.borrow() {
            ObjectData::Instance(inst) => Rc::ptr_eq(&inst.class, class),
            _ => false,
        },
        _ => false,
    }
}

impl<'a> Interp<'a> {
    /// The fields of a named-tuple instance, in order (named tuples are tuples).
    pub(crate) fn tuple_fields(&self, value: &Value<'a>) -> Option<Vec<Value<'a>>> {
        let Value::Object(o) = value else { return None };
        let ObjectData::Instance(inst) = &*o.data.borrow() else {
            return None;
        };
        if self.builtin_base(&inst.class) != Some("NamedTuple") {
            return None;
        }
        let fields = match &*inst.class.data.borrow() {
            ObjectData::Class(c) => c.init_fields.clone()?,
            _ => return None,
        };
        Some(
            fields
                .iter()
                .map(|f| inst.attrs.get(&f.name).cloned().unwrap_or(Value::None))
                .collect(),
        )
    }
}
