//! Descriptors: the static operands a code object carries (decoded once, by the loader) and
//! their resolution, at first execution, to classes, functions and primitive codes.
//!
//! Input: `co_consts` entries in the shapes of `cinder_codegen::format::static_ops` (or, for
//! `__slot_types__`, the same tuples as runtime values). Output: [`Operand`]s held by the
//! code object, each with a cache that the first execution fills ([`Resolved`]); later
//! executions read the cache and never look a name up again.

use std::cell::OnceCell;
use std::rc::Rc;

use cinder_codegen::format::code_object::Constant;
use cinder_codegen::format::static_ops::{self, FuncOwner, FuncRef, TypeRef};

use crate::interp::Interp;
use crate::object::{Class, ExcKind, PyErr, PyResult, PyStr, Value};

/// A decoded static operand.
pub enum Operand {
    /// `CAST`, `REFINE_TYPE`, `LOAD_CLASS`, `TP_ALLOC`.
    Type(TypeRef),
    /// `INVOKE_FUNCTION`/`INVOKE_METHOD`: the target and the argument count.
    Func(FuncRef, usize, Rc<PyStr>),
    /// `LOAD_FIELD`/`STORE_FIELD`: the class and the field name.
    Field(TypeRef, Rc<PyStr>),
    /// `CHECK_ARGS`: (local index, type) pairs.
    ArgChecks(Vec<(usize, TypeRef)>),
    /// `PRIMITIVE_LOAD_CONST`: the value, already in primitive form.
    Const(Value),
    /// `BUILD_CHECKED_LIST`/`BUILD_CHECKED_MAP`: the container type and the item count.
    Counted(TypeRef, usize),
    /// `LOAD_LOCAL`/`STORE_LOCAL`: the fast local and its primitive type code.
    Local(usize, u32),
}

/// One static operand and the cache its first execution fills.
pub struct Slot {
    pub operand: Operand,
    pub cache: OnceCell<Resolved>,
}

/// What a type descriptor stands for at run time.
#[derive(Clone)]
pub enum Check {
    /// Anything (`object`, or a type the runtime cannot check).
    Any,
    /// A primitive of this type code.
    Prim(u32),
    /// An instance of `class` (exactly, when `exact`), or `None` when `optional`.
    Class {
        class: Rc<Class>,
        optional: bool,
        exact: bool,
    },
}

/// A resolved operand.
pub enum Resolved {
    Type(Check),
    /// A function to call directly (`INVOKE_FUNCTION`).
    Func(Value),
    /// A field: its slot in instances of the class and what it holds.
    Field {
        class: Rc<Class>,
        index: usize,
        prim: Option<u32>,
    },
    /// `CHECK_ARGS`: what each checked local must hold.
    Args(Vec<(usize, Check, Rc<PyStr>)>),
}

