//! `__build_class__` (the `class` statement) and class creation: C3 MRO, metaclasses,
//! `__set_name__`, `__init_subclass__`, `__classcell__`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::def;
use crate::interp::{Frame, Interp};
use crate::object::{BaseKind, Class, ExcKind, PyErr, PyResult, PyStr, Value, new_dict};

type Kw = [(Rc<PyStr>, Value)];

pub fn install(interp: &mut Interp) {
    let b = interp.builtins.clone();
    def(&b, "__build_class__", build_class);
}

/// The C3 linearisation of a class with these bases (`None`: no consistent order).
pub fn c3_mro(klass: &Rc<Class>, bases: &[Rc<Class>]) -> Option<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.mro.borrow().clone()).collect();
    seqs.push(bases.to_vec());
    let mut out = vec![klass.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let candidate = seqs.iter().find_map(|s| {
            let head = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, head)));
            if in_tail { None } else { Some(head.clone()) }
        })?;
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &candidate) {
                s.remove(0);
            }
        }
        out.push(candidate);
    }
}

fn build_class(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let Some(Value::Function(func)) = args.first() else {
        return Err(PyErr::type_error(
            "__build_class__: func must be a function",
        ));
    };
    let Some(name) = args.get(1).cloned() else {
        return Err(PyErr::type_error("__build_class__: not enough arguments"));
    };
    let bases = Value::tuple(args[2..].to_vec());
    let mut meta: Option<Rc<Class>> = None;
    let mut class_kwargs: Vec<(Rc<PyStr>, Value)> = Vec::new();
    for (k, v) in kwargs {
        if k.as_str() == "metaclass" {
            if let Value::Class(m) = v {
                meta = Some(m.clone());
            }
        } else {
            class_kwargs.push((k.clone(), v.clone()));
        }
    }
    let meta = match meta {
        Some(m) => m,
        None => {
            // The most derived metaclass of the bases.
            let mut m = interp.types.type_.clone();
            for b in &args[2..] {
                let bm = interp.types.type_of(b);
                if bm.is_subclass(&m) {
                    m = bm;
                }
            }
            m
        }
    };
    let ns = match meta.lookup_str("__prepare__") {
        Some(prepare) if !matches!(prepare, Value::Builtin(_)) => {
            let prepare = match prepare {
                Value::ClassMethod(f) => {
                    Value::Method(Rc::new(((*f).clone(), Value::Class(meta.clone()))))
                }
                other => other,
            };
            interp.call_kw(&prepare, &[name.clone(), bases.clone()], &class_kwargs)?
        }
        _ => Value::Dict(new_dict()),
    };
    // Run the class body with the namespace as its locals.
    let code = func.code.clone();
    let frame = Frame {
        stack: Vec::with_capacity(code.stacksize),
        locals: vec![Value::Null; code.localsplus_names.len()],
        code,
        pc: 0,
        last_pc: 0,
        globals: func.globals.clone(),
        builtins: interp.builtins.clone(),
        names: Some(ns.clone()),
        closure: func.closure.clone(),
        kw_names: None,
        func: None,
        trusted: false,
    };
    let cell = interp.run_frame(frame)?;
    let klass = if Rc::ptr_eq(&meta, &interp.types.type_) {
        create_class(interp, &meta, &name, &bases, &ns, &class_kwargs)?
    } else {
        interp.call_kw(
            &Value::Class(meta.clone()),
            &[name, bases, ns],
            &class_kwargs,
        )?
    };
    if let Value::Cell(c) = cell {
        *c.borrow_mut() = klass.clone();
    }
    Ok(klass)
}

