//! Attributes: reading them (with method binding and descriptors), setting them (slots,
//! frozen classes, immutable modules, ownership), and the type relations
//! `type_of`/`isinstance` that attribute lookup rests on.

use std::rc::Rc;

use super::errors::ErrorKind;
use super::interp::{Env, Eval, Interp};
use super::values::{Object, ObjectData, Value, class_name};
use crate::diagnostics::Span;

impl<'a> Interp<'a> {
    /// `object.name`.
    pub(crate) fn get_attr(
        &mut self,
        env: &Env<'a>,
        object: &Value<'a>,
        name: &str,
        span: Span,
    ) -> Eval<'a> {
        let o = match object {
            Value::Unknown(value) => {
                return self.error(
                    env,
                    ErrorKind::UnknownAttribute {
                        value: value.to_string(),
                        attr: name.to_string(),
                    },
                    span,
                );
            }
            Value::Opaque(d) => return Ok(Value::Opaque(Rc::from(format!("{d}.{name}")))),
            Value::Poisoned => return Ok(Value::Poisoned),
            Value::Object(o) => o.clone(),
            _ => return self.primitive_attr(env, object, name, span),
        };
        enum Found<'a> {
            Value(Value<'a>),
            Class(Rc<Object<'a>>),
            Instance(Rc<Object<'a>>),
            Method(Rc<str>),
            Missing,
        }
        let found = match &*o.data.borrow() {
            ObjectData::Module(m) => match m.scope.borrow().get(name) {
                Some(v) => Found::Value(v.clone()),
                None if m.opaque_fallback => {
                    Found::Value(Value::Opaque(Rc::from(format!("{}.{name}", m.name))))
                }
                None if !m.strict => Found::Value(Value::Unknown(Rc::from(format!(
                    "<{name} imported from {}>",
                    m.name
                )))),
                None => Found::Missing,
            },
            ObjectData::Function(f) => match f.attrs.get(name) {
                Some(v) => Found::Value(v.clone()),
                None => Found::Missing,
            },
            ObjectData::Class(_) => Found::Class(o.clone()),
            ObjectData::Instance(inst) => match inst.attrs.get(name) {
                Some(v) => Found::Value(v.clone()),
                None => Found::Instance(inst.class.clone()),
            },
            ObjectData::BoundMethod { receiver, func } => match name {
                "__self__" => Found::Value(receiver.clone()),
                "__func__" => Found::Value(func.clone()),
                _ => {
                    let func = func.clone();
                    return self.get_attr(env, &func, name, span);
                }
            },
            ObjectData::Property(getter) => match name {
                "fget" => Found::Value(getter.clone()),
                "setter" | "getter" | "deleter" => Found::Method(Rc::from(name)),
                _ => Found::Missing,
            },
            ObjectData::ClassMethod(f) | ObjectData::StaticMethod(f) => match name {
                "__func__" => Found::Value(f.clone()),
                _ => Found::Missing,
            },
            ObjectData::Super { class, receiver } => {
                let (class, receiver) = (class.clone(), receiver.clone());
                return self.super_attr(env, &class, &receiver, name, span);
            }
            ObjectData::Builtin(qualname) => match name {
                "__name__" | "__qualname__" => {
                    Found::Value(Value::str(qualname.rsplit('.').next().unwrap_or_default()))
                }
                _ => Found::Missing,
            },
            ObjectData::Partial { func, args, .. } => match name {
                "func" => Found::Value(func.clone()),
                "args" => Found::Value(Value::Tuple(Rc::from(args.clone()))),
                _ => Found::Missing,
            },
            ObjectData::List(_)
            | ObjectData::Dict { .. }
            | ObjectData::Set { .. }
            | ObjectData::Range { .. }
            | ObjectData::Iterator { .. } => Found::Method(Rc::from(name)),
            _ => Found::Missing,
        };
        match found {
            Found::Value(v) => Ok(v),
            Found::Method(method) => {
                if super::methods::has_method(object, &method) {
                    Ok(Value::object(
                        &self.owner,
                        ObjectData::BoundBuiltin {
                            receiver: object.clone(),
                            name: method,
                        },
                    ))
                } else {
                    self.no_attribute(env, object, name, span)
                }
            }
            Found::Class(class) => self.class_attr(env, &class, name, span),
            Found::Instance(class) => self.instance_attr(env, object, &class, name, span),
            Found::Missing => self.no_attribute(env, object, name, span),
        }
    }

    fn no_attribute<T>(
        &mut self,
        env: &Env<'a>,
        object: &Value<'a>,
        name: &str,
        span: Span,
    ) -> Eval<'a, T> {
        let message = match object {
            Value::Object(o) => match &*o.data.borrow() {
                ObjectData::Module(m) => format!("module '{}' has no attribute '{name}'", m.name),
                ObjectData::Class(c) => {
                    format!("type object '{}' has no attribute '{name}'", c.name)
                }
                _ => format!("'{}' object has no attribute '{name}'", object.type_name()),
            },
            _ => format!("'{}' object has no attribute '{name}'", object.type_name()),
        };
        self.raise(env, "AttributeError", &message, span)
    }

