//! The static opcodes: one method the eval loop calls for every instruction flagged
//! `STATIC` in the opcode table.
//!
//! Input: the frame, its code, and the decoded instruction (for descriptor operands the
//! loader has replaced the constant index with an index into `Code::static_slots`). Output:
//! the frame's new state, `Some(Exit)` when the instruction leaves the frame
//! (`RETURN_PRIMITIVE`), or the exception raised. Descriptors are resolved at their first
//! execution and cached in their slot; primitive arms allocate nothing.

use std::rc::Rc;

use cinder_codegen::format::code_object::flags;
use cinder_codegen::format::opcodes::Opcode;
use cinder_codegen::format::static_ops::{fast_len, seq};

use super::descr::{Check, Operand, Resolved, Slot};
use super::prim;
use crate::interp::eval::Exit;
use crate::interp::{Code, Frame, Instr, Interp};
use crate::object::{ExcKind, Function, PyErr, PyResult, PyStr, Value};

fn underflow() -> PyErr {
    PyErr::new(ExcKind::SystemError, "value stack underflow")
}

fn bad_operand(op: Opcode) -> PyErr {
    PyErr::new(
        ExcKind::SystemError,
        format!("{} has a malformed operand", op.name()),
    )
}

#[inline]
fn is_zero(v: &Value) -> bool {
    match v {
        Value::Int(i) => *i == 0,
        Value::Bool(b) => !*b,
        Value::Float(f) => *f == 0.0,
        Value::None | Value::Null => true,
        _ => false,
    }
}

