//! Attribute access: `getattr`, `setattr`, `delattr`, and `LOAD_METHOD`'s unbound form.
//!
//! Lookup order follows CPython: data descriptors on the type (properties), then the instance
//! `__dict__`, then other class attributes (functions become bound methods), then
//! `__getattr__`.

use std::rc::Rc;

use super::Interp;
use crate::object::{BaseKind, Class, ExcKind, PyErr, PyResult, Value};

impl Interp {
    /// `getattr(obj, name)`.
    pub fn get_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        match self.get_attr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => {
                // __getattr__ hook on user classes.
                if let Value::Instance(inst) = obj {
                    let klass = inst.class();
                    if let Some(hook) = klass.lookup(&self.names.getattr.clone()) {
                        return self.call_value(&hook, &[obj.clone(), name.clone()], None);
                    }
                }
                // A module's own `__getattr__` (PEP 562).
                if let Value::Module(m) = obj
                    && let Some(hook) = m.dict.get_str(&self.names.getattr.clone())
                {
                    return self.call_value(&hook, std::slice::from_ref(name), None);
                }
                Err(self.no_attribute(obj, name))
            }
        }
    }

    pub(crate) fn no_attribute(&self, obj: &Value, name: &Value) -> PyErr {
        let n = name.as_str().map_or("?", |s| s.as_str());
        match obj {
            Value::Module(m) => PyErr::attribute_error(format!(
                "module '{}' has no attribute '{n}'",
                m.name.as_str()
            )),
            Value::Class(k) => {
                PyErr::attribute_error(format!("type object '{}' has no attribute '{n}'", k.name()))
            }
            _ => PyErr::attribute_error(format!(
                "'{}' object has no attribute '{n}'",
                self.types.type_of(obj).name()
            )),
        }
    }

    /// Binds a class attribute found on `klass` to `obj` (the descriptor protocol).
    pub(crate) fn bind(&mut self, attr: Value, obj: &Value, klass: &Rc<Class>) -> PyResult<Value> {
        match attr {
            Value::Function(_) | Value::Builtin(_) => {
                if let Value::Builtin(b) = &attr
                    && b.bound.is_some()
                {
                    return Ok(attr);
                }
                Ok(Value::Method(Rc::new((attr, obj.clone()))))
            }
            Value::StaticMethod(f) => Ok((*f).clone()),
            Value::ClassMethod(f) => Ok(Value::Method(Rc::new((
                (*f).clone(),
                Value::Class(klass.clone()),
            )))),
            Value::Property(p) => {
                if p[0].is_none() {
                    return Err(PyErr::attribute_error("property has no getter"));
                }
                self.call_value(&p[0], std::slice::from_ref(obj), None)
            }
            Value::Instance(ref inst) => {
                let dk = inst.class();
                if let Some(get) = dk.lookup(&self.names.get.clone()) {
                    return self.call_value(
                        &get,
                        &[attr.clone(), obj.clone(), Value::Class(klass.clone())],
                        None,
                    );
                }
                Ok(attr)
            }
            other => Ok(other),
        }
    }

    fn is_data_descriptor(&self, attr: &Value) -> bool {
        match attr {
            Value::Property(_) => true,
            Value::Instance(inst) => inst.class().lookup(&self.names.set.clone()).is_some(),
            _ => false,
        }
    }

    /// `getattr` without the `AttributeError` (and without `__getattr__`).
    pub fn get_attr_opt(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) => {
                let klass = inst.class();
                if let Some(layout) = &klass.layout
                    && let Some(n) = name.as_str()
                    && let Some(v) = self.static_get_field(inst, layout, n)
                {
                    return Ok(Some(v));
                }
                let class_attr = klass.lookup(name);
                if let Some(attr) = &class_attr
                    && self.is_data_descriptor(attr)
                {
                    return self.bind(attr.clone(), obj, &klass).map(Some);
                }
                if let Some(dict) = &inst.dict
                    && let Some(v) = dict.get_str(name)
                {
                    return Ok(Some(v));
                }
                if let Some(attr) = class_attr {
                    return self.bind(attr, obj, &klass).map(Some);
                }
                self.special_attr(obj, name)
            }
            Value::Class(klass) => {
                if let Some(attr) = klass.lookup(name) {
                    return Ok(Some(match attr {
                        Value::StaticMethod(f) => (*f).clone(),
                        Value::ClassMethod(f) => {
                            Value::Method(Rc::new(((*f).clone(), obj.clone())))
                        }
                        Value::Instance(ref inst) => {
                            let dk = inst.class();
                            match dk.lookup(&self.names.get.clone()) {
                                Some(get) => self.call_value(
                                    &get,
                                    &[attr.clone(), Value::None, obj.clone()],
                                    None,
                                )?,
                                None => attr,
                            }
                        }
                        other => other,
                    }));
                }
                if let Some(v) = self.special_attr(obj, name)? {
                    return Ok(Some(v));
                }
                // Methods of the metaclass (`type.mro`, user metaclass methods).
                let meta = self.types.type_of(obj);
                if let Some(attr) = meta.lookup(name) {
                    return self.bind(attr, obj, &meta).map(Some);
                }
                Ok(None)
            }
            Value::Module(m) => {
                if let Some(v) = m.dict.get_str(name) {
                    return Ok(Some(v));
                }
                self.special_attr(obj, name)
            }
            Value::Super(sup) => {
                let (start, this) = (&sup.0, &sup.1);
                let klass = match this {
                    Value::Class(k) => k.clone(),
                    other => self.types.type_of(other),
                };
                let mro = klass.mro.borrow().clone();
                let pos = mro
                    .iter()
                    .position(|k| Rc::ptr_eq(k, start))
                    .map_or(mro.len(), |p| p + 1);
                for k in &mro[pos..] {
                    if let Some(attr) = k.dict.get_str(name) {
                        return match (&attr, this) {
                            (Value::Function(_), Value::Class(_)) => Ok(Some(attr)),
                            (Value::Builtin(_), Value::Class(_)) => Ok(Some(attr)),
                            _ => self.bind(attr, this, &klass).map(Some),
                        };
                    }
                }
                Ok(None)
            }
            _ => {
                if let Value::Function(f) = obj
                    && let Some(v) = f.dict.get_str(name)
                {
                    return Ok(Some(v));
                }
                if let Some(v) = self.special_attr(obj, name)? {
                    return Ok(Some(v));
                }
                let klass = self.types.type_of(obj);
                if let Some(attr) = klass.lookup(name) {
                    return self.bind(attr, obj, &klass).map(Some);
                }
                Ok(None)
            }
        }
    }

    /// `LOAD_METHOD`: returns `(method, self)` when the attribute is a plain function on the
    /// type (no bound-method object is created), else `(NULL, attribute)`.
    pub fn load_method(&mut self, obj: Value, name: &Value) -> PyResult<(Value, Value)> {
        let klass = match &obj {
            Value::Instance(inst) => {
                let klass = inst.class();
                if let Some(dict) = &inst.dict
                    && dict.get_str(name).is_some()
                {
                    let v = self.get_attr(&obj, name)?;
                    return Ok((Value::Null, v));
                }
                klass
            }
            Value::Class(_) | Value::Module(_) | Value::Super(_) => {
                let v = self.get_attr(&obj, name)?;
                return Ok((Value::Null, v));
            }
            other => self.types.type_of(other),
        };
        match klass.lookup(name) {
            Some(f @ Value::Function(_)) => Ok((f, obj)),
            Some(Value::Builtin(b)) if b.bound.is_none() => Ok((Value::Builtin(b), obj)),
            _ => {
                let v = self.get_attr(&obj, name)?;
                Ok((Value::Null, v))
            }
        }
    }

    /// Looks a special method up on the type, bound to `obj` (`with` statements).
    pub fn special_method(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let klass = self.types.type_of(obj);
        match klass.lookup_str(name) {
            Some(attr) => self.bind(attr, obj, &klass),
            None => Err(PyErr::type_error(format!(
                "'{}' object does not support the context manager protocol",
                klass.name()
            ))),
        }
    }

    /// `setattr(obj, name, value)`.
    pub fn set_attr(&mut self, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let klass = inst.class();
                if (!klass.is_builtin || klass.base_kind == BaseKind::Exception)
                    && let Some(hook) = klass.lookup(&self.names.setattr.clone())
                    && matches!(hook, Value::Function(_))
                {
                    self.call_value(&hook, &[obj.clone(), name.clone(), value], None)?;
                    return Ok(());
                }
                if let Some(attr) = klass.lookup(name) {
                    match &attr {
                        Value::Property(p) => {
                            if p[1].is_none() {
                                return Err(PyErr::attribute_error(format!(
                                    "can't set attribute '{}'",
                                    name.as_str().map_or("?", |s| s.as_str())
                                )));
                            }
                            self.call_value(&p[1].clone(), &[obj.clone(), value], None)?;
                            return Ok(());
                        }
                        Value::Instance(d) => {
                            if let Some(set) = d.class().lookup(&self.names.set.clone()) {
                                self.call_value(&set, &[attr.clone(), obj.clone(), value], None)?;
                                return Ok(());
                            }
                        }
                        _ => {}
                    }
                }
                if let Some(layout) = &klass.layout
                    && self.static_set_attr(inst, layout, &klass, name, value.clone())?
                {
                    return Ok(());
                }
                if let (Some(slots), Some(n)) = (&klass.slot_names, name.as_str())
                    && !slots.iter().any(|s| s.as_str() == n.as_str())
                    && n.as_str() != "__class__"
                {
                    return Err(PyErr::attribute_error(format!(
                        "'{}' object has no attribute '{}'",
                        klass.name(),
                        n.as_str()
                    )));
                }
                if name.as_str().is_some_and(|n| n.as_str() == "__class__")
                    && let Value::Class(k) = value
                {
                    *inst.class.borrow_mut() = k;
                    return Ok(());
                }
                match &inst.dict {
                    Some(d) => {
                        d.set_str(name.clone(), value);
                        Ok(())
                    }
                    None => Err(self.no_attribute(obj, name)),
                }
            }
            Value::Class(klass) => {
                if klass.is_builtin {
                    return Err(PyErr::type_error(format!(
                        "cannot set '{}' attribute of immutable type '{}'",
                        name.as_str().map_or("?", |s| s.as_str()),
                        klass.name()
                    )));
                }
                match name.as_str().map(|s| s.as_str()) {
                    Some("__name__") => {
                        if let Value::Str(s) = &value {
                            *klass.name.borrow_mut() = s.clone();
                        }
                    }
                    Some("__qualname__") => {
                        if let Value::Str(s) = &value {
                            *klass.qualname.borrow_mut() = s.clone();
                        }
                    }
                    _ => {}
                }
                klass.dict.set_str(name.clone(), value);
                klass.version.set(klass.version.get() + 1);
                crate::object::bump_type_epoch();
                Ok(())
            }
            Value::Module(m) => {
                if m.frozen.get() {
                    return Err(self.frozen_module_error(obj, name));
                }
                m.dict.set_str(name.clone(), value);
                Ok(())
            }
            Value::Function(f) => {
                match name.as_str().map(|s| s.as_str()) {
                    Some("__name__") => {
                        if let Value::Str(s) = &value {
                            *f.name.borrow_mut() = s.clone();
                        }
                    }
                    Some("__qualname__") => {
                        if let Value::Str(s) = &value {
                            *f.qualname.borrow_mut() = s.clone();
                        }
                    }
                    Some("__doc__") => *f.doc.borrow_mut() = value,
                    Some("__defaults__") => {
                        *f.defaults.borrow_mut() = match value {
                            Value::Tuple(t) => Some(t),
                            _ => None,
                        }
                    }
                    Some("__kwdefaults__") => {
                        *f.kwdefaults.borrow_mut() = match value {
                            Value::Dict(d) => Some(d),
                            _ => None,
                        }
                    }
                    Some("__annotations__") => *f.annotations.borrow_mut() = value,
                    _ => f.dict.set_str(name.clone(), value),
                }
                Ok(())
            }
            _ => {
                let klass = self.types.type_of(obj);
                let n = name.as_str().map_or("?", |s| s.as_str());
                if klass.lookup(name).is_some() {
                    Err(PyErr::attribute_error(format!(
                        "'{}' object attribute '{n}' is read-only",
                        klass.name()
                    )))
                } else {
                    Err(PyErr::attribute_error(format!(
                        "'{}' object has no attribute '{n}'",
                        klass.name()
                    )))
                }
            }
        }
    }

    pub fn del_attr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let klass = inst.class();
                if let Some(Value::Property(p)) = klass.lookup(name)
                    && !p[2].is_none()
                {
                    self.call_value(&p[2].clone(), std::slice::from_ref(obj), None)?;
                    return Ok(());
                }
                if let Some(layout) = &klass.layout
                    && self.static_del_field(inst, layout, name)
                {
                    return Ok(());
                }
                if let Some(d) = &inst.dict
                    && d.remove_str(name).is_some()
                {
                    return Ok(());
                }
                Err(self.no_attribute(obj, name))
            }
            Value::Class(k) => {
                if k.dict.remove_str(name).is_some() {
                    k.version.set(k.version.get() + 1);
                    crate::object::bump_type_epoch();
                    return Ok(());
                }
                Err(self.no_attribute(obj, name))
            }
            Value::Module(m) => {
                if m.frozen.get() {
                    return Err(self.frozen_module_error(obj, name));
                }
                if m.dict.remove_str(name).is_some() {
                    return Ok(());
                }
                Err(self.no_attribute(obj, name))
            }
            Value::Function(f) => {
                f.dict.remove_str(name);
                Ok(())
            }
            _ => Err(self.no_attribute(obj, name)),
        }
    }

    /// The error for rebinding an attribute of a strict or static module from outside.
    fn frozen_module_error(&mut self, module: &Value, name: &Value) -> PyErr {
        let repr = self.repr(module).unwrap_or_default();
        PyErr::attribute_error(format!(
            "cannot modify attribute '{}' of strict module {repr}",
            name.as_str().map_or("?", |s| s.as_str())
        ))
    }

    /// Attributes that are not in any dict: `__class__`, `__name__`, `__dict__`, ...
    fn special_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        let Some(n) = name.as_str() else {
            return Ok(None);
        };
        let n = n.as_str();
        if n == "__class__" {
            return Ok(Some(Value::Class(self.types.type_of(obj))));
        }
        Ok(match (obj, n) {
            (Value::Instance(inst), "__dict__") => inst.dict.clone().map(Value::Dict),
            (Value::Instance(inst), _) if inst.class().base_kind == BaseKind::Exception => {
                match n {
                    "args" => Some(inst.base_value.borrow().clone()),
                    "__traceback__" => {
                        let stored = inst.dict.as_ref().and_then(|d| d.get_item(n));
                        match stored {
                            Some(v) => Some(v),
                            None => {
                                let last = inst.traceback.borrow().last().cloned();
                                Some(match last {
                                    Some(entry) => {
                                        let klass = self.types.traceback.clone();
                                        let tb = self.new_instance(&klass, Value::Null);
                                        if let Value::Instance(t) = &tb
                                            && let Some(d) = &t.dict
                                        {
                                            d.set_item(
                                                "tb_lineno",
                                                Value::Int(i64::from(entry.lineno)),
                                            );
                                            d.set_item("tb_next", Value::None);
                                            d.set_item("tb_frame", Value::None);
                                        }
                                        tb
                                    }
                                    None => Value::None,
                                })
                            }
                        }
                    }
                    "__cause__" | "__context__" => Some(
                        inst.dict
                            .as_ref()
                            .and_then(|d| d.get_item(n))
                            .unwrap_or(Value::None),
                    ),
                    "__suppress_context__" => Some(
                        inst.dict
                            .as_ref()
                            .and_then(|d| d.get_item(n))
                            .unwrap_or(Value::Bool(false)),
                    ),
                    "value"
                        if inst
                            .class()
                            .is_subclass(self.types.exc(ExcKind::StopIteration)) =>
                    {
                        Some(self.stop_iteration_value(obj))
                    }
                    "code"
                        if inst
                            .class()
                            .is_subclass(self.types.exc(ExcKind::SystemExit)) =>
                    {
                        Some(self.stop_iteration_value(obj))
                    }
                    "__notes__" => inst.dict.as_ref().and_then(|d| d.get_item(n)),
                    "name" | "path"
                        if inst
                            .class()
                            .is_subclass(self.types.exc(ExcKind::ImportError)) =>
                    {
                        Some(
                            inst.dict
                                .as_ref()
                                .and_then(|d| d.get_item(n))
                                .unwrap_or(Value::None),
                        )
                    }
                    _ => None,
                }
            }
            (Value::Class(k), "__name__") => Some(Value::Str(k.name.borrow().clone())),
            (Value::Class(k), "__qualname__") => Some(Value::Str(k.qualname.borrow().clone())),
            (Value::Class(k), "__dict__") => Some(Value::Dict(k.dict.clone())),
            (Value::Class(k), "__mro__") => Some(Value::tuple(
                k.mro
                    .borrow()
                    .iter()
                    .map(|c| Value::Class(c.clone()))
                    .collect(),
            )),
            (Value::Class(k), "__bases__") => {
                let bases = k.bases.borrow();
                Some(Value::tuple(
                    bases.iter().map(|c| Value::Class(c.clone())).collect(),
                ))
            }
            (Value::Class(k), "__base__") => Some(
                k.bases
                    .borrow()
                    .first()
                    .map_or(Value::None, |c| Value::Class(c.clone())),
            ),
            (Value::Class(k), "__module__") if k.is_builtin => Some(Value::str("builtins")),
            (Value::Class(_), "__doc__") => Some(Value::None),
            (Value::Module(m), "__dict__") => Some(Value::Dict(m.dict.clone())),
            (Value::Module(m), "__name__") => Some(Value::Str(m.name.clone())),
            (Value::Function(f), _) => match n {
                "__name__" => Some(Value::Str(f.name.borrow().clone())),
                "__qualname__" => Some(Value::Str(f.qualname.borrow().clone())),
                "__doc__" => Some(f.doc.borrow().clone()),
                "__module__" => Some(f.module.clone()),
                "__globals__" => Some(Value::Dict(f.globals.clone())),
                "__dict__" => Some(Value::Dict(f.dict.clone())),
                "__code__" => Some(Value::Code(f.code.clone())),
                "__defaults__" => Some(
                    f.defaults
                        .borrow()
                        .clone()
                        .map_or(Value::None, Value::Tuple),
                ),
                "__kwdefaults__" => Some(
                    f.kwdefaults
                        .borrow()
                        .clone()
                        .map_or(Value::None, Value::Dict),
                ),
                "__closure__" => Some(f.closure.clone().map_or(Value::None, Value::Tuple)),
                "__annotations__" => {
                    let a = f.annotations.borrow().clone();
                    Some(match a {
                        Value::Tuple(t) => {
                            let d = crate::object::new_dict();
                            for pair in t.chunks(2) {
                                if let [k, v] = pair {
                                    d.set_str(k.clone(), v.clone());
                                }
                            }
                            let d = Value::Dict(d);
                            *f.annotations.borrow_mut() = d.clone();
                            d
                        }
                        Value::None => {
                            let d = Value::Dict(crate::object::new_dict());
                            *f.annotations.borrow_mut() = d.clone();
                            d
                        }
                        other => other,
                    })
                }
                _ => None,
            },
            (Value::Method(m), _) => match n {
                "__self__" => Some(m.1.clone()),
                "__func__" => Some(m.0.clone()),
                "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                    let f = m.0.clone();
                    self.get_attr_opt(&f, name)?
                }
                _ => {
                    let f = m.0.clone();
                    self.get_attr_opt(&f, name)?
                }
            },
            (Value::Builtin(b), "__name__" | "__qualname__") => Some(Value::str(b.name)),
            (Value::Builtin(b), "__self__") => Some(b.bound.clone().unwrap_or(Value::None)),
            (Value::Builtin(_), "__doc__") => Some(Value::None),
            (Value::Code(c), "co_name") => Some(Value::Str(c.name.clone())),
            (Value::Code(c), "co_filename") => Some(Value::Str(c.filename.clone())),
            (Value::Code(c), "co_firstlineno") => Some(Value::Int(i64::from(c.firstlineno))),
            (Value::Code(c), "co_argcount") => Some(Value::Int(c.argcount as i64)),
            (Value::Code(c), "co_flags") => Some(Value::Int(i64::from(c.flags))),
            (Value::Code(c), "co_varnames") => Some(Value::tuple(
                c.localsplus_names
                    .iter()
                    .zip(&c.localsplus_kinds)
                    .filter(|(_, k)| **k & 0x20 != 0)
                    .map(|(n, _)| Value::Str(n.clone()))
                    .collect(),
            )),
            (Value::Int(i), "real" | "numerator") => Some(Value::Int(*i)),
            (Value::Int(_), "imag") => Some(Value::Int(0)),
            (Value::Int(_), "denominator") => Some(Value::Int(1)),
            (Value::Big(_), "real" | "numerator") => Some(obj.clone()),
            (Value::Bool(b), "real" | "numerator") => Some(Value::Int(i64::from(*b))),
            (Value::Float(f), "real") => Some(Value::Float(*f)),
            (Value::Float(_), "imag") => Some(Value::Float(0.0)),
            (Value::Complex(c), "real") => Some(Value::Float(c.0)),
            (Value::Complex(c), "imag") => Some(Value::Float(c.1)),
            (Value::Range(r), "start") => Some(Value::Int(r.start)),
            (Value::Range(r), "stop") => Some(Value::Int(r.stop)),
            (Value::Range(r), "step") => Some(Value::Int(r.step)),
            (Value::Slice(s), "start") => Some(s[0].clone()),
            (Value::Slice(s), "stop") => Some(s[1].clone()),
            (Value::Slice(s), "step") => Some(s[2].clone()),
            (Value::Property(p), "fget") => Some(p[0].clone()),
            (Value::Property(p), "fset") => Some(p[1].clone()),
            (Value::Property(p), "fdel") => Some(p[2].clone()),
            (Value::Property(p), "__doc__") => Some(p[3].clone()),
            (Value::StaticMethod(f) | Value::ClassMethod(f), "__func__") => Some((**f).clone()),
            (Value::Generator(g), "__name__") => Some(Value::Str(g.name.clone())),
            (Value::Generator(g), "__qualname__") => Some(Value::Str(g.qualname.clone())),
            (Value::Cell(c), "cell_contents") => {
                let v = c.borrow().clone();
                if v.is_null() {
                    return Err(PyErr::new(ExcKind::ValueError, "Cell is empty"));
                }
                Some(v)
            }
            (_, "__doc__") => Some(Value::None),
            _ => None,
        })
    }
}
