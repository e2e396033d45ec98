//! The built-in type objects, and `type(x)` for every value.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::object::{BaseKind, Class, ExcKind, PyStr, Value, new_dict};

/// Every built-in class the runtime needs by name.
pub struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none: Rc<Class>,
    pub not_implemented: Rc<Class>,
    pub ellipsis: Rc<Class>,
    pub bool_: Rc<Class>,
    pub int: Rc<Class>,
    pub float: Rc<Class>,
    pub complex: Rc<Class>,
    pub str_: Rc<Class>,
    pub bytes: Rc<Class>,
    pub bytearray: Rc<Class>,
    pub tuple: Rc<Class>,
    pub list: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub frozenset: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub function: Rc<Class>,
    pub method: Rc<Class>,
    pub builtin_function: Rc<Class>,
    pub module: Rc<Class>,
    pub cell: Rc<Class>,
    pub code: Rc<Class>,
    pub generator: Rc<Class>,
    pub coroutine: Rc<Class>,
    pub iterator: Rc<Class>,
    pub property: Rc<Class>,
    pub staticmethod: Rc<Class>,
    pub classmethod: Rc<Class>,
    pub super_: Rc<Class>,
    pub dict_views: [Rc<Class>; 3],
    pub traceback: Rc<Class>,
    pub exceptions: Vec<Rc<Class>>,
}

/// Creates a class object with the given bases (C3 linearisation is done by the caller for
/// user classes; built-in hierarchies are single inheritance).
pub fn new_class(name: &str, bases: Vec<Rc<Class>>, kind: BaseKind, builtin: bool) -> Rc<Class> {
    let mut mro_tail: Vec<Rc<Class>> = Vec::new();
    if let Some(base) = bases.first() {
        mro_tail = base.mro.borrow().clone();
    }
    let klass = Rc::new(Class {
        name: RefCell::new(PyStr::new(name)),
        qualname: RefCell::new(PyStr::new(name)),
        bases: RefCell::new(bases),
        mro: RefCell::new(Vec::new()),
        dict: new_dict(),
        metaclass: RefCell::new(None),
        base_kind: kind,
        slot_names: None,
        layout: None,
        version: Cell::new(0),
        is_builtin: builtin,
        lookup_cache: std::cell::RefCell::new(Vec::new()),
    });
    let mut mro = vec![klass.clone()];
    mro.extend(mro_tail);
    *klass.mro.borrow_mut() = mro;
    crate::object::bump_type_epoch();
    klass
}

impl Types {
    pub fn new() -> Types {
        let object = new_class("object", vec![], BaseKind::Object, true);
        let mk = |name: &str, kind: BaseKind| new_class(name, vec![object.clone()], kind, true);
        let int = mk("int", BaseKind::Int);
        let bool_ = new_class("bool", vec![int.clone()], BaseKind::Int, true);
        let mut exceptions: Vec<Rc<Class>> = Vec::new();
        for kind in ExcKind::ALL {
            let base = if *kind == ExcKind::BaseException {
                object.clone()
            } else {
                exceptions[kind.base() as usize].clone()
            };
            exceptions.push(new_class(
                kind.name(),
                vec![base],
                BaseKind::Exception,
                true,
            ));
        }
        Types {
            type_: mk("type", BaseKind::Other),
            none: mk("NoneType", BaseKind::Other),
            not_implemented: mk("NotImplementedType", BaseKind::Other),
            ellipsis: mk("ellipsis", BaseKind::Other),
            bool_,
            int,
            float: mk("float", BaseKind::Float),
            complex: mk("complex", BaseKind::Other),
            str_: mk("str", BaseKind::Str),
            bytes: mk("bytes", BaseKind::Other),
            bytearray: mk("bytearray", BaseKind::Other),
            tuple: mk("tuple", BaseKind::Tuple),
            list: mk("list", BaseKind::List),
            dict: mk("dict", BaseKind::Dict),
            set: mk("set", BaseKind::Set),
            frozenset: mk("frozenset", BaseKind::Set),
            range: mk("range", BaseKind::Other),
            slice: mk("slice", BaseKind::Other),
            function: mk("function", BaseKind::Other),
            method: mk("method", BaseKind::Other),
            builtin_function: mk("builtin_function_or_method", BaseKind::Other),
            module: mk("module", BaseKind::Other),
            cell: mk("cell", BaseKind::Other),
            code: mk("code", BaseKind::Other),
            generator: mk("generator", BaseKind::Other),
            coroutine: mk("coroutine", BaseKind::Other),
            iterator: mk("iterator", BaseKind::Other),
            property: mk("property", BaseKind::Other),
            staticmethod: mk("staticmethod", BaseKind::Other),
            classmethod: mk("classmethod", BaseKind::Other),
            super_: mk("super", BaseKind::Other),
            traceback: mk("traceback", BaseKind::Other),
            dict_views: [
                mk("dict_keys", BaseKind::Other),
                mk("dict_values", BaseKind::Other),
                mk("dict_items", BaseKind::Other),
            ],
            exceptions,
            object,
        }
    }