impl Interp {
    /// Runs one static instruction.
    #[inline]
    pub(crate) fn exec_static(
        &mut self,
        f: &mut Frame,
        code: &Rc<Code>,
        instr: Instr,
    ) -> PyResult<Option<Exit>> {
        let arg = instr.arg;
        match instr.op {
            Opcode::PRIMITIVE_BINARY_OP => {
                let b = f.stack.pop().ok_or_else(underflow)?;
                let a = f.stack.last_mut().ok_or_else(underflow)?;
                *a = match (arg, &*a, &b) {
                    (prim::binop::ADD_INT, Value::Int(x), Value::Int(y)) => {
                        Value::Int(x.wrapping_add(*y))
                    }
                    (prim::binop::SUB_INT, Value::Int(x), Value::Int(y)) => {
                        Value::Int(x.wrapping_sub(*y))
                    }
                    (prim::binop::ADD_DBL, Value::Float(x), Value::Float(y)) => Value::Float(x + y),
                    (prim::binop::SUB_DBL, Value::Float(x), Value::Float(y)) => Value::Float(x - y),
                    (prim::binop::MUL_DBL, Value::Float(x), Value::Float(y)) => Value::Float(x * y),
                    _ => prim::binary(arg, a, &b)?,
                };
            }
            Opcode::PRIMITIVE_COMPARE_OP => {
                let b = f.stack.pop().ok_or_else(underflow)?;
                let a = f.stack.last_mut().ok_or_else(underflow)?;
                *a = match (arg, &*a, &b) {
                    (prim::cmp::LT_INT, Value::Int(x), Value::Int(y)) => Value::Bool(x < y),
                    _ => prim::compare(arg, a, &b)?,
                };
            }
            Opcode::PRIMITIVE_UNARY_OP => {
                let a = f.stack.last_mut().ok_or_else(underflow)?;
                *a = prim::unary(arg, a)?;
            }
            Opcode::CONVERT_PRIMITIVE => {
                let a = f.stack.last_mut().ok_or_else(underflow)?;
                *a = prim::convert(arg, a);
            }
            Opcode::PRIMITIVE_LOAD_CONST => match &slot(code, arg)?.operand {
                Operand::Const(v) => f.stack.push(v.clone()),
                _ => return Err(bad_operand(instr.op)),
            },
            Opcode::PRIMITIVE_BOX => {
                let a = f.stack.last_mut().ok_or_else(underflow)?;
                *a = prim::box_value(arg, std::mem::take(a));
            }
            Opcode::PRIMITIVE_UNBOX => {
                let v = f.stack.pop().ok_or_else(underflow)?;
                match prim::unbox(arg, &v)? {
                    Some(p) => f.stack.push(p),
                    None => return Err(self.cast_error(&Check::Prim(arg), &v)),
                }
            }
            Opcode::POP_JUMP_IF_ZERO | Opcode::POP_JUMP_BACKWARD_IF_ZERO => {
                let v = f.stack.pop().ok_or_else(underflow)?;
                if is_zero(&v) {
                    jump(f, instr.op, arg);
                }
            }
            Opcode::POP_JUMP_IF_NONZERO | Opcode::POP_JUMP_BACKWARD_IF_NONZERO => {
                let v = f.stack.pop().ok_or_else(underflow)?;
                if !is_zero(&v) {
                    jump(f, instr.op, arg);
                }
            }
            Opcode::JUMP_IF_ZERO_OR_POP | Opcode::JUMP_IF_NONZERO_OR_POP => {
                let zero = is_zero(f.stack.last().ok_or_else(underflow)?);
                if zero == (instr.op == Opcode::JUMP_IF_ZERO_OR_POP) {
                    f.pc += arg as usize;
                } else {
                    f.stack.pop();
                }
            }
            Opcode::RETURN_PRIMITIVE => {
                let v = prim::normalize(arg, f.stack.pop().ok_or_else(underflow)?);
                let v = if f.trusted {
                    v
                } else {
                    prim::box_value(arg, v)
                };
                return Ok(Some(Exit::Return(v)));
            }
            Opcode::LOAD_LOCAL | Opcode::STORE_LOCAL => {
                let Operand::Local(index, type_code) = slot(code, arg)?.operand else {
                    return Err(bad_operand(instr.op));
                };
                let Some(local) = f.locals.get_mut(index) else {
                    return Err(bad_operand(instr.op));
                };
                if instr.op == Opcode::LOAD_LOCAL {
                    let v = if local.is_null() {
                        prim::zero(type_code)
                    } else {
                        local.clone()
                    };
                    f.stack.push(v);
                } else {
                    let v = f.stack.pop().ok_or_else(underflow)?;
                    *local = prim::normalize(type_code, v);
                }
            }
            Opcode::CHECK_ARGS => {
                if !f.trusted {
                    self.check_args(f, code, arg)?;
                }
            }
            Opcode::INVOKE_FUNCTION => {
                let s = slot(code, arg)?;
                let Operand::Func(func, n, _) = &s.operand else {
                    return Err(bad_operand(instr.op));
                };
                let target = match s.cache.get() {
                    Some(Resolved::Func(v)) => v.clone(),
                    _ => {
                        let v = self.resolve_func(func, &f.globals)?;
                        let _ = s.cache.set(Resolved::Func(v.clone()));
                        v
                    }
                };
                let base = f.stack.len().checked_sub(*n).ok_or_else(underflow)?;
                let result = self.invoke_trusted(&target, &f.stack[base..])?;
                f.stack.truncate(base);
                f.stack.push(result);
            }
            Opcode::INVOKE_METHOD => {
                let Operand::Func(_, n, name) = &slot(code, arg)?.operand else {
                    return Err(bad_operand(instr.op));
                };
                let base = f.stack.len().checked_sub(*n + 1).ok_or_else(underflow)?;
                let result = self.invoke_method(name, &f.stack[base..])?;
                f.stack.truncate(base);
                f.stack.push(result);
            }
            Opcode::LOAD_FIELD => self.load_field(f, code, arg)?,
            Opcode::STORE_FIELD => self.store_field(f, code, arg)?,
            Opcode::CAST => {
                let check = self.type_operand(code, arg, &f.globals)?;
                let v = f.stack.last_mut().ok_or_else(underflow)?;
                if !self.check_passes(&check, v) {
                    if let (Check::Class { class, .. }, Value::Int(i)) = (&check, &*v)
                        && Rc::ptr_eq(class, &self.types.float)
                    {
                        *v = Value::Float(*i as f64);
                    } else {
                        return Err(self.cast_error(&check, v));
                    }
                }
            }
            Opcode::REFINE_TYPE => {}
            Opcode::LOAD_TYPE => {
                let v = f.stack.last_mut().ok_or_else(underflow)?;
                *v = Value::Class(self.types.type_of(v));
            }
            Opcode::LOAD_CLASS => {
                let check = self.type_operand(code, arg, &f.globals)?;
                let v = match check {
                    Check::Class { class, .. } => Value::Class(class),
                    Check::Any => Value::Class(self.types.object.clone()),
                    Check::Prim(c) => match self.import_dotted("__static__")? {
                        Value::Module(m) => m.dict.get_item(prim::type_name(c)).unwrap_or_default(),
                        _ => Value::None,
                    },
                };
                f.stack.push(v);
            }
            Opcode::TP_ALLOC => {
                let check = self.type_operand(code, arg, &f.globals)?;
                let Check::Class { class, .. } = check else {
                    return Err(bad_operand(instr.op));
                };
                let obj = self.object_new(&class, &[], None)?;
                f.stack.push(obj);
            }
            Opcode::BUILD_CHECKED_LIST | Opcode::BUILD_CHECKED_MAP => {
                self.build_checked(f, code, instr)?;
            }
            Opcode::FAST_LEN => {
                let v = f.stack.last_mut().ok_or_else(underflow)?;
                let n = fast_len_of(v, arg);
                *v = Value::Int(match n {
                    Some(n) => n as i64,
                    None => {
                        let obj = std::mem::take(v);
                        self.len(&obj)? as i64
                    }
                });
            }
            Opcode::SEQUENCE_GET => {
                let idx = f.stack.pop().ok_or_else(underflow)?;
                let seqv = f.stack.last_mut().ok_or_else(underflow)?;
                let got = sequence_get(seqv, prim::as_bits(&idx), arg)?;
                *seqv = match got {
                    Some(v) => v,
                    None => {
                        let obj = std::mem::take(seqv);
                        let v = self.get_item(&obj, idx)?;
                        array_unbox(v, arg)?
                    }
                };
            }
            Opcode::SEQUENCE_SET => {
                let idx = f.stack.pop().ok_or_else(underflow)?;
                let seqv = f.stack.pop().ok_or_else(underflow)?;
                let v = f.stack.pop().ok_or_else(underflow)?;
                let v = if arg & seq::CHECKED_LIST == 0 && arg & 0x80 != 0 {
                    prim::box_value((arg >> 4) & 0xf, v)
                } else {
                    v
                };
                if let Some(v) = sequence_set(&seqv, prim::as_bits(&idx), v)? {
                    self.set_item(&seqv, idx, v)?;
                }
            }
            Opcode::LIST_DEL => {
                let idx = f.stack.pop().ok_or_else(underflow)?;
                let list = f.stack.pop().ok_or_else(underflow)?;
                self.del_item(&list, idx)?;
            }
            Opcode::LOAD_ITERABLE_ARG => {
                let v = f.stack.pop().ok_or_else(underflow)?;
                let items = match v {
                    Value::Tuple(t) => t,
                    other => {
                        let name = self.types.type_of(&other).name();
                        match self.collect(other) {
                            Ok(items) => Rc::new(items),
                            Err(_) => {
                                return Err(PyErr::type_error(format!(
                                    "argument after * must be an iterable, not {name}"
                                )));
                            }
                        }
                    }
                };
                let elem = items
                    .get(arg as usize)
                    .cloned()
                    .ok_or_else(|| PyErr::index_error("tuple index out of range"))?;
                f.stack.push(elem);
                f.stack.push(Value::Tuple(items));
            }
            Opcode::LOAD_MAPPING_ARG => {
                let name = f.stack.pop().ok_or_else(underflow)?;
                let mapping = f.stack.pop().ok_or_else(underflow)?;
                let default = if arg == 3 {
                    Some(f.stack.pop().ok_or_else(underflow)?)
                } else {
                    None
                };
                let found = match &mapping {
                    Value::Dict(d) => d.get_str(&name),
                    _ => None,
                };
                let v = match (found, default) {
                    (Some(v), _) => v,
                    (None, Some(d)) => d,
                    (None, None) => {
                        let n = name.as_str().map_or("?", |s| s.as_str());
                        return Err(PyErr::type_error(format!("missing argument {n}")));
                    }
                };
                f.stack.push(v);
            }
            other => {
                return Err(PyErr::new(
                    ExcKind::SystemError,
                    format!("unsupported static opcode {}", other.name()),
                ));
            }
        }
        Ok(None)
    }

