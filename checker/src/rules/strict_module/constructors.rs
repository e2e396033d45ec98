//! Constructors of builtin classes: `int("3")`, `list(xs)`, `dict(a=1)`,
//! `ValueError("no")`, and of the stdlib classes modelled as builtins
//! (`collections.defaultdict`, `OrderedDict`, `deque`, `Counter`).

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::call::Kwargs;
use super::errors::ErrorKind;
use super::interp::{Env, Eval, Interp};
use super::values::{Object, ObjectData, Value, as_int};
use crate::diagnostics::Span;

impl<'a> Interp<'a> {
    /// Calls a builtin class: `int("3")`, `list(xs)`, `ValueError("no")`.
    pub(crate) fn construct_builtin(
        &mut self,
        env: &Env<'a>,
        builtin: &'static str,
        class: &Rc<Object<'a>>,
        args: Vec<Value<'a>>,
        kwargs: Kwargs<'a>,
        span: Span,
    ) -> Eval<'a> {
        let arg = |i: usize| args.get(i).cloned();
        let owner = self.owner.clone();
        if let Some(base) = self.classes.get("BaseException").cloned()
            && self.is_subclass(class, &base)
        {
            return Ok(self.new_instance(class, args));
        }
        Ok(match builtin {
            "object" => self.new_instance(class, Vec::new()),
            "int" => match arg(0).map(|v| self.payload(&v)) {
                None => Value::int(0),
                Some(Value::Unknown(n)) => {
                    return self.error(
                        env,
                        ErrorKind::UnknownAttribute {
                            value: n.to_string(),
                            attr: "__int__".into(),
                        },
                        span,
                    );
                }
                Some(v @ Value::Int(_)) => v,
                Some(Value::Bool(b)) => Value::int(i64::from(b)),
                Some(Value::Float(f)) if f.is_finite() => {
                    Value::Int(BigInt::from(f.trunc() as i64))
                }
                Some(Value::Str(s)) => {
                    let radix = arg(1)
                        .and_then(|b| as_int(&b))
                        .and_then(|b| b.to_u32())
                        .unwrap_or(10);
                    match BigInt::parse_bytes(s.trim().replace('_', "").as_bytes(), radix) {
                        Some(i) => Value::Int(i),
                        None => {
                            let message =
                                format!("invalid literal for int() with base {radix}: '{s}'");
                            return self.raise(env, "ValueError", &message, span);
                        }
                    }
                }
                Some(_) => Value::Opaque(Rc::from("<int>")),
            },
            "float" => match arg(0).map(|v| self.payload(&v)) {
                None => Value::Float(0.0),
                Some(Value::Unknown(n)) => {
                    return self.error(
                        env,
                        ErrorKind::UnknownAttribute {
                            value: n.to_string(),
                            attr: "__float__".into(),
                        },
                        span,
                    );
                }
                Some(Value::Float(f)) => Value::Float(f),
                Some(v) if as_int(&v).is_some() => {
                    Value::Float(as_int(&v).and_then(|i| i.to_f64()).unwrap_or(f64::NAN))
                }
                Some(Value::Str(s)) => match s.trim().to_ascii_lowercase().as_str() {
                    "inf" | "+inf" | "infinity" => Value::Float(f64::INFINITY),
                    "-inf" | "-infinity" => Value::Float(f64::NEG_INFINITY),
                    "nan" => Value::Float(f64::NAN),
                    text => match text.parse::<f64>() {
                        Ok(f) => Value::Float(f),
                        Err(_) => {
                            let message = format!("could not convert string to float: '{s}'");
                            return self.raise(env, "ValueError", &message, span);
                        }
                    },
                },
                Some(_) => Value::Opaque(Rc::from("<float>")),
            },
            "str" => match arg(0) {
                None => Value::str(""),
                Some(v) => Value::str(&self.str_of(env, &v, span)?),
            },
            "bool" => match arg(0) {
                None => Value::Bool(false),
                Some(v) => Value::Bool(self.truthy(env, &v, span)?),
            },
            "list" => Value::object(
                &owner,
                ObjectData::List(match arg(0) {
                    Some(v) => self.iterate(env, &v, span)?,
                    None => Vec::new(),
                }),
            ),
            "tuple" => Value::Tuple(Rc::from(match arg(0) {
                Some(v) => self.iterate(env, &v, span)?,
                None => Vec::new(),
            })),
            "set" | "frozenset" => {
                let items = match arg(0) {
                    Some(v) => self.iterate(env, &v, span)?,
                    None => Vec::new(),
                };
                self.new_set(env, items, builtin == "frozenset", span)?
            }
            "dict" | "OrderedDict" | "defaultdict" | "Counter" => {
                let (default, source) = if builtin == "defaultdict" {
                    (arg(0), arg(1))
                } else {
                    (None, arg(0))
                };
                let dict = Value::object(
                    &owner,
                    ObjectData::Dict {
                        items: Vec::new(),
                        default: default
                            .or_else(|| (builtin == "defaultdict").then_some(Value::None)),
                    },
                );
                if let Some(source) = source {
                    if builtin == "Counter" {
                        for item in self.iterate(env, &source, span)? {
                            let count = self
                                .get_item(env, &dict, item.clone(), span)
                                .unwrap_or(Value::int(0));
                            let count = self.binary(
                                env,
                                rustpython_parser::ast::Operator::Add,
                                count,
                                Value::int(1),
                                span,
                                false,
                            )?;
                            self.dict_insert(env, &dict, item, count, span)?;
                        }
                    } else {
                        let pairs = self.pairs_of(env, &source, span)?;
                        for (k, v) in pairs {
                            self.dict_insert(env, &dict, k, v, span)?;
                        }
                    }
                }
                for (k, v) in kwargs {
                    self.dict_insert(env, &dict, Value::str(&k), v, span)?;
                }
                dict
            }
            "deque" => Value::object(
                &owner,
                ObjectData::List(match arg(0) {
                    Some(v) => self.iterate(env, &v, span)?,
                    None => Vec::new(),
                }),
            ),
            "range" => {
                let ints: Vec<Option<i64>> = args
                    .iter()
                    .map(|a| as_int(&self.payload(a)).and_then(|i| i.to_i64()))
                    .collect();
                let (start, stop, step) = match ints.as_slice() {
                    [Some(stop)] => (0, *stop, 1),
                    [Some(start), Some(stop)] => (*start, *stop, 1),
                    [Some(start), Some(stop), Some(step)] => (*start, *stop, *step),
                    _ => {
                        self.reject_unknown(env, &args, "__index__", span)?;
                        return self.raise(
                            env,
                            "TypeError",
                            "range() arguments must be integers",
                            span,
                        );
                    }
                };
                if step == 0 {
                    return self.raise(env, "ValueError", "range() arg 3 must not be zero", span);
                }
                Value::object(&owner, ObjectData::Range { start, stop, step })
            }
            "type" => match args.len() {
                1 => {
                    self.reject_unknown(env, &args, "__class__", span)?;
                    self.type_of(&args[0])
                }
                _ => Value::Opaque(Rc::from("<type>")),
            },
            "property" => {
                Value::object(&owner, ObjectData::Property(arg(0).unwrap_or(Value::None)))
            }
            "classmethod" => Value::object(
                &owner,
                ObjectData::ClassMethod(arg(0).unwrap_or(Value::None)),
            ),
            "staticmethod" => Value::object(
                &owner,
                ObjectData::StaticMethod(arg(0).unwrap_or(Value::None)),
            ),
            "super" => match (arg(0), arg(1)) {
                (Some(class), Some(receiver)) if class.as_class().is_some() => {
                    match class.as_class() {
                        Some(c) => Value::object(
                            &owner,
                            ObjectData::Super {
                                class: c.clone(),
                                receiver,
                            },
                        ),
                        None => Value::Poisoned,
                    }
                }
                _ => return self.raise(env, "RuntimeError", "super(): no arguments", span),
            },
            "Enum" | "NamedTuple" | "ABC" => Value::Opaque(Rc::from(format!("<{builtin} class>"))),
            _ => Value::Opaque(Rc::from(format!("<{builtin}>"))),
        })
    }

    /// The pairs of `dict(source)`: a mapping's items or an iterable of 2-sequences.
    fn pairs_of(
        &mut self,
        env: &Env<'a>,
        source: &Value<'a>,
        span: Span,
    ) -> Eval<'a, Vec<(Value<'a>, Value<'a>)>> {
        if let Value::Object(o) = source
            && let ObjectData::Dict { items, .. } = &*o.data.borrow()
        {
            return Ok(items.clone());
        }
        let mut pairs = Vec::new();
        for item in self.iterate(env, source, span)? {
            let parts = self.iterate(env, &item, span)?;
            match parts.as_slice() {
                [k, v] => pairs.push((k.clone(), v.clone())),
                _ => {
                    return self.raise(
                        env,
                        "ValueError",
                        "dictionary update sequence element has wrong length",
                        span,
                    );
                }
            }
        }
        Ok(pairs)
    }
}