    /// Methods and attributes of `int`, `str` and the other immutable builtins.
    fn primitive_attr(
        &mut self,
        env: &Env<'a>,
        object: &Value<'a>,
        name: &str,
        span: Span,
    ) -> Eval<'a> {
        if super::methods::has_method(object, name) {
            return Ok(Value::object(
                &self.owner,
                ObjectData::BoundBuiltin {
                    receiver: object.clone(),
                    name: Rc::from(name),
                },
            ));
        }
        match (object, name) {
            (_, "__class__") => Ok(self.type_of(object)),
            (Value::Int(i), "real" | "numerator") => Ok(Value::Int(i.clone())),
            (Value::Int(_), "imag") => Ok(Value::int(0)),
            (Value::Int(_), "denominator") => Ok(Value::int(1)),
            (Value::Float(f), "real") => Ok(Value::Float(*f)),
            (Value::Float(_), "imag") => Ok(Value::Float(0.0)),
            _ => self.no_attribute(env, object, name, span),
        }
    }

    /// The attribute `name` found on `class` or its MRO, raw (no binding).
    pub(crate) fn lookup_class(
        &self,
        class: &Rc<Object<'a>>,
        name: &str,
    ) -> Option<(Value<'a>, Rc<Object<'a>>)> {
        let mro = match &*class.data.borrow() {
            ObjectData::Class(c) => {
                if let Some(v) = c.dict.get(name) {
                    return Some((v.clone(), class.clone()));
                }
                c.mro.clone()
            }
            _ => return None,
        };
        for base in mro {
            if let ObjectData::Class(c) = &*base.data.borrow()
                && let Some(v) = c.dict.get(name)
            {
                return Some((v.clone(), base.clone()));
            }
        }
        None
    }

    /// A special method of `value`'s class defined in Python (user classes only).
    pub(crate) fn lookup_special(&self, value: &Value<'a>, name: &str) -> Option<Value<'a>> {
        let Value::Object(o) = value else { return None };
        let class = match &*o.data.borrow() {
            ObjectData::Instance(inst) => inst.class.clone(),
            _ => return None,
        };
        let (found, _) = self.lookup_class(&class, name)?;
        match &found {
            Value::Object(f) if matches!(&*f.data.borrow(), ObjectData::Function(_)) => {
                Some(found.clone())
            }
            _ => None,
        }
    }

    fn class_attr(
        &mut self,
        env: &Env<'a>,
        class: &Rc<Object<'a>>,
        name: &str,
        span: Span,
    ) -> Eval<'a> {
        let class_value = Value::Object(class.clone());
        match name {
            "__name__" | "__qualname__" => return Ok(Value::str(&class_name(class))),
            "__mro__" => {
                let mut mro = vec![class_value.clone()];
                if let ObjectData::Class(c) = &*class.data.borrow() {
                    mro.extend(c.mro.iter().map(|b| Value::Object(b.clone())));
                }
                return Ok(Value::Tuple(Rc::from(mro)));
            }
            "__bases__" => {
                let bases = match &*class.data.borrow() {
                    ObjectData::Class(c) => {
                        c.bases.iter().map(|b| Value::Object(b.clone())).collect()
                    }
                    _ => Vec::new(),
                };
                return Ok(Value::Tuple(Rc::from(bases)));
            }
            "__class__" => return Ok(self.type_of(&class_value)),
            _ => {}
        }
        let Some((found, _)) = self.lookup_class(class, name) else {
            let own = match &*class.data.borrow() {
                ObjectData::Class(c) => c.builtin,
                _ => None,
            };
            if let Some(builtin) = own.or_else(|| self.builtin_base(class)) {
                let qualname = format!("{builtin}.{name}");
                if super::builtins::is_builtin_class_attr(&qualname) {
                    return Ok(Value::object(
                        &self.builtins_owner,
                        ObjectData::Builtin(Rc::from(qualname)),
                    ));
                }
            }
            return self.no_attribute(env, &class_value, name, span);
        };
        let Value::Object(f) = &found else {
            return Ok(found);
        };
        let bound = match &*f.data.borrow() {
            ObjectData::ClassMethod(func) => Some(ObjectData::BoundMethod {
                receiver: class_value.clone(),
                func: func.clone(),
            }),
            ObjectData::StaticMethod(func) => return Ok(func.clone()),
            _ => None,
        };
        Ok(match bound {
            Some(data) => Value::object(&self.owner, data),
            None => found,
        })
    }

    fn instance_attr(
        &mut self,
        env: &Env<'a>,
        instance: &Value<'a>,
        class: &Rc<Object<'a>>,
        name: &str,
        span: Span,
    ) -> Eval<'a> {
        match name {
            "__class__" => return Ok(Value::Object(class.clone())),
            "__dict__" => {
                let items = match instance {
                    Value::Object(o) => match &*o.data.borrow() {
                        ObjectData::Instance(i) => i
                            .attrs
                            .iter()
                            .map(|(k, v)| (Value::str(k), v.clone()))
                            .collect(),
                        _ => Vec::new(),
                    },
                    _ => Vec::new(),
                };
                return Ok(self.new_dict(items));
            }
            "args" if self.is_exception(instance) => {
                let args = match instance {
                    Value::Object(o) => match &*o.data.borrow() {
                        ObjectData::Instance(i) => i.args.clone(),
                        _ => Vec::new(),
                    },
                    _ => Vec::new(),
                };
                return Ok(Value::Tuple(Rc::from(args)));
            }
            _ => {}
        }
        let Some((found, _)) = self.lookup_class(class, name) else {
            let payload = self.payload(instance);
            if !matches!(payload, Value::Object(_)) {
                return self.get_attr(env, &payload, name, span);
            }
            if self.is_lenient(class) {
                return Ok(Value::Opaque(Rc::from(format!("<attribute {name}>"))));
            }
            if let Some(getattr) = self.lookup_special(instance, "__getattr__") {
                return self.call_value(
                    env,
                    &getattr,
                    vec![instance.clone(), Value::str(name)],
                    Vec::new(),
                    span,
                );
            }
            return self.no_attribute(env, instance, name, span);
        };
        let Value::Object(f) = &found else {
            return Ok(found);
        };
        enum Kind<'a> {
            Method,
            Class(Value<'a>),
            Static(Value<'a>),
            Property(Value<'a>),
            Plain,
        }
        let kind = match &*f.data.borrow() {
            ObjectData::Function(_) | ObjectData::Partial { .. } => Kind::Method,
            ObjectData::ClassMethod(func) => Kind::Class(func.clone()),
            ObjectData::StaticMethod(func) => Kind::Static(func.clone()),
            ObjectData::Property(getter) => Kind::Property(getter.clone()),
            _ => Kind::Plain,
        };
        Ok(match kind {
            Kind::Method => Value::object(
                &self.owner,
                ObjectData::BoundMethod {
                    receiver: instance.clone(),
                    func: found.clone(),
                },
            ),
            Kind::Class(func) => Value::object(
                &self.owner,
                ObjectData::BoundMethod {
                    receiver: Value::Object(class.clone()),
                    func,
                },
            ),
            Kind::Static(func) => func,
            Kind::Property(getter) => {
                return self.call_value(env, &getter, vec![instance.clone()], Vec::new(), span);
            }
            Kind::Plain => found,
        })
    }

    fn super_attr(
        &mut self,
        env: &Env<'a>,
        class: &Rc<Object<'a>>,
        receiver: &Value<'a>,
        name: &str,
        span: Span,
    ) -> Eval<'a> {
        let receiver_class = match receiver.as_class() {
            Some(c) => c.clone(),
            None => match self.type_of(receiver) {
                Value::Object(c) => c,
                _ => return Ok(Value::Poisoned),
            },
        };
        let mut mro = vec![receiver_class.clone()];
        if let ObjectData::Class(c) = &*receiver_class.data.borrow() {
            mro.extend(c.mro.iter().cloned());
        }
        let start = mro
            .iter()
            .position(|c| Rc::ptr_eq(c, class))
            .map_or(mro.len(), |i| i + 1);
        for base in mro.iter().skip(start) {
            let found = match &*base.data.borrow() {
                ObjectData::Class(c) => c.dict.get(name).cloned(),
                _ => None,
            };
            if let Some(found) = found {
                let is_function = matches!(&found, Value::Object(f) if matches!(&*f.data.borrow(), ObjectData::Function(_)));
                if is_function && receiver.as_class().is_none() {
                    return Ok(Value::object(
                        &self.owner,
                        ObjectData::BoundMethod {
                            receiver: receiver.clone(),
                            func: found,
                        },
                    ));
                }
                if let Value::Object(f) = &found
                    && let ObjectData::ClassMethod(func) = &*f.data.borrow()
                {
                    let owner_class = Value::Object(receiver_class.clone());
                    return Ok(Value::object(
                        &self.owner,
                        ObjectData::BoundMethod {
                            receiver: owner_class,
                            func: func.clone(),
                        },
                    ));
                }
                return Ok(found);
            }
        }
        // `BaseException.__init__` records the arguments of an exception.
        if name == "__init__" && self.is_exception(receiver) {
            let init = Value::object(
                &self.builtins_owner,
                ObjectData::Builtin(Rc::from("BaseException.__init__")),
            );
            return Ok(Value::object(
                &self.owner,
                ObjectData::Partial {
                    func: init,
                    args: vec![receiver.clone()],
                    kwargs: Vec::new(),
                },
            ));
        }
        // `object.__init__` and friends of builtin bases: accept anything.
        if name.starts_with("__") {
            return Ok(Value::object(
                &self.builtins_owner,
                ObjectData::Builtin(Rc::from("object.__noop__")),
            ));
        }
        let message = format!("'super' object has no attribute '{name}'");
        self.raise(env, "AttributeError", &message, span)
    }

    /// `object.name = value`.
    pub(crate) fn set_attr(
        &mut self,
        env: &Env<'a>,
        object: &Value<'a>,
        name: &str,
        value: Value<'a>,
        span: Span,
    ) -> Eval<'a, ()> {
        let o = match object {
            Value::Unknown(v) => {
                return self.error(
                    env,
                    ErrorKind::UnknownAttribute {
                        value: v.to_string(),
                        attr: name.to_string(),
                    },
                    span,
                );
            }
            Value::Opaque(_) | Value::Poisoned => return Ok(()),
            Value::Object(o) => o.clone(),
            _ => {
                let message = format!(
                    "'{}' object attribute '{name}' is read-only",
                    object.type_name()
                );
                return self.raise(env, "AttributeError", &message, span);
            }
        };
        let immutable = match &*o.data.borrow() {
            ObjectData::Module(m) => Some(("module", m.name.to_string())),
            ObjectData::Class(c) if c.frozen => Some(("type", c.name.clone())),
            _ => None,
        };
        if let Some((kind, owner_name)) = immutable {
            return self.error(
                env,
                ErrorKind::Immutable {
                    attr: name.to_string(),
                    kind,
                    name: owner_name,
                },
                span,
            );
        }
        self.check_mutation(env, &o, span)?;
        let class = match &*o.data.borrow() {
            ObjectData::Instance(inst) => Some((inst.class.clone(), inst.initialised)),
            _ => None,
        };
        if let Some((class, initialised)) = class {
            if let Some((setter, _)) = self.lookup_class(&class, name)
                && let Value::Object(p) = &setter
                && matches!(&*p.data.borrow(), ObjectData::Property(_))
            {
                let message = format!("can't set attribute '{name}'");
                return self.raise(env, "AttributeError", &message, span);
            }
            if initialised && self.has_frozen_instances(&class) {
                let message = format!("cannot assign to field '{name}'");
                return self.raise(env, "FrozenInstanceError", &message, span);
            }
            if !self.allows_attribute(&class, name) {
                let message = format!("'{}' object has no attribute '{name}'", class_name(&class));
                return self.raise(env, "AttributeError", &message, span);
            }
        }
        let mut data = o.data.borrow_mut();
        match &mut *data {
            ObjectData::Instance(inst) => {
                inst.attrs.insert(name.to_string(), value);
            }
            ObjectData::Function(f) => {
                f.attrs.insert(name.to_string(), value);
            }
            ObjectData::Class(c) => {
                c.dict.insert(name.to_string(), value);
            }
            _ => {
                drop(data);
                let message = format!("'{}' object has no attribute '{name}'", object.type_name());
                return self.raise(env, "AttributeError", &message, span);
            }
        }
        Ok(())
    }

    /// `del object.name`.
    pub(crate) fn del_attr(
        &mut self,
        env: &Env<'a>,
        object: &Value<'a>,
        name: &str,
        span: Span,
    ) -> Eval<'a, ()> {
        let Value::Object(o) = object else {
            if let Value::Unknown(v) = object {
                return self.error(
                    env,
                    ErrorKind::UnknownAttribute {
                        value: v.to_string(),
                        attr: name.to_string(),
                    },
                    span,
                );
            }
            return Ok(());
        };
        let immutable = match &*o.data.borrow() {
            ObjectData::Module(m) => Some(("module", m.name.to_string())),
            ObjectData::Class(c) if c.frozen => Some(("type", c.name.clone())),
            _ => None,
        };
        if let Some((kind, owner_name)) = immutable {
            return self.error(
                env,
                ErrorKind::Immutable {
                    attr: name.to_string(),
                    kind,
                    name: owner_name,
                },
                span,
            );
        }
        self.check_mutation(env, o, span)?;
        let removed = match &mut *o.data.borrow_mut() {
            ObjectData::Instance(inst) => inst.attrs.shift_remove(name).is_some(),
            ObjectData::Function(f) => f.attrs.shift_remove(name).is_some(),
            ObjectData::Class(c) => c.dict.shift_remove(name).is_some(),
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            self.no_attribute(env, object, name, span)
        }
    }

    /// Whether instances of `class` may have attribute `name` (slots, or no slots at all).
    fn allows_attribute(&self, class: &Rc<Object<'a>>, name: &str) -> bool {
        let mut classes = vec![class.clone()];
        if let ObjectData::Class(c) = &*class.data.borrow() {
            classes.extend(c.mro.iter().cloned());
        }
        for klass in &classes {
            if let ObjectData::Class(c) = &*klass.data.borrow() {
                if c.lenient || c.slots.iter().any(|s| s == name) {
                    return true;
                }
                // Builtin bases other than `object` keep a `__dict__` (exceptions).
                if c.builtin.is_some_and(|b| b != "object") {
                    return true;
                }
            }
        }
        false
    }

    fn has_frozen_instances(&self, class: &Rc<Object<'a>>) -> bool {
        match &*class.data.borrow() {
            ObjectData::Class(c) => c.frozen_instances,
            _ => false,
        }
    }

    pub(crate) fn is_lenient(&self, class: &Rc<Object<'a>>) -> bool {
        let mut classes = vec![class.clone()];
        if let ObjectData::Class(c) = &*class.data.borrow() {
            classes.extend(c.mro.iter().cloned());
        }
        classes
            .iter()
            .any(|k| matches!(&*k.data.borrow(), ObjectData::Class(c) if c.lenient))
    }

    /// The nearest builtin class in `class`'s MRO other than `object`.
    pub(crate) fn builtin_base(&self, class: &Rc<Object<'a>>) -> Option<&'static str> {
        let mro = match &*class.data.borrow() {
            ObjectData::Class(c) => {
                if let Some(b) = c.builtin.filter(|b| *b != "object") {
                    return Some(b);
                }
                c.mro.clone()
            }
            _ => return None,
        };
        mro.iter().find_map(|k| match &*k.data.borrow() {
            ObjectData::Class(c) => c.builtin.filter(|b| *b != "object"),
            _ => None,
        })
    }

    /// `type(value)` as a class object.
    pub(crate) fn type_of(&self, value: &Value<'a>) -> Value<'a> {
        if let Value::Object(o) = value
            && let ObjectData::Instance(inst) = &*o.data.borrow()
        {
            return Value::Object(inst.class.clone());
        }
        let name = match value.type_name().as_str() {
            "NoneType"
            | "ellipsis"
            | "NotImplementedType"
            | "function"
            | "builtin_function_or_method"
            | "method"
            | "module"
            | "iterator"
            | "Field"
            | "super"
            | "slice"
            | "functools.partial" => "object".to_string(),
            "defaultdict" => "dict".to_string(),
            other => other.to_string(),
        };
        match self.classes.get(name.as_str()) {
            Some(c) => Value::Object(c.clone()),
            None => Value::Opaque(Rc::from("<type>")),
        }
    }

    /// `isinstance(value, class)` for a class object.
    pub(crate) fn is_instance(&self, value: &Value<'a>, class: &Value<'a>) -> bool {
        let Some(class) = class.as_class() else {
            return false;
        };
        if let Some(object) = self.classes.get("object")
            && Rc::ptr_eq(object, class)
        {
            return true;
        }
        match self.type_of(value) {
            Value::Object(t) => self.is_subclass(&t, class),
            _ => false,
        }
    }

    pub(crate) fn is_subclass(&self, class: &Rc<Object<'a>>, base: &Rc<Object<'a>>) -> bool {
        if Rc::ptr_eq(class, base) {
            return true;
        }
        match &*class.data.borrow() {
            ObjectData::Class(c) => c.mro.iter().any(|m| Rc::ptr_eq(m, base)),
            _ => false,
        }
    }

    pub(crate) fn is_exception(&self, value: &Value<'a>) -> bool {
        match self.classes.get("BaseException") {
            Some(base) => self.is_instance(value, &Value::Object(base.clone())),
            None => false,
        }
    }
}