    /// `CHECK_ARGS` for a call from dynamic code: unbox primitive parameters in place, check
    /// the others, raise `StaticTypeError` on a mismatch.
    fn check_args(&mut self, f: &mut Frame, code: &Rc<Code>, arg: u32) -> PyResult<()> {
        let s = slot(code, arg)?;
        if s.cache.get().is_none() {
            let Operand::ArgChecks(checks) = &s.operand else {
                return Err(bad_operand(Opcode::CHECK_ARGS));
            };
            let mut resolved = Vec::with_capacity(checks.len());
            for (idx, ty) in checks {
                let check = self.resolve_type(ty, &f.globals)?;
                let name = code
                    .localsplus_names
                    .get(*idx)
                    .cloned()
                    .unwrap_or_else(|| PyStr::intern("?"));
                resolved.push((*idx, check, name));
            }
            let _ = s.cache.set(Resolved::Args(resolved));
        }
        let Some(Resolved::Args(checks)) = s.cache.get() else {
            return Err(bad_operand(Opcode::CHECK_ARGS));
        };
        for (idx, check, name) in checks {
            let Some(v) = f.locals.get(*idx) else {
                continue;
            };
            if v.is_null() {
                continue;
            }
            let ok = match check {
                Check::Prim(c) => match prim::unbox(*c, v)? {
                    Some(p) => {
                        f.locals[*idx] = p;
                        true
                    }
                    None => false,
                },
                _ => self.check_passes(check, v),
            };
            if !ok {
                let v = f.locals[*idx].clone();
                let msg = format!(
                    "{} expected '{}' for argument {}, got '{}'",
                    code.qualname.as_str(),
                    self.check_name(check),
                    name.as_str(),
                    self.types.type_of(&v).name()
                );
                return Err(self.static_type_error(msg));
            }
        }
        Ok(())
    }

