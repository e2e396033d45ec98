//! The builtins a strict module may use at module level (§4 allow-list, values
//! modelled), the prohibited ones (`exec`, `eval`, `open`, `input`, ...: calling them at
//! module level is an error), and the builtin classes with their constructors.

use std::rc::Rc;

use indexmap::IndexMap;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::call::Kwargs;
use super::errors::ErrorKind;
use super::interp::{Env, Eval, Interp};
use super::values::{Class, Object, ObjectData, Value, as_int};
use crate::diagnostics::Span;

/// Builtin classes and their base, in an order where bases come first.
const CLASSES: &[(&str, &str)] = &[
    ("object", ""),
    ("type", "object"),
    ("int", "object"),
    ("bool", "int"),
    ("float", "object"),
    ("complex", "object"),
    ("str", "object"),
    ("bytes", "object"),
    ("bytearray", "object"),
    ("list", "object"),
    ("tuple", "object"),
    ("dict", "object"),
    ("set", "object"),
    ("frozenset", "object"),
    ("range", "object"),
    ("slice", "object"),
    ("property", "object"),
    ("classmethod", "object"),
    ("staticmethod", "object"),
    ("super", "object"),
    ("BaseException", "object"),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("FrozenInstanceError", "AttributeError"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
];

/// Builtin functions whose calls are modelled.
const FUNCTIONS: &[&str] = &[
    "abs",
    "all",
    "any",
    "ascii",
    "bin",
    "callable",
    "chr",
    "delattr",
    "dir",
    "divmod",
    "enumerate",
    "filter",
    "format",
    "getattr",
    "hasattr",
    "hash",
    "hex",
    "id",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "map",
    "max",
    "min",
    "next",
    "oct",
    "ord",
    "pow",
    "print",
    "reveal_type",
    "repr",
    "reversed",
    "round",
    "setattr",
    "sorted",
    "sum",
    "zip",
];

/// Builtins with effects outside the module (code execution, I/O, introspection of
/// the caller): calling one at module level is an error.
pub(crate) const PROHIBITED: &[&str] = &[
    "exec",
    "eval",
    "compile",
    "open",
    "input",
    "__import__",
    "globals",
    "locals",
    "vars",
    "breakpoint",
    "exit",
    "quit",
    "help",
    "memoryview",
];

/// Class-level attributes of builtin types that are modelled (`dict.fromkeys`).
pub(crate) fn is_builtin_class_attr(qualname: &str) -> bool {
    let class = qualname.split('.').next().unwrap_or_default();
    matches!(
        class,
        "object"
            | "type"
            | "int"
            | "bool"
            | "float"
            | "complex"
            | "str"
            | "bytes"
            | "bytearray"
            | "list"
            | "tuple"
            | "dict"
            | "set"
            | "frozenset"
            | "range"
    )
}

impl<'a> Interp<'a> {
    /// Fills the builtins namespace and the table of builtin classes.
    pub(crate) fn install_builtins(&mut self) {
        let owner = self.builtins_owner.clone();
        for (name, base) in CLASSES {
            let bases: Vec<Rc<Object<'a>>> = self.classes.get(base).cloned().into_iter().collect();
            let mut mro = Vec::new();
            if let Some(base) = bases.first() {
                mro.push(base.clone());
                if let ObjectData::Class(c) = &*base.data.borrow() {
                    mro.extend(c.mro.iter().cloned());
                }
            }
            let class = self.builtin_class(name, bases, mro, &owner);
            self.classes.insert(name, class);
        }
        let mut scope = self.builtins.borrow_mut();
        for (name, class) in &self.classes {
            if *name != "FrozenInstanceError" {
                scope.insert(name.to_string(), Value::Object(class.clone()));
            }
        }
        for name in FUNCTIONS.iter().chain(PROHIBITED) {
            scope.insert(
                name.to_string(),
                Value::object(&owner, ObjectData::Builtin(Rc::from(*name))),
            );
        }
        scope.insert("None".into(), Value::None);
        scope.insert("Ellipsis".into(), Value::Ellipsis);
        scope.insert("NotImplemented".into(), Value::NotImplemented);
        scope.insert("__debug__".into(), Value::Bool(true));
        scope.insert("__name__".into(), Value::str("builtins"));
    }

    pub(crate) fn builtin_class(
        &self,
        name: &'static str,
        bases: Vec<Rc<Object<'a>>>,
        mro: Vec<Rc<Object<'a>>>,
        owner: &Rc<str>,
    ) -> Rc<Object<'a>> {
        Rc::new(Object {
            owner: owner.clone(),
            data: std::cell::RefCell::new(ObjectData::Class(Class {
                name: name.to_string(),
                bases,
                mro,
                dict: IndexMap::new(),
                slots: Vec::new(),
                annotations: Vec::new(),
                frozen: true,
                builtin: Some(name),
                lenient: false,
                init_fields: None,
                frozen_instances: false,
                is_enum: false,
            })),
        })
    }

    pub(crate) fn reject_unknown(
        &self,
        env: &Env<'a>,
        args: &[Value<'a>],
        dunder: &str,
        span: Span,
    ) -> Eval<'a, ()> {
        if let Some(Value::Unknown(name)) = args.iter().find(|a| a.is_unknown()) {
            return self.error(
                env,
                ErrorKind::UnknownAttribute {
                    value: name.to_string(),
                    attr: dunder.to_string(),
                },
                span,
            );
        }
        Ok(())
    }

    /// Calls a builtin or modelled stdlib function by its qualified name.
    pub(crate) fn call_builtin(
        &mut self,
        env: &Env<'a>,
        name: &str,
        args: Vec<Value<'a>>,
        kwargs: Kwargs<'a>,
        span: Span,
    ) -> Eval<'a> {
        if PROHIBITED.contains(&name) {
            return self.error(
                env,
                ErrorKind::ProhibitedBuiltin {
                    name: name.to_string(),
                },
                span,
            );
        }
        if let Some(result) = self.call_stdlib(env, name, &args, &kwargs, span)? {
            return Ok(result);
        }
        let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::None);
        let owner = self.owner.clone();
        Ok(match name {
            "print" | "object.__noop__" | "object.__init__" => Value::None,
            // A checker construct (the checker reports the type): the value passes through.
            "reveal_type" => arg(0),
            "len" => {
                self.reject_unknown(env, &args, "__len__", span)?;
                let value = arg(0);
                if let Some(method) = self.lookup_special(&value, "__len__") {
                    return self.call_value(env, &method, vec![value], Vec::new(), span);
                }
                if let Value::Object(o) = &value
                    && let ObjectData::Range { start, stop, step } = &*o.data.borrow()
                {
                    return Ok(Value::int(
                        super::ops::range_len(*start, *stop, *step) as i64
                    ));
                }
                if matches!(value, Value::Opaque(_) | Value::Poisoned) {
                    return Ok(Value::Opaque(Rc::from("<int>")));
                }
                if let Some(fields) = self.tuple_fields(&value) {
                    return Ok(Value::int(fields.len() as i64));
                }
                let sized = matches!(&value, Value::Str(_) | Value::Bytes(_) | Value::Tuple(_))
                    || matches!(&value, Value::Object(o) if matches!(&*o.data.borrow(), ObjectData::List(_) | ObjectData::Dict { .. } | ObjectData::Set { .. } | ObjectData::Class(_)));
                if !sized {
                    let message = format!("object of type '{}' has no len()", value.type_name());
                    return self.raise(env, "TypeError", &message, span);
                }
                let direct = match &value {
                    Value::Object(o) => match &*o.data.borrow() {
                        ObjectData::List(items) => Some(items.len()),
                        ObjectData::Dict { items, .. } => Some(items.len()),
                        ObjectData::Set { items, .. } => Some(items.len()),
                        _ => None,
                    },
                    Value::Tuple(items) => Some(items.len()),
                    Value::Str(s) => Some(s.chars().count()),
                    _ => None,
                };
                match direct {
                    Some(n) => Value::int(n as i64),
                    None => Value::int(self.iterate(env, &value, span)?.len() as i64),
                }
            }
            "isinstance" | "issubclass" => {
                if let Value::Unknown(n) = arg(0) {
                    return self.error(
                        env,
                        ErrorKind::UnknownAttribute {
                            value: n.to_string(),
                            attr: "__class__".into(),
                        },
                        span,
                    );
                }
                let classes = match arg(1) {
                    Value::Tuple(items) => items.to_vec(),
                    other => vec![other],
                };
                let mut result = false;
                for class in classes {
                    if let Value::Unknown(n) = &class {
                        let attr = if name == "isinstance" {
                            "__instancecheck__"
                        } else {
                            "__subclasscheck__"
                        };
                        return self.error(
                            env,
                            ErrorKind::UnknownAttribute {
                                value: n.to_string(),
                                attr: attr.into(),
                            },
                            span,
                        );
                    }
                    if matches!(class, Value::Opaque(_)) {
                        return Ok(Value::Opaque(Rc::from("<bool>")));
                    }
                    result |= if name == "isinstance" {
                        self.is_instance(&arg(0), &class)
                    } else {
                        match (arg(0).as_class(), class.as_class()) {
                            (Some(c), Some(b)) => self.is_subclass(c, b),
                            _ => false,
                        }
                    };
                }
                Value::Bool(result)
            }
            "callable" => {
                self.reject_unknown(env, &args, "__call__", span)?;
                let value = arg(0);
                Value::Bool(match &value {
                    Value::Object(o) => match &*o.data.borrow() {
                        ObjectData::Function(_)
                        | ObjectData::Builtin(_)
                        | ObjectData::BoundBuiltin { .. }
                        | ObjectData::BoundMethod { .. }
                        | ObjectData::Class(_)
                        | ObjectData::Partial { .. }
                        | ObjectData::StaticMethod(_) => true,
                        ObjectData::Instance(_) => {
                            self.lookup_special(&value, "__call__").is_some()
                        }
                        _ => false,
                    },
                    Value::Opaque(_) => true,
                    _ => false,
                })
            }
            "getattr" => {
                let Value::Str(attr) = arg(1) else {
                    return self.raise(env, "TypeError", "attribute name must be string", span);
                };
                match self.get_attr(env, &arg(0), &attr, span) {
                    Err(super::interp::Flow::Raise(exc))
                        if args.len() > 2 && exc.value.type_name() == "AttributeError" =>
                    {
                        arg(2)
                    }
                    other => other?,
                }
            }
            "hasattr" => {
                let Value::Str(attr) = arg(1) else {
                    return self.raise(env, "TypeError", "attribute name must be string", span);
                };
                match self.get_attr(env, &arg(0), &attr, span) {
                    Ok(_) => Value::Bool(true),
                    Err(super::interp::Flow::Raise(exc))
                        if exc.value.type_name() == "AttributeError" =>
                    {
                        Value::Bool(false)
                    }
                    Err(other) => return Err(other),
                }
            }
            "setattr" => {
                let Value::Str(attr) = arg(1) else {
                    return self.raise(env, "TypeError", "attribute name must be string", span);
                };
                self.set_attr(env, &arg(0), &attr, arg(2), span)?;
                Value::None
            }
            "delattr" => {
                let Value::Str(attr) = arg(1) else {
                    return self.raise(env, "TypeError", "attribute name must be string", span);
                };
                self.del_attr(env, &arg(0), &attr, span)?;
                Value::None
            }
            "repr" | "ascii" => Value::str(&self.repr(env, &arg(0), span)?),
            "format" => Value::str(&self.str_of(env, &arg(0), span)?),
            "hash" => {
                self.check_hashable(env, &arg(0), span)?;
                match arg(0) {
                    Value::Int(i) => Value::Int(i),
                    Value::Bool(b) => Value::int(i64::from(b)),
                    _ => Value::Opaque(Rc::from("<int>")),
                }
            }
            "id" => Value::Opaque(Rc::from("<int>")),
            "dir" => Value::Opaque(Rc::from("<list>")),
            "chr" => match as_int(&arg(0))
                .and_then(|i| i.to_u32())
                .and_then(char::from_u32)
            {
                Some(c) => Value::str(&c.to_string()),
                None => {
                    return self.raise(env, "ValueError", "chr() arg not in range(0x110000)", span);
                }
            },
            "ord" => match arg(0) {
                Value::Str(s) if s.chars().count() == 1 => {
                    Value::int(s.chars().next().map_or(0, |c| c as i64))
                }
                _ => return self.raise(env, "TypeError", "ord() expected a character", span),
            },
            "abs" => {
                self.reject_unknown(env, &args, "__abs__", span)?;
                match self.payload(&arg(0)) {
                    Value::Int(i) => Value::Int(i.abs()),
                    Value::Bool(b) => Value::int(i64::from(b)),
                    Value::Float(f) => Value::Float(f.abs()),
                    _ => Value::Opaque(Rc::from("<number>")),
                }
            }
            "hex" | "oct" | "bin" => match as_int(&arg(0)) {
                Some(i) => {
                    let (prefix, radix) = match name {
                        "hex" => ("0x", 16),
                        "oct" => ("0o", 8),
                        _ => ("0b", 2),
                    };
                    let sign = if i.is_negative() { "-" } else { "" };
                    Value::str(&format!("{sign}{prefix}{}", i.abs().to_str_radix(radix)))
                }
                None => return self.raise(env, "TypeError", "an integer is required", span),
            },
            "divmod" => match (as_int(&arg(0)), as_int(&arg(1))) {
                (Some(a), Some(b)) if !b.is_zero() => {
                    let (q, r) = super::ops::floor_div_mod(&a, &b);
                    Value::Tuple(Rc::from(vec![Value::Int(q), Value::Int(r)]))
                }
                (Some(_), Some(_)) => {
                    return self.raise(
                        env,
                        "ZeroDivisionError",
                        "integer division or modulo by zero",
                        span,
                    );
                }
                _ => Value::Opaque(Rc::from("<tuple>")),
            },
            "pow" => self.binary(
                env,
                rustpython_parser::ast::Operator::Pow,
                arg(0),
                arg(1),
                span,
                false,
            )?,
            "round" => match self.payload(&arg(0)) {
                Value::Float(f) if args.len() < 2 => {
                    Value::Int(BigInt::from(round_half_even(f) as i64))
                }
                Value::Int(i) => Value::Int(i),
                _ => Value::Opaque(Rc::from("<number>")),
            },
            "all" | "any" => {
                let items = self.iterate(env, &arg(0), span)?;
                let want = name == "any";
                let mut result = !want;
                for item in items {
                    if self.truthy(env, &item, span)? == want {
                        result = want;
                        break;
                    }
                }
                Value::Bool(result)
            }
            "sum" => {
                let items = self.iterate(env, &arg(0), span)?;
                let mut total = if args.len() > 1 {
                    arg(1)
                } else {
                    Value::int(0)
                };
                for item in items {
                    total = self.binary(
                        env,
                        rustpython_parser::ast::Operator::Add,
                        total,
                        item,
                        span,
                        false,
                    )?;
                }
                total
            }
            "min" | "max" => {
                let items = if args.len() == 1 {
                    self.iterate(env, &arg(0), span)?
                } else {
                    args.clone()
                };
                let key = kwargs
                    .iter()
                    .find(|(k, _)| k == "key")
                    .map(|(_, v)| v.clone());
                let mut best: Option<(Value<'a>, Value<'a>)> = None;
                for item in items {
                    let measure = match &key {
                        Some(key) if !matches!(key, Value::None) => {
                            self.call_value(env, key, vec![item.clone()], Vec::new(), span)?
                        }
                        _ => item.clone(),
                    };
                    let better = match &best {
                        None => true,
                        Some((_, current)) => {
                            let op = if name == "min" {
                                rustpython_parser::ast::CmpOp::Lt
                            } else {
                                rustpython_parser::ast::CmpOp::Gt
                            };
                            let result = self.compare(env, op, &measure, current, span)?;
                            self.truthy(env, &result, span)?
                        }
                    };
                    if better {
                        best = Some((item, measure));
                    }
                }
                match best {
                    Some((item, _)) => item,
                    None => match kwargs.iter().find(|(k, _)| k == "default") {
                        Some((_, d)) => d.clone(),
                        None => {
                            let message = format!("{name}() arg is an empty sequence");
                            return self.raise(env, "ValueError", &message, span);
                        }
                    },
                }
            }
            "sorted" => {
                let items = self.iterate(env, &arg(0), span)?;
                let list = Value::object(&owner, ObjectData::List(items));
                self.call_method(env, &list, "sort", Vec::new(), kwargs, span)?;
                list
            }
            "reversed" => {
                let mut items = self.iterate(env, &arg(0), span)?;
                items.reverse();
                Value::object(&owner, ObjectData::Iterator { items, pos: 0 })
            }
            "enumerate" => {
                let items = self.iterate(env, &arg(0), span)?;
                let start = kwargs
                    .iter()
                    .find(|(k, _)| k == "start")
                    .map(|(_, v)| v.clone())
                    .or_else(|| args.get(1).cloned());
                let start = start.and_then(|s| as_int(&s)).unwrap_or_else(BigInt::zero);
                let items = items
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| {
                        Value::Tuple(Rc::from(vec![Value::Int(&start + BigInt::from(i)), v]))
                    })
                    .collect();
                Value::object(&owner, ObjectData::Iterator { items, pos: 0 })
            }
            "zip" => {
                let mut columns = Vec::new();
                for a in &args {
                    columns.push(self.iterate(env, a, span)?);
                }
                let len = columns.iter().map(Vec::len).min().unwrap_or(0);
                let items = (0..len)
                    .map(|i| {
                        Value::Tuple(columns.iter().filter_map(|c| c.get(i).cloned()).collect())
                    })
                    .collect();
                Value::object(&owner, ObjectData::Iterator { items, pos: 0 })
            }
            "map" => {
                let mut columns = Vec::new();
                for a in args.iter().skip(1) {
                    columns.push(self.iterate(env, a, span)?);
                }
                let len = columns.iter().map(Vec::len).min().unwrap_or(0);
                let mut items = Vec::new();
                for i in 0..len {
                    let call_args = columns.iter().filter_map(|c| c.get(i).cloned()).collect();
                    items.push(self.call_value(env, &arg(0), call_args, Vec::new(), span)?);
                }
                Value::object(&owner, ObjectData::Iterator { items, pos: 0 })
            }
            "filter" => {
                let mut items = Vec::new();
                for item in self.iterate(env, &arg(1), span)? {
                    let keep = match arg(0) {
                        Value::None => item.clone(),
                        f => self.call_value(env, &f, vec![item.clone()], Vec::new(), span)?,
                    };
                    if self.truthy(env, &keep, span)? {
                        items.push(item);
                    }
                }
                Value::object(&owner, ObjectData::Iterator { items, pos: 0 })
            }
            "iter" => {
                let items = self.iterate(env, &arg(0), span)?;
                Value::object(&owner, ObjectData::Iterator { items, pos: 0 })
            }
            "next" => {
                let value = arg(0);
                if let Value::Object(o) = &value
                    && let ObjectData::Iterator { items, pos } = &mut *o.data.borrow_mut()
                {
                    if let Some(item) = items.get(*pos) {
                        *pos += 1;
                        return Ok(item.clone());
                    }
                    if args.len() > 1 {
                        return Ok(arg(1));
                    }
                } else if let Some(method) = self.lookup_special(&value, "__next__") {
                    return self.call_value(env, &method, vec![value], Vec::new(), span);
                } else if let Value::Unknown(n) = &value {
                    return self.error(
                        env,
                        ErrorKind::UnknownAttribute {
                            value: n.to_string(),
                            attr: "__next__".into(),
                        },
                        span,
                    );
                }
                if args.len() > 1 {
                    return Ok(arg(1));
                }
                return self.raise(env, "StopIteration", "", span);
            }
            other => {
                // A builtin-class attribute (`dict.fromkeys`) or something unmodelled.
                match other {
                    "dict.fromkeys" => {
                        let keys = self.iterate(env, &arg(0), span)?;
                        let dict = self.new_dict(Vec::new());
                        for key in keys {
                            self.dict_insert(env, &dict, key, arg(1), span)?;
                        }
                        dict
                    }
                    "object.__setattr__" => {
                        // Bypasses frozen dataclasses (their `__post_init__` idiom).
                        let Value::Str(attr) = arg(1) else {
                            return Ok(Value::None);
                        };
                        if let Value::Object(o) = arg(0) {
                            self.check_mutation(env, &o, span)?;
                            if let ObjectData::Instance(inst) = &mut *o.data.borrow_mut() {
                                inst.attrs.insert(attr.to_string(), arg(2));
                            }
                        }
                        Value::None
                    }
                    "BaseException.__init__" => {
                        if let Value::Object(o) = arg(0)
                            && let ObjectData::Instance(inst) = &mut *o.data.borrow_mut()
                        {
                            inst.args = args.iter().skip(1).cloned().collect();
                        }
                        Value::None
                    }
                    _ if other.starts_with("str.")
                        && super::methods::has_method(
                            &Value::str(""),
                            other.trim_start_matches("str."),
                        ) =>
                    {
                        let method = other.trim_start_matches("str.");
                        let receiver = arg(0);
                        return self.call_method(
                            env,
                            &receiver,
                            method,
                            args.into_iter().skip(1).collect(),
                            kwargs,
                            span,
                        );
                    }
                    _ => Value::Opaque(Rc::from(format!("<{other}()>"))),
                }
            }
        })
    }
}

fn round_half_even(f: f64) -> f64 {
    let r = f.round();
    if (f - f.trunc()).abs() == 0.5 && r % 2.0 != 0.0 {
        r - f.signum()
    } else {
        r
    }
}

/// The value of keyword argument `name`, if given.
pub(crate) fn kwarg<'v, 'a>(
    kwargs: &'v [(String, Value<'a>)],
    name: &str,
) -> Option<&'v Value<'a>> {
    kwargs.iter().find(|(k, _)| k == name).map(|(_, v)| v)
}