/// Decodes the static operand of `op` from its constant, `Err` with a message when malformed.
pub fn decode(
    op: cinder_codegen::format::opcodes::Opcode,
    c: &Constant,
) -> Result<Operand, String> {
    use cinder_codegen::format::opcodes::Opcode as O;
    let e = |err: static_ops::DescrError| err.to_string();
    Ok(match op {
        O::CAST | O::REFINE_TYPE | O::LOAD_CLASS | O::TP_ALLOC => {
            Operand::Type(static_ops::decode_type(c).map_err(e)?)
        }
        O::INVOKE_FUNCTION | O::INVOKE_METHOD => {
            let (descr, n) = static_ops::decode_counted(c).map_err(e)?;
            let func = static_ops::decode_func(descr).map_err(e)?;
            let name = PyStr::intern(&func.name);
            Operand::Func(func, n, name)
        }
        O::LOAD_FIELD | O::STORE_FIELD => {
            let (class, name) = static_ops::decode_field(c).map_err(e)?;
            Operand::Field(class, PyStr::intern(&name))
        }
        O::CHECK_ARGS => {
            let checks = static_ops::decode_arg_checks(c).map_err(e)?;
            let mut out = Vec::with_capacity(checks.len());
            for (idx, ty) in checks {
                let idx = usize::try_from(idx).map_err(|_| "negative CHECK_ARGS index")?;
                out.push((idx, ty));
            }
            Operand::ArgChecks(out)
        }
        O::PRIMITIVE_LOAD_CONST => {
            let (value, code) = static_ops::decode_primitive_const(c).map_err(e)?;
            let v = match value {
                Constant::Int(i) => Value::Int(*i),
                Constant::Bool(b) => Value::Bool(*b),
                Constant::Float(f) => Value::Float(*f),
                Constant::BigInt(b) => match u64::try_from(b) {
                    Ok(u) => Value::Int(u as i64),
                    Err(_) => return Err("primitive constant out of range".into()),
                },
                _ => return Err("primitive constant is not a number".into()),
            };
            Operand::Const(super::prim::normalize(code, v))
        }
        O::BUILD_CHECKED_LIST | O::BUILD_CHECKED_MAP => {
            let (descr, n) = static_ops::decode_counted(c).map_err(e)?;
            Operand::Counted(static_ops::decode_type(descr).map_err(e)?, n)
        }
        O::LOAD_LOCAL | O::STORE_LOCAL => match c {
            Constant::Tuple(items) => match items.as_slice() {
                [Constant::Int(idx), ty] if *idx >= 0 => {
                    let ty = static_ops::decode_type(ty).map_err(e)?;
                    let code = ty.primitive_code().unwrap_or(super::prim::code::INT64);
                    Operand::Local(*idx as usize, code)
                }
                _ => return Err("LOAD_LOCAL takes (local, type)".into()),
            },
            _ => return Err("LOAD_LOCAL takes (local, type)".into()),
        },
        other => return Err(format!("{} takes no descriptor", other.name())),
    })
}

/// A type descriptor held as a runtime value (`__slot_types__` entries).
pub fn type_from_value(v: &Value) -> Option<TypeRef> {
    fn constant(v: &Value) -> Option<Constant> {
        Some(match v {
            Value::Str(s) => Constant::Str(s.as_str().to_owned()),
            Value::Tuple(items) => {
                Constant::Tuple(items.iter().map(constant).collect::<Option<_>>()?)
            }
            _ => return None,
        })
    }
    static_ops::decode_type(&constant(v)?).ok()
}

impl Interp {
    /// The module a descriptor names: `sys.modules[name]`'s namespace, or (for the program
    /// run as `__main__`, which codegen names after its file) the running frame's globals.
    fn descr_module(
        &mut self,
        name: &str,
        globals: &Rc<crate::object::PyDict>,
    ) -> Rc<crate::object::PyDict> {
        if name == "builtins" {
            return self.builtins.clone();
        }
        if let Some(Value::Module(m)) = self.modules.get_item(name) {
            return m.dict.clone();
        }
        if name == "__static__"
            && let Ok(Value::Module(m)) = self.import_dotted("__static__")
        {
            return m.dict.clone();
        }
        globals.clone()
    }

    /// The object a type descriptor names (a class, or a primitive's code).
    pub(crate) fn resolve_type(
        &mut self,
        ty: &TypeRef,
        globals: &Rc<crate::object::PyDict>,
    ) -> PyResult<Check> {
        if let Some(code) = ty.primitive_code() {
            return Ok(Check::Prim(code));
        }
        if ty.module == "builtins" && ty.path.len() == 1 && ty.path[0] == "object" {
            return Ok(Check::Any);
        }
        let mut obj = self.resolve_path(ty, globals)?;
        if !ty.args.is_empty() {
            let mut args = Vec::with_capacity(ty.args.len());
            for a in &ty.args {
                args.push(match self.resolve_type(a, globals)? {
                    Check::Any => Value::Class(self.types.object.clone()),
                    Check::Prim(code) => self.prim_class(code, globals)?,
                    Check::Class { class, .. } => Value::Class(class),
                });
            }
            let key = if args.len() == 1 {
                args.pop().unwrap_or_default()
            } else {
                Value::tuple(args)
            };
            obj = self.get_item(&obj, key)?;
        }
        match obj {
            Value::Class(class) => Ok(Check::Class {
                class,
                optional: ty.optional,
                exact: ty.exact,
            }),
            _ => Ok(Check::Any),
        }
    }