    /// The resolved type of a descriptor operand (cached in its slot).
    fn type_operand(
        &mut self,
        code: &Rc<Code>,
        arg: u32,
        globals: &Rc<crate::object::PyDict>,
    ) -> PyResult<Check> {
        let s = slot(code, arg)?;
        if let Some(Resolved::Type(c)) = s.cache.get() {
            return Ok(c.clone());
        }
        let ty = match &s.operand {
            Operand::Type(t) | Operand::Counted(t, _) => t,
            _ => return Err(bad_operand(Opcode::CAST)),
        };
        let c = self.resolve_type(ty, globals)?;
        let _ = s.cache.set(Resolved::Type(c.clone()));
        Ok(c)
    }

    /// Calls `target` from static code: a Python function runs without its `CHECK_ARGS`
    /// and returns primitives unboxed; anything else is an ordinary call.
    pub(crate) fn invoke_trusted(&mut self, target: &Value, args: &[Value]) -> PyResult<Value> {
        if let Value::Function(func) = target
            && args.len() == func.code.argcount
            && func.code.kwonlyargcount == 0
            && func.code.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
        {
            return self.run_trusted(func, args);
        }
        self.call_value(target, args, None)
    }

    fn run_trusted(&mut self, func: &Rc<Function>, args: &[Value]) -> PyResult<Value> {
        let code = &func.code;
        let mut locals = Vec::with_capacity(code.localsplus_names.len());
        locals.extend_from_slice(args);
        locals.resize(code.localsplus_names.len(), Value::Null);
        let frame = Frame {
            code: code.clone(),
            locals,
            stack: Vec::with_capacity(code.stacksize),
            pc: 0,
            last_pc: 0,
            globals: func.globals.clone(),
            builtins: self.builtins.clone(),
            names: None,
            closure: func.closure.clone(),
            kw_names: None,
            func: None,
            trusted: true,
        };
        self.run_frame(frame)
    }

    /// `INVOKE_METHOD`: a virtual call of `name` on `args[0]`'s type.
    fn invoke_method(&mut self, name: &Rc<PyStr>, args: &[Value]) -> PyResult<Value> {
        let receiver = &args[0];
        let key = Value::Str(name.clone());
        // A class or `super()` receiver binds through `getattr` (the method is not on its type).
        if !matches!(receiver, Value::Class(_) | Value::Super(_)) {
            let class = self.types.type_of(receiver);
            match class.lookup(&key) {
                Some(target @ Value::Function(_)) => return self.invoke_trusted(&target, args),
                Some(Value::StaticMethod(target)) => {
                    return self.invoke_trusted(&target, &args[1..]);
                }
                Some(Value::ClassMethod(target)) => {
                    let mut all = Vec::with_capacity(args.len());
                    all.push(Value::Class(class.clone()));
                    all.extend_from_slice(&args[1..]);
                    return self.invoke_trusted(&target, &all);
                }
                Some(target @ Value::Builtin(_)) => return self.call_value(&target, args, None),
                _ => {}
            }
        }
        let bound = self.get_attr(receiver, &key)?;
        self.call_value(&bound, &args[1..], None)
    }