/// `type(name, bases, ns)` with metaclass `meta`.
pub fn create_class(
    interp: &mut Interp,
    meta: &Rc<Class>,
    name: &Value,
    bases: &Value,
    ns: &Value,
    kwargs: &Kw,
) -> PyResult<Value> {
    let Value::Str(name) = name else {
        return Err(PyErr::type_error("type.__new__() argument 1 must be str"));
    };
    let mut base_list: Vec<Rc<Class>> = Vec::new();
    for b in interp.collect(bases.clone())? {
        match b {
            Value::Class(k) => base_list.push(k),
            other => {
                return Err(PyErr::type_error(format!(
                    "bases must be types, not {}",
                    interp.types.type_of(&other).name()
                )));
            }
        }
    }
    if base_list.is_empty() {
        base_list.push(interp.types.object.clone());
    }
    for b in &base_list {
        if b.is_builtin
            && matches!(
                b.name().as_str(),
                "bool" | "range" | "slice" | "function" | "NoneType"
            )
        {
            return Err(PyErr::type_error(format!(
                "type '{}' is not an acceptable base type",
                b.name()
            )));
        }
    }
    let base_kind = base_list
        .iter()
        .map(|b| b.base_kind)
        .find(|k| *k != BaseKind::Object)
        .unwrap_or(BaseKind::Object);
    let dict = new_dict();
    let items = match ns {
        Value::Dict(d) => d.items(),
        other => {
            let keys = interp.call_method(other, "keys", &[])?;
            let mut items = Vec::new();
            for k in interp.collect(keys)? {
                let v = interp.get_item(other, k.clone())?;
                items.push((k, v));
            }
            items
        }
    };
    let mut qualname = name.clone();
    let mut classcell = None;
    for (k, v) in items {
        match k.as_str().map(|s| s.as_str()) {
            Some("__qualname__") => {
                if let Value::Str(q) = &v {
                    qualname = q.clone();
                }
            }
            Some("__classcell__") => classcell = Some(v),
            _ => {
                let key = interp.make_key(k)?;
                dict.set(key, v);
            }
        }
    }
    // Functions named __init_subclass__ and __class_getitem__ are implicit classmethods.
    for implicit in ["__init_subclass__", "__class_getitem__"] {
        if let Some(f @ Value::Function(_)) = dict.get_item(implicit) {
            dict.set_item(implicit, Value::ClassMethod(Rc::new(f)));
        }
    }
    if let Some(f @ Value::Function(_)) = dict.get_item("__new__") {
        dict.set_item("__new__", Value::StaticMethod(Rc::new(f)));
    }
    if dict.get_item("__module__").is_none() {
        dict.set_item("__module__", Value::str("__main__"));
    }
    // `__slots__` restricts instance attributes when every class on the way declares them.
    let own_slots: Option<Vec<Rc<PyStr>>> = match dict.get_item("__slots__") {
        Some(Value::Str(s)) => Some(vec![s]),
        Some(v @ (Value::Tuple(_) | Value::List(_))) => Some(
            interp
                .collect(v)?
                .into_iter()
                .filter_map(|x| x.as_str().cloned())
                .collect(),
        ),
        _ => None,
    };
    let slot_names = own_slots.and_then(|mut names| {
        for b in &base_list {
            if Rc::ptr_eq(b, &interp.types.object) {
                continue;
            }
            match &b.slot_names {
                Some(inherited) => names.extend(inherited.iter().cloned()),
                None => return None,
            }
        }
        if names.iter().any(|n| n.as_str() == "__dict__") {
            None
        } else {
            Some(names)
        }
    });
    let layout = crate::static_rt::layout::build(interp, &dict, &base_list)?;
    let klass = Rc::new(Class {
        name: RefCell::new(name.clone()),
        qualname: RefCell::new(qualname),
        bases: RefCell::new(base_list.clone()),
        mro: RefCell::new(Vec::new()),
        dict,
        metaclass: RefCell::new(if Rc::ptr_eq(meta, &interp.types.type_) {
            None
        } else {
            Some(meta.clone())
        }),
        base_kind,
        slot_names,
        version: Cell::new(0),
        is_builtin: false,
        lookup_cache: RefCell::new(Vec::new()),
        layout,
    });
    let Some(mro) = c3_mro(&klass, &base_list) else {
        let names: Vec<String> = base_list.iter().map(|b| b.name()).collect();
        return Err(PyErr::type_error(format!(
            "Cannot create a consistent method resolution order (MRO) for bases {}",
            names.join(", ")
        )));
    };
    *klass.mro.borrow_mut() = mro;
    crate::object::bump_type_epoch();
    let value = Value::Class(klass.clone());
    if let Some(Value::Cell(c)) = classcell {
        *c.borrow_mut() = value.clone();
    }
    // __set_name__ on descriptors.
    for (k, v) in klass.dict.items() {
        if let Value::Instance(inst) = &v
            && let Some(set_name) = inst.class().lookup_str("__set_name__")
        {
            interp.call_value(&set_name, &[v.clone(), value.clone(), k.clone()], None)?;
        }
    }
    // __init_subclass__ of the parent.
    let sup = Value::Super(Rc::new((klass.clone(), value.clone())));
    if let Some(init_sub) = interp.get_attr_opt(&sup, &Value::str("__init_subclass__"))? {
        match &init_sub {
            Value::Method(m) if matches!(m.0, Value::Builtin(_)) => {
                if !kwargs.is_empty() {
                    return Err(PyErr::type_error(format!(
                        "{}.__init_subclass__() takes no keyword arguments",
                        klass
                            .bases
                            .borrow()
                            .first()
                            .map_or("object".into(), |b| b.name())
                    )));
                }
            }
            _ => {
                interp.call_kw(&init_sub, &[], kwargs)?;
            }
        }
    }
    let _ = ExcKind::TypeError;
    Ok(value)
}