    pub fn exc(&self, kind: ExcKind) -> &Rc<Class> {
        &self.exceptions[kind as usize]
    }

    /// The check of `super(klass, obj)`: `obj` is an instance or a subclass of `klass`.
    pub fn super_check(&self, klass: &Rc<Class>, obj: &Value) -> Result<(), crate::object::PyErr> {
        if let Value::Class(c) = obj
            && c.is_subclass(klass)
        {
            return Ok(());
        }
        if self.type_of(obj).is_subclass(klass) {
            return Ok(());
        }
        Err(crate::object::PyErr::type_error(
            "super(type, obj): obj must be an instance or subtype of type",
        ))
    }

    /// `type(value)`.
    pub fn type_of(&self, v: &Value) -> Rc<Class> {
        use Value::*;
        match v {
            Instance(inst) => inst.class(),
            Null | None => self.none.clone(),
            NotImplemented => self.not_implemented.clone(),
            Ellipsis => self.ellipsis.clone(),
            Bool(_) => self.bool_.clone(),
            Int(_) | Big(_) => self.int.clone(),
            Float(_) => self.float.clone(),
            Complex(_) => self.complex.clone(),
            Str(_) => self.str_.clone(),
            Bytes(_) => self.bytes.clone(),
            ByteArray(_) => self.bytearray.clone(),
            Tuple(_) => self.tuple.clone(),
            List(_) => self.list.clone(),
            Dict(_) => self.dict.clone(),
            Set(_) => self.set.clone(),
            FrozenSet(_) => self.frozenset.clone(),
            Range(_) => self.range.clone(),
            Slice(_) => self.slice.clone(),
            Function(_) => self.function.clone(),
            Method(_) => self.method.clone(),
            Builtin(_) => self.builtin_function.clone(),
            Class(k) => k
                .metaclass
                .borrow()
                .clone()
                .unwrap_or_else(|| self.type_.clone()),
            Module(_) => self.module.clone(),
            Cell(_) => self.cell.clone(),
            Code(_) => self.code.clone(),
            Generator(g) => match g.kind {
                crate::object::GenKind::Generator => self.generator.clone(),
                _ => self.coroutine.clone(),
            },
            Iter(_) => self.iterator.clone(),
            Property(_) => self.property.clone(),
            StaticMethod(_) => self.staticmethod.clone(),
            ClassMethod(_) => self.classmethod.clone(),
            Super(_) => self.super_.clone(),
            View(v) => self.dict_views[usize::from(v.1 % 3)].clone(),
        }
    }

    /// The built-in classes by their `builtins` names (for the `builtins` module).
    pub fn named(&self) -> Vec<(&'static str, Rc<Class>)> {
        let mut out = vec![
            ("object", self.object.clone()),
            ("type", self.type_.clone()),
            ("bool", self.bool_.clone()),
            ("int", self.int.clone()),
            ("float", self.float.clone()),
            ("complex", self.complex.clone()),
            ("str", self.str_.clone()),
            ("bytes", self.bytes.clone()),
            ("bytearray", self.bytearray.clone()),
            ("tuple", self.tuple.clone()),
            ("list", self.list.clone()),
            ("dict", self.dict.clone()),
            ("set", self.set.clone()),
            ("frozenset", self.frozenset.clone()),
            ("range", self.range.clone()),
            ("slice", self.slice.clone()),
            ("property", self.property.clone()),
            ("staticmethod", self.staticmethod.clone()),
            ("classmethod", self.classmethod.clone()),
            ("super", self.super_.clone()),
        ];
        for (kind, klass) in ExcKind::ALL.iter().zip(&self.exceptions) {
            out.push((kind.name(), klass.clone()));
        }
        // No buffer protocol yet: `memoryview` exists so that `collections.abc` (and with it
        // `typing`) can register it.
        out.push((
            "memoryview",
            new_class(
                "memoryview",
                vec![self.object.clone()],
                BaseKind::Other,
                true,
            ),
        ));
        out
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}

impl super::Interp {
    /// `object.__new__` of a class whose `__abstractmethods__` is not empty: CPython's
    /// `TypeError` naming the abstract methods in sorted order.
    pub(crate) fn check_not_abstract(
        &mut self,
        klass: &Rc<Class>,
        abstracts: Value,
    ) -> crate::object::PyResult<()> {
        let mut names = Vec::new();
        for n in self.collect(abstracts)? {
            names.push(self.str_of(&n)?);
        }
        if names.is_empty() {
            return Ok(());
        }
        names.sort();
        let s = if names.len() == 1 { "" } else { "s" };
        Err(crate::object::PyErr::type_error(format!(
            "Can't instantiate abstract class {} with abstract method{s} {}",
            klass.name(),
            names.join(", ")
        )))
    }
}