    fn field_operand(
        &mut self,
        code: &Rc<Code>,
        arg: u32,
        globals: &Rc<crate::object::PyDict>,
    ) -> PyResult<(usize, Option<u32>, Rc<PyStr>)> {
        let s = slot(code, arg)?;
        let Operand::Field(ty, name) = &s.operand else {
            return Err(bad_operand(Opcode::LOAD_FIELD));
        };
        if let Some(Resolved::Field { index, prim, .. }) = s.cache.get() {
            return Ok((*index, *prim, name.clone()));
        }
        let check = self.resolve_type(ty, globals)?;
        let (class, index, prim) = match check {
            Check::Class { class, .. } => {
                let found = class
                    .layout
                    .as_ref()
                    .and_then(|l| l.index_of(name).map(|i| (i, l.fields[i].prim)));
                let (index, prim) = found.unwrap_or((usize::MAX, None));
                (class, index, prim)
            }
            _ => (self.types.object.clone(), usize::MAX, None),
        };
        let _ = s.cache.set(Resolved::Field { class, index, prim });
        Ok((index, prim, name.clone()))
    }

    fn load_field(&mut self, f: &mut Frame, code: &Rc<Code>, arg: u32) -> PyResult<()> {
        let (index, prim, name) = self.field_operand(code, arg, &f.globals)?;
        let top = f.stack.last_mut().ok_or_else(underflow)?;
        let found = match &*top {
            Value::Instance(inst) => inst
                .slots
                .borrow()
                .get(index)
                .map(|v| (v.clone(), inst.class())),
            _ => None,
        };
        if let Some((v, class)) = found {
            if v.is_null() {
                // An unset field may have a class-level default.
                if let Some(default) = class.lookup(&Value::Str(name.clone())) {
                    *top = default;
                    return Ok(());
                }
                return Err(PyErr::attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    class.name(),
                    name.as_str()
                )));
            }
            *top = v;
            return Ok(());
        }
        // A class without a layout keeps the field in the instance dict.
        if let Value::Instance(inst) = &*top
            && let Some(d) = &inst.dict
            && let Some(v) = d.get_str(&Value::Str(name.clone()))
        {
            *top = match prim {
                Some(c) if matches!(v, Value::Big(_)) => prim::unbox(c, &v)?.unwrap_or(v),
                _ => v,
            };
            return Ok(());
        }
        let obj = std::mem::take(top);
        let v = self.get_attr(&obj, &Value::Str(name))?;
        let v = match prim {
            Some(c) => prim::unbox(c, &v)?.unwrap_or(v),
            None => v,
        };
        f.stack.push(v);
        f.stack.swap_remove(f.stack.len() - 2);
        Ok(())
    }

    fn store_field(&mut self, f: &mut Frame, code: &Rc<Code>, arg: u32) -> PyResult<()> {
        let (index, prim, name) = self.field_operand(code, arg, &f.globals)?;
        let obj = f.stack.pop().ok_or_else(underflow)?;
        let v = f.stack.pop().ok_or_else(underflow)?;
        if let Value::Instance(inst) = &obj
            && let Some(slot) = inst.slots.borrow_mut().get_mut(index)
        {
            let old = std::mem::replace(slot, v);
            drop(old);
            return Ok(());
        }
        let v = match prim {
            Some(c) => prim::box_value(c, v),
            None => v,
        };
        self.set_attr(&obj, &Value::Str(name), v)
    }

    fn build_checked(&mut self, f: &mut Frame, code: &Rc<Code>, instr: Instr) -> PyResult<()> {
        let Operand::Counted(_, n) = slot(code, instr.arg)?.operand else {
            return Err(bad_operand(instr.op));
        };
        let check = self.type_operand(code, instr.arg, &f.globals)?;
        let is_map = instr.op == Opcode::BUILD_CHECKED_MAP;
        let count = if is_map { 2 * n } else { n };
        let base = f.stack.len().checked_sub(count).ok_or_else(underflow)?;
        let items = f.stack.split_off(base);
        let obj = match check {
            Check::Class { class, .. } => self.object_new(&class, &[], None)?,
            _ => Value::Null,
        };
        let payload = if is_map {
            let d = crate::object::new_dict();
            let mut it = items.into_iter();
            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                let key = self.make_key(k)?;
                d.set(key, v);
            }
            Value::Dict(d)
        } else {
            Value::list(items)
        };
        let result = match &obj {
            Value::Instance(inst) => {
                *inst.base_value.borrow_mut() = payload;
                obj
            }
            _ => payload,
        };
        f.stack.push(result);
        Ok(())
    }
}