    fn resolve_path(
        &mut self,
        ty: &TypeRef,
        globals: &Rc<crate::object::PyDict>,
    ) -> PyResult<Value> {
        let ns = self.descr_module(&ty.module, globals);
        let mut parts = ty.path.iter();
        let first = parts.next().map_or("", |s| s.as_str());
        let mut obj = match ns.get_item(first) {
            Some(v) => v,
            None => {
                return Err(PyErr::new(
                    ExcKind::TypeError,
                    format!(
                        "unknown type {} in a static descriptor",
                        ty.qualified_name()
                    ),
                ));
            }
        };
        for part in parts {
            obj = self.get_attr(&obj, &Value::Str(PyStr::intern(part)))?;
        }
        Ok(obj)
    }

    /// The `__static__` class of a primitive (`int64`, `double`, ...).
    fn prim_class(&mut self, code: u32, globals: &Rc<crate::object::PyDict>) -> PyResult<Value> {
        let ns = self.descr_module("__static__", globals);
        Ok(ns
            .get_item(super::prim::type_name(code))
            .unwrap_or(Value::Class(self.types.object.clone())))
    }

    /// The function a function descriptor names.
    pub(crate) fn resolve_func(
        &mut self,
        func: &FuncRef,
        globals: &Rc<crate::object::PyDict>,
    ) -> PyResult<Value> {
        let name = Value::Str(PyStr::intern(&func.name));
        match &func.owner {
            FuncOwner::Module(m) => {
                let ns = self.descr_module(m, globals);
                match ns.get_str(&name) {
                    Some(v) => Ok(v),
                    None => Err(self.name_error(&name)),
                }
            }
            FuncOwner::Class(ty) => {
                let owner = self.resolve_path(ty, globals)?;
                let Value::Class(class) = &owner else {
                    return self.get_attr(&owner, &name);
                };
                match class.lookup(&name) {
                    Some(Value::StaticMethod(f)) => Ok((*f).clone()),
                    Some(Value::ClassMethod(f)) => {
                        Ok(Value::Method(Rc::new(((*f).clone(), owner.clone()))))
                    }
                    Some(v) => Ok(v),
                    None => Err(self.no_attribute(&owner, &name)),
                }
            }
        }
    }

    /// Whether `v` passes `check` (primitives are checked by their boxed form).
    pub(crate) fn check_passes(&self, check: &Check, v: &Value) -> bool {
        match check {
            Check::Any => true,
            Check::Prim(code) => super::prim::unbox(*code, v).is_ok_and(|r| r.is_some()),
            Check::Class {
                class,
                optional,
                exact,
            } => {
                if v.is_none() && *optional {
                    return true;
                }
                let actual = self.types.type_of(v);
                if *exact {
                    Rc::ptr_eq(&actual, class)
                } else {
                    actual.is_subclass(class)
                }
            }
        }
    }

    /// How a check names its type in messages (`int`, `Optional[C]`, `int64`).
    pub(crate) fn check_name(&self, check: &Check) -> String {
        match check {
            Check::Any => "object".into(),
            Check::Prim(code) => super::prim::type_name(*code).into(),
            Check::Class {
                class, optional, ..
            } => {
                if *optional {
                    format!("Optional[{}]", class.name())
                } else {
                    class.name()
                }
            }
        }
    }

    /// The `TypeError` of a failed `CAST` (`expected 'T', got 'U'`).
    pub(crate) fn cast_error(&self, check: &Check, v: &Value) -> PyErr {
        let got = self.types.type_of(v).name();
        let exact = matches!(check, Check::Class { exact: true, .. });
        let want = self.check_name(check);
        if exact {
            PyErr::type_error(format!("expected exactly '{want}', got '{got}'"))
        } else {
            PyErr::type_error(format!("expected '{want}', got '{got}'"))
        }
    }

    /// A `StaticTypeError` (from the runtime's `__static__`), or a `TypeError` without it.
    pub(crate) fn static_type_error(&mut self, msg: String) -> PyErr {
        let class = match self.import_dotted("__static__") {
            Ok(Value::Module(m)) => m.dict.get_item("StaticTypeError"),
            _ => None,
        };
        match class {
            Some(class) => match self.call_value(&class, &[Value::from_string(msg)], None) {
                Ok(exc) => PyErr::Obj(exc),
                Err(e) => e,
            },
            None => PyErr::type_error(msg),
        }
    }
}
