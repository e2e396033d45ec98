//! Static classes: fixed slots for typed fields, checked stores from dynamic code, no
//! instance `__dict__`, read-only class attributes on instances, and `@final` methods.
//!
//! Input: a class namespace with codegen's `__slot_types__` (`{field: type_descr}`) and
//! `__final_methods__`, and the bases' layouts. Output: the class's [`Layout`] (fields at
//! fixed indexes into `Instance::slots`, inherited ones first), and the attribute paths that
//! `getattr`/`setattr` take on its instances. Primitive fields hold unboxed values and start
//! at zero; object fields start unset (`Value::Null`) and read as `AttributeError`.

use std::cell::OnceCell;
use std::rc::Rc;

use cinder_codegen::format::static_ops::TypeRef;

use super::descr::Check;
use super::prim;
use crate::interp::Interp;
use crate::object::{Class, Instance, PyDict, PyErr, PyResult, PyStr, Value};

/// One typed field.
pub struct Field {
    pub name: Rc<PyStr>,
    pub ty: TypeRef,
    /// The primitive type code, for primitive fields.
    pub prim: Option<u32>,
    /// What stores from dynamic code must pass (resolved at the first such store).
    check: OnceCell<Check>,
}

/// The instance layout of a static class (and of the non-static classes derived from one).
pub struct Layout {
    pub fields: Vec<Field>,
    /// Names of the `@final` methods of the class and its static bases.
    pub final_methods: Vec<Rc<PyStr>>,
    /// Whether instances also have a `__dict__` (a non-static subclass of a static class).
    pub has_dict: bool,
    /// The slots of a new instance: zeros for primitive fields, unset for the others.
    pub initial: Vec<Value>,
    /// The namespace of the module that defined the class (to resolve field types).
    pub globals: Rc<PyDict>,
}

impl Layout {
    /// The slot of field `name`.
    #[inline]
    pub fn index_of(&self, name: &PyStr) -> Option<usize> {
        self.fields
            .iter()
            .position(|f| std::ptr::eq(&*f.name, name) || f.name.as_str() == name.as_str())
    }
}

/// Builds the layout of a class being created from namespace `dict` with `bases`; `None`
/// for a class that neither is static nor derives from one. A subclass that redefines a
/// `@final` method of a static base is a `TypeError`.
pub fn build(
    interp: &mut Interp,
    dict: &Rc<PyDict>,
    bases: &[Rc<Class>],
) -> PyResult<Option<Rc<Layout>>> {
    let inherited = bases.iter().find_map(|b| b.layout.clone());
    let own = match dict.get_item("__slot_types__") {
        Some(Value::Dict(d)) => Some(d),
        _ => None,
    };
    if inherited.is_none() && own.is_none() {
        return Ok(None);
    }
    let mut fields = Vec::new();
    let mut final_methods = Vec::new();
    let mut has_dict = own.is_none();
    if let Some(base) = &inherited {
        for f in &base.fields {
            fields.push(Field {
                name: f.name.clone(),
                ty: f.ty.clone(),
                prim: f.prim,
                check: OnceCell::new(),
            });
        }
        final_methods.extend(base.final_methods.iter().cloned());
        has_dict |= base.has_dict;
        for name in &base.final_methods {
            if dict.get_item(name.as_str()).is_some() {
                return Err(PyErr::type_error(format!(
                    "'{}' overrides a final method in the static base class",
                    name.as_str()
                )));
            }
        }
    }
    if let Some(own) = &own {
        for (name, descr) in own.items() {
            let Value::Str(name) = name else { continue };
            if fields.iter().any(|f| f.name.as_str() == name.as_str()) {
                continue;
            }
            let ty = super::descr::type_from_value(&descr)
                .unwrap_or_else(|| TypeRef::class("builtins", "object"));
            let prim = ty.primitive_code();
            fields.push(Field {
                name: PyStr::intern(name.as_str()),
                ty,
                prim,
                check: OnceCell::new(),
            });
        }
    }
    if let Some(Value::Tuple(names)) = dict.get_item("__final_methods__") {
        final_methods.extend(names.iter().filter_map(|n| n.as_str().cloned()));
    }
    let initial = fields
        .iter()
        .map(|f| f.prim.map_or(Value::Null, prim::zero))
        .collect();
    let module = dict
        .get_item("__module__")
        .and_then(|m| m.as_str().map(|s| s.as_str().to_owned()))
        .unwrap_or_default();
    let globals = match interp.modules.get_item(&module) {
        Some(Value::Module(m)) => m.dict.clone(),
        _ => crate::object::new_dict(),
    };
    Ok(Some(Rc::new(Layout {
        fields,
        final_methods,
        has_dict,
        initial,
        globals,
    })))
}