/// The slot of a descriptor operand (the loader checked the index).
#[inline]
fn slot(code: &Code, arg: u32) -> PyResult<&Slot> {
    code.static_slots
        .get(arg as usize)
        .ok_or_else(|| PyErr::new(ExcKind::SystemError, "static operand out of range"))
}

fn jump(f: &mut Frame, op: Opcode, arg: u32) {
    match op {
        Opcode::POP_JUMP_BACKWARD_IF_ZERO | Opcode::POP_JUMP_BACKWARD_IF_NONZERO => {
            f.pc -= arg as usize
        }
        _ => f.pc += arg as usize,
    }
}

/// The built-in payload of a list/dict subclass instance (checked containers, `Array`).
fn payload(v: &Value) -> Option<Value> {
    match v {
        Value::Instance(inst) => {
            let inner = inst.base_value.borrow();
            (!inner.is_null()).then(|| inner.clone())
        }
        _ => None,
    }
}

fn fast_len_of(v: &Value, kind: u32) -> Option<usize> {
    let direct = |v: &Value| -> Option<usize> {
        Some(match v {
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) | Value::Set(d) | Value::FrozenSet(d) => d.len(),
            Value::Str(s) => s.char_len(),
            _ => return None,
        })
    };
    match direct(v) {
        Some(n) => Some(n),
        None if kind & fast_len::INEXACT != 0 || kind & 0xf == fast_len::ARRAY => {
            // A subclass instance may define `__len__`; only arrays are read directly.
            if kind & 0xf == fast_len::ARRAY {
                payload(v).as_ref().and_then(direct)
            } else {
                None
            }
        }
        None => None,
    }
}

/// Normalises a negative index; `None` when out of range.
#[inline]
fn norm_index(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

fn index_error(kind: u32) -> PyErr {
    let what = if kind & 0xff == seq::TUPLE {
        "tuple"
    } else if kind & 0x80 != 0 && kind & seq::CHECKED_LIST == 0 {
        "array"
    } else {
        "list"
    };
    PyErr::index_error(format!("{what} index out of range"))
}

/// An `Array` element read through `get_item`: unboxed to the element type.
fn array_unbox(v: Value, kind: u32) -> PyResult<Value> {
    if kind & seq::CHECKED_LIST == 0 && kind & 0x80 != 0 {
        let code = (kind >> 4) & 0xf;
        return Ok(prim::unbox(code, &v)?.unwrap_or(v));
    }
    Ok(v)
}

/// `SEQUENCE_GET` on a list, tuple, or list-backed instance; `Ok(None)` for anything else.
#[inline]
fn sequence_get(seqv: &Value, i: i64, kind: u32) -> PyResult<Option<Value>> {
    let got = match seqv {
        Value::List(l) => {
            let l = l.borrow();
            Some(norm_index(i, l.len()).map(|i| l[i].clone()))
        }
        Value::Tuple(t) => Some(norm_index(i, t.len()).map(|i| t[i].clone())),
        Value::Instance(inst) if kind & 0xff != seq::LIST_INEXACT => {
            match &*inst.base_value.borrow() {
                Value::List(l) => {
                    let l = l.borrow();
                    Some(norm_index(i, l.len()).map(|i| l[i].clone()))
                }
                _ => None,
            }
        }
        _ => None,
    };
    match got {
        Some(Some(v)) => Ok(Some(array_unbox(v, kind)?)),
        Some(None) => Err(index_error(kind)),
        None => Ok(None),
    }
}

/// `SEQUENCE_SET` on a list or list-backed instance; gives the value back for anything else.
#[inline]
fn sequence_set(seqv: &Value, i: i64, v: Value) -> PyResult<Option<Value>> {
    let list = match seqv {
        Value::List(l) => l.clone(),
        Value::Instance(inst) => match &*inst.base_value.borrow() {
            Value::List(l) => l.clone(),
            _ => return Ok(Some(v)),
        },
        _ => return Ok(Some(v)),
    };
    let mut l = list.borrow_mut();
    match norm_index(i, l.len()) {
        Some(i) => {
            let old = std::mem::replace(&mut l[i], v);
            drop(l);
            drop(old);
            Ok(None)
        }
        None => Err(PyErr::index_error("list assignment index out of range")),
    }
}