impl Interp {
    /// `getattr` of a field on an instance of a static class: `Ok(None)` when `name` is not
    /// a field or the field is unset (the caller goes on to the class attributes).
    pub(crate) fn static_get_field(
        &self,
        inst: &Instance,
        layout: &Layout,
        name: &PyStr,
    ) -> Option<Value> {
        let index = layout.index_of(name)?;
        let v = inst.slots.borrow().get(index).cloned()?;
        if v.is_null() {
            return None;
        }
        Some(match layout.fields[index].prim {
            Some(code) => prim::box_value(code, v),
            None => v,
        })
    }

    /// `setattr` on an instance of a static class from dynamic code. `Ok(false)` when the
    /// instance has a `__dict__` and `name` is not a field (the caller stores it there).
    pub(crate) fn static_set_attr(
        &mut self,
        inst: &Instance,
        layout: &Layout,
        class: &Rc<Class>,
        name: &Value,
        value: Value,
    ) -> PyResult<bool> {
        let Some(n) = name.as_str() else {
            return Ok(false);
        };
        let Some(index) = layout.index_of(n) else {
            if layout.has_dict || n.as_str() == "__class__" {
                return Ok(false);
            }
            let msg = if class.lookup(name).is_some() {
                format!(
                    "'{}' object attribute '{}' is read-only",
                    class.name(),
                    n.as_str()
                )
            } else {
                format!(
                    "'{}' object has no attribute '{}'",
                    class.name(),
                    n.as_str()
                )
            };
            return Err(PyErr::attribute_error(msg));
        };
        let field = &layout.fields[index];
        let check = match field.check.get() {
            Some(c) => c.clone(),
            None => {
                let c = self.resolve_type(&field.ty, &layout.globals)?;
                let _ = field.check.set(c.clone());
                c
            }
        };
        let stored = match field.prim {
            Some(code) => match prim::unbox(code, &value)? {
                Some(v) => v,
                None => return Err(self.field_type_error(&check, &value, n)),
            },
            None => {
                if !self.check_passes(&check, &value) {
                    return Err(self.field_type_error(&check, &value, n));
                }
                value
            }
        };
        if let Some(slot) = inst.slots.borrow_mut().get_mut(index) {
            let old = std::mem::replace(slot, stored);
            drop(old);
        }
        Ok(true)
    }

    fn field_type_error(&self, check: &Check, value: &Value, name: &PyStr) -> PyErr {
        PyErr::type_error(format!(
            "expected '{}', got '{}' for attribute '{}'",
            self.check_name(check),
            self.types.type_of(value).name(),
            name.as_str()
        ))
    }

    /// `del obj.name` of a field: unsets it (`Ok(false)` when `name` is not a field).
    pub(crate) fn static_del_field(&self, inst: &Instance, layout: &Layout, name: &Value) -> bool {
        let Some(index) = name.as_str().and_then(|n| layout.index_of(n)) else {
            return false;
        };
        if let Some(slot) = inst.slots.borrow_mut().get_mut(index) {
            let old = std::mem::replace(
                slot,
                layout.fields[index].prim.map_or(Value::Null, prim::zero),
            );
            drop(old);
        }
        true
    }
}
