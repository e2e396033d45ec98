//! The eval loop: one `match` over the opcode table's `Opcode`, one arm per instruction.
//!
//! Input: a [`Frame`] positioned at its next instruction. Output: how the frame left
//! ([`Exit`]) or the exception that escaped it. Errors inside an instruction propagate with
//! `?` out of [`Interp::run`]; [`Interp::eval`] then consults the exception table, unwinds the
//! value stack and resumes at the handler, or returns the exception to the caller.
//!
//! The loader has checked every operand against the code object (local, constant and name
//! indices in range, jump targets inside the code), so the arms index those tables directly.

use std::rc::Rc;

use cinder_codegen::format::opcodes::Opcode;

use super::frame_ops::FRAME_BUILTINS;
use super::{Frame, Interp, fast};
use crate::object::{ExcKind, PyErr, PyResult, Value, new_dict};

const TRACE: bool = false;

/// How a frame stopped running.
pub enum Exit {
    Return(Value),
    Yield(Value),
    /// `RETURN_GENERATOR` ran: the caller wraps the frame in a generator object.
    Generator,
}

/// The item `n` places below the top (1 = the top).
fn peek(f: &Frame, n: usize) -> PyResult<&Value> {
    let len = f.stack.len();
    if n == 0 || n > len {
        return Err(PyErr::new(ExcKind::SystemError, "value stack underflow"));
    }
    Ok(&f.stack[len - n])
}

impl Interp {
    /// Runs `frame` until it returns, yields, or lets an exception escape. `throw` raises an
    /// exception at the current instruction first (generator `throw`).
    pub fn eval(&mut self, frame: &mut Frame, mut throw: Option<PyErr>) -> PyResult<Exit> {
        loop {
            let result = match throw.take() {
                Some(err) => Err(err),
                None => self.run(frame),
            };
            let err = match result {
                Ok(exit) => return Ok(exit),
                Err(err) => err,
            };
            let reraise = std::mem::take(&mut self.reraising);
            // RERAISE restores `last_pc` for the traceback, but the handler is looked up at
            // the instruction that actually raised.
            let fault_pc = self.reraise_pc.take().unwrap_or(frame.last_pc);
            let exc = self.materialize(err);
            if !reraise {
                self.add_traceback(&exc, frame);
            }
            match frame.code.handler_for(fault_pc) {
                Some(h) => {
                    frame.stack.truncate(h.depth as usize);
                    if h.lasti {
                        frame.stack.push(Value::Int(frame.last_pc as i64));
                    }
                    frame.stack.push(exc);
                    frame.pc = h.target as usize;
                }
                None => return Err(PyErr::Obj(exc)),
            }
        }
    }

    fn run(&mut self, f: &mut Frame) -> PyResult<Exit> {
        let code = f.code.clone();
        loop {
            let pc = f.pc;
            let Some(&instr) = code.instrs.get(pc) else {
                return Err(PyErr::new(
                    ExcKind::SystemError,
                    "instruction pointer out of range",
                ));
            };
            f.last_pc = pc;
            f.pc = pc + instr.size as usize;
            if TRACE {
                eprintln!(
                    "{:4} {:?} {} stack={}",
                    pc,
                    instr.op,
                    instr.arg,
                    f.stack.len()
                );
            }
            let arg = instr.arg as usize;
            match instr.op {
                Opcode::NOP | Opcode::RESUME | Opcode::CACHE | Opcode::EXTENDED_ARG => {}
                Opcode::PRECALL => {}
                Opcode::LOAD_FAST => {
                    let v = fast::copy_value(&f.locals[arg]);
                    if v.is_null() {
                        return Err(self.unbound_local(&code, arg));
                    }
                    f.stack.push(v);
                }
                Opcode::STORE_FAST => {
                    let v = pop!(f);
                    fast::release(std::mem::replace(&mut f.locals[arg], v));
                }
                Opcode::DELETE_FAST => {
                    if f.locals[arg].is_null() {
                        return Err(self.unbound_local(&code, arg));
                    }
                    f.locals[arg] = Value::Null;
                }
                Opcode::LOAD_CONST => f.stack.push(fast::copy_value(&code.consts[arg])),
                Opcode::POP_TOP => {
                    if let Some(v) = f.stack.pop() {
                        fast::release(v);
                    }
                    if crate::object::has_pending_close() {
                        self.close_pending_generators();
                    }
                }
                Opcode::PUSH_NULL => f.stack.push(Value::Null),
                Opcode::COPY => {
                    let v = peek(f, arg)?.clone();
                    f.stack.push(v);
                }
                Opcode::SWAP => {
                    let len = f.stack.len();
                    if arg == 0 || arg > len {
                        return Err(PyErr::new(ExcKind::SystemError, "value stack underflow"));
                    }
                    f.stack.swap(len - 1, len - arg);
                }
                Opcode::LOAD_GLOBAL => {
                    let name = &code.names[arg >> 1];
                    if arg & 1 != 0 {
                        f.stack.push(Value::Null);
                    }
                    let v = self.load_global(f, name)?;
                    f.stack.push(v);
                }
                Opcode::STORE_GLOBAL => {
                    let v = pop!(f);
                    f.globals.set_str(code.names[arg].clone(), v);
                }
                Opcode::DELETE_GLOBAL => {
                    if f.globals.remove_str(&code.names[arg]).is_none() {
                        return Err(self.name_error(&code.names[arg]));
                    }
                }
                Opcode::LOAD_NAME => {
                    let name = &code.names[arg];
                    let v = self.load_name(f, name)?;
                    f.stack.push(v);
                }
                Opcode::STORE_NAME => {
                    let v = pop!(f);
                    self.store_name(f, code.names[arg].clone(), v)?;
                }
                Opcode::DELETE_NAME => {
                    let name = &code.names[arg];
                    let removed = match &f.names {
                        Some(Value::Dict(d)) => d.remove_str(name).is_some(),
                        Some(ns) => {
                            let ns = ns.clone();
                            self.del_item(&ns, name.clone()).is_ok()
                        }
                        None => false,
                    };
                    if !removed {
                        return Err(self.name_error(name));
                    }
                }
                Opcode::LOAD_ATTR => {
                    let obj = pop!(f);
                    let v = self.get_attr(&obj, &code.names[arg])?;
                    f.stack.push(v);
                }
                Opcode::LOAD_METHOD => {
                    let obj = pop!(f);
                    let (a, b) = self.load_method(obj, &code.names[arg])?;
                    f.stack.push(a);
                    f.stack.push(b);
                }
                Opcode::STORE_ATTR => {
                    let obj = pop!(f);
                    let v = pop!(f);
                    self.set_attr(&obj, &code.names[arg], v)?;
                }
                Opcode::DELETE_ATTR => {
                    let obj = pop!(f);
                    self.del_attr(&obj, &code.names[arg])?;
                }
                Opcode::LOAD_DEREF | Opcode::LOAD_CLASSDEREF => {
                    if instr.op == Opcode::LOAD_CLASSDEREF
                        && let Some(Value::Dict(ns)) = &f.names
                        && let Some(v) = ns.get_str(&Value::Str(code.localsplus_names[arg].clone()))
                    {
                        f.stack.push(v);
                        continue;
                    }
                    let v = match &f.locals[arg] {
                        Value::Cell(c) => c.borrow().clone(),
                        other => other.clone(),
                    };
                    if v.is_null() {
                        return Err(self.unbound_deref(&code, arg));
                    }
                    f.stack.push(v);
                }
                Opcode::STORE_DEREF => {
                    let v = pop!(f);
                    match &f.locals[arg] {
                        Value::Cell(c) => {
                            let old = std::mem::replace(&mut *c.borrow_mut(), v);
                            drop(old);
                        }
                        _ => f.locals[arg] = v,
                    }
                }
                Opcode::DELETE_DEREF => {
                    if let Value::Cell(c) = &f.locals[arg] {
                        if c.borrow().is_null() {
                            return Err(self.unbound_deref(&code, arg));
                        }
                        let old = std::mem::take(&mut *c.borrow_mut());
                        drop(old);
                    }
                }
                Opcode::LOAD_CLOSURE => f.stack.push(f.locals[arg].clone()),
                Opcode::MAKE_CELL => {
                    let v = std::mem::take(&mut f.locals[arg]);
                    f.locals[arg] = Value::Cell(Rc::new(std::cell::RefCell::new(v)));
                }
                Opcode::COPY_FREE_VARS => {
                    if let Some(closure) = &f.closure {
                        let start = f.locals.len().saturating_sub(arg);
                        for (slot, cell) in f.locals[start..].iter_mut().zip(closure.iter()) {
                            *slot = cell.clone();
                        }
                    }
                }
                Opcode::BINARY_OP => {
                    let b = pop!(f);
                    let a = top!(f);
                    if let Some(r) = fast::binary(arg as u32, a, &b) {
                        fast::release(std::mem::replace(a, r));
                        fast::release(b);
                    } else {
                        *a = self.binary_op(arg as u32, std::mem::take(a), b)?;
                    }
                }
                Opcode::COMPARE_OP => {
                    let b = pop!(f);
                    let a = top!(f);
                    if let Some(r) = fast::compare(arg as u32, a, &b) {
                        fast::release(std::mem::replace(a, Value::Bool(r)));
                        fast::release(b);
                    } else {
                        *a = self.compare_op(arg as u32, std::mem::take(a), b)?;
                    }
                }
                Opcode::IS_OP => {
                    let b = pop!(f);
                    let a = top!(f);
                    *a = Value::Bool(a.is(&b) != (arg == 1));
                }
                Opcode::CONTAINS_OP => {
                    let container = pop!(f);
                    let item = pop!(f);
                    let found = self.contains(&container, &item)?;
                    f.stack.push(Value::Bool(found != (arg == 1)));
                }
                Opcode::UNARY_NOT => {
                    let a = top!(f);
                    let v = std::mem::take(a);
                    let t = self.truthy(&v)?;
                    *top!(f) = Value::Bool(!t);
                }
                Opcode::UNARY_NEGATIVE | Opcode::UNARY_POSITIVE | Opcode::UNARY_INVERT => {
                    let v = pop!(f);
                    let r = self.unary_op(instr.op, v)?;
                    f.stack.push(r);
                }
                Opcode::JUMP_FORWARD => f.pc += arg,
                Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT => f.pc -= arg,
                Opcode::POP_JUMP_FORWARD_IF_FALSE | Opcode::POP_JUMP_BACKWARD_IF_FALSE => {
                    let v = pop!(f);
                    let t = match v {
                        Value::Bool(b) => b,
                        other => self.truthy(&other)?,
                    };
                    if !t {
                        jump(f, instr.op, arg);
                    }
                }
                Opcode::POP_JUMP_FORWARD_IF_TRUE | Opcode::POP_JUMP_BACKWARD_IF_TRUE => {
                    let v = pop!(f);
                    let t = match v {
                        Value::Bool(b) => b,
                        other => self.truthy(&other)?,
                    };
                    if t {
                        jump(f, instr.op, arg);
                    }
                }
                Opcode::POP_JUMP_FORWARD_IF_NONE | Opcode::POP_JUMP_BACKWARD_IF_NONE => {
                    if pop!(f).is_none() {
                        jump(f, instr.op, arg);
                    }
                }
                Opcode::POP_JUMP_FORWARD_IF_NOT_NONE | Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE => {
                    if !pop!(f).is_none() {
                        jump(f, instr.op, arg);
                    }
                }
                Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP => {
                    let t = self.truthy(peek(f, 1)?)?;
                    if t == (instr.op == Opcode::JUMP_IF_TRUE_OR_POP) {
                        f.pc += arg;
                    } else {
                        f.stack.pop();
                    }
                }
                Opcode::GET_ITER => {
                    let v = pop!(f);
                    let it = self.get_iter(v)?;
                    f.stack.push(it);
                }
                Opcode::GET_YIELD_FROM_ITER => {
                    let v = pop!(f);
                    let it = if matches!(v, Value::Generator(_)) {
                        v
                    } else {
                        self.get_iter(v)?
                    };
                    f.stack.push(it);
                }
                Opcode::FOR_ITER => {
                    let next = self.next(peek(f, 1)?)?;
                    match next {
                        Some(v) => f.stack.push(v),
                        None => {
                            f.stack.pop();
                            f.pc += arg;
                        }
                    }
                }
                Opcode::BUILD_TUPLE => {
                    let items = f.stack.split_off(f.stack.len().saturating_sub(arg));
                    f.stack.push(Value::tuple(items));
                }
                Opcode::BUILD_LIST => {
                    let items = f.stack.split_off(f.stack.len().saturating_sub(arg));
                    f.stack.push(Value::list(items));
                }
                Opcode::BUILD_SET => {
                    let items = f.stack.split_off(f.stack.len().saturating_sub(arg));
                    let set = new_dict();
                    for item in items {
                        let key = self.make_key(item)?;
                        set.set(key, Value::None);
                    }
                    f.stack.push(Value::Set(set));
                }
                Opcode::BUILD_MAP => {
                    let items = f.stack.split_off(f.stack.len().saturating_sub(2 * arg));
                    let dict = new_dict();
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        let key = self.make_key(k)?;
                        dict.set(key, v);
                    }
                    f.stack.push(Value::Dict(dict));
                }
                Opcode::BUILD_CONST_KEY_MAP => {
                    let keys = pop!(f);
                    let values = f.stack.split_off(f.stack.len().saturating_sub(arg));
                    let dict = new_dict();
                    if let Value::Tuple(keys) = keys {
                        for (k, v) in keys.iter().zip(values) {
                            let key = self.make_key(k.clone())?;
                            dict.set(key, v);
                        }
                    }
                    f.stack.push(Value::Dict(dict));
                }
                Opcode::BUILD_STRING => {
                    let parts = f.stack.split_off(f.stack.len().saturating_sub(arg));
                    let mut s = String::new();
                    for p in &parts {
                        if let Value::Str(p) = p {
                            s.push_str(p.as_str());
                        }
                    }
                    f.stack.push(Value::from_string(s));
                }
                Opcode::BUILD_SLICE => {
                    let step = if arg == 3 { pop!(f) } else { Value::None };
                    let stop = pop!(f);
                    let start = pop!(f);
                    f.stack.push(Value::Slice(Rc::new([start, stop, step])));
                }
                Opcode::LIST_APPEND => {
                    let v = pop!(f);
                    if let Value::List(l) = peek(f, arg)? {
                        l.borrow_mut().push(v);
                    }
                }
                Opcode::SET_ADD => {
                    let v = pop!(f);
                    let key = self.make_key(v)?;
                    if let Value::Set(s) = peek(f, arg)? {
                        s.set(key, Value::None);
                    }
                }
                Opcode::MAP_ADD => {
                    let v = pop!(f);
                    let k = pop!(f);
                    let key = self.make_key(k)?;
                    if let Value::Dict(d) = peek(f, arg)? {
                        d.set(key, v);
                    }
                }
                Opcode::LIST_EXTEND => {
                    let v = pop!(f);
                    let items = self.collect(v)?;
                    if let Value::List(l) = peek(f, arg)? {
                        l.borrow_mut().extend(items);
                    }
                }
                Opcode::SET_UPDATE => {
                    let v = pop!(f);
                    let items = self.collect(v)?;
                    let target = peek(f, arg)?.clone();
                    if let Value::Set(s) = target {
                        for item in items {
                            let key = self.make_key(item)?;
                            s.set(key, Value::None);
                        }
                    }
                }
                Opcode::DICT_UPDATE | Opcode::DICT_MERGE => {
                    let v = pop!(f);
                    let target = peek(f, arg)?.clone();
                    if let Value::Dict(d) = target {
                        let func = if instr.op == Opcode::DICT_MERGE {
                            peek(f, arg + 2).ok().cloned()
                        } else {
                            None
                        };
                        self.dict_update(&d, v, func)?;
                    }
                }
                Opcode::LIST_TO_TUPLE => {
                    let v = pop!(f);
                    let items = match v {
                        Value::List(l) => l.borrow().clone(),
                        other => self.collect(other)?,
                    };
                    f.stack.push(Value::tuple(items));
                }
                Opcode::UNPACK_SEQUENCE => {
                    let v = pop!(f);
                    self.unpack_sequence(f, v, arg)?;
                }
                Opcode::UNPACK_EX => {
                    let v = pop!(f);
                    self.unpack_ex(f, v, arg & 0xff, arg >> 8)?;
                }
                Opcode::BINARY_SUBSCR => {
                    let index = pop!(f);
                    let obj = top!(f);
                    if let Some(r) = fast::get_item(obj, &index) {
                        *obj = r;
                        fast::release(index);
                    } else {
                        *obj = self.get_item(&std::mem::take(obj), index)?;
                    }
                }
                Opcode::STORE_SUBSCR => {
                    let index = pop!(f);
                    let obj = pop!(f);
                    let v = pop!(f);
                    match fast::set_item(&obj, &index, v) {
                        Ok(()) => fast::release(index),
                        Err(v) => self.set_item(&obj, index, v)?,
                    }
                }
                Opcode::DELETE_SUBSCR => {
                    let index = pop!(f);
                    let obj = pop!(f);
                    self.del_item(&obj, index)?;
                }
                Opcode::KW_NAMES => f.kw_names = Some(code.consts[arg].clone()),
                Opcode::CALL => {
                    let kw_names = f.kw_names.take();
                    let len = f.stack.len();
                    if len < arg + 2 {
                        return Err(PyErr::new(ExcKind::SystemError, "value stack underflow"));
                    }
                    let base = len - arg - 2;
                    if arg == 0 && f.stack[base].is_null() {
                        let frame_builtin = match &f.stack[base + 1] {
                            Value::Builtin(b)
                                if b.bound.is_none() && FRAME_BUILTINS.contains(&b.name) =>
                            {
                                Some(b.name)
                            }
                            Value::Class(k) if Rc::ptr_eq(k, &self.types.super_) => Some("super"),
                            _ => None,
                        };
                        {
                            if let Some(name) = frame_builtin {
                                let r = self.frame_builtin(f, name)?;
                                f.stack.truncate(base);
                                f.stack.push(r);
                                continue;
                            }
                        }
                    }
                    let result = if f.stack[base].is_null() {
                        let callable = std::mem::take(&mut f.stack[base + 1]);
                        if let Value::Method(m) = &callable {
                            f.stack[base + 1] = m.1.clone();
                            self.call_value(&m.0, &f.stack[base + 1..], kw_names.as_ref())?
                        } else {
                            self.call_value(&callable, &f.stack[base + 2..], kw_names.as_ref())?
                        }
                    } else {
                        let callable = std::mem::take(&mut f.stack[base]);
                        self.call_value(&callable, &f.stack[base + 1..], kw_names.as_ref())?
                    };
                    f.stack.truncate(base);
                    f.stack.push(result);
                }
                Opcode::CALL_FUNCTION_EX => {
                    let kwargs = if arg & 1 != 0 { Some(pop!(f)) } else { None };
                    let args = pop!(f);
                    let func = pop!(f);
                    if f.stack.last().is_some_and(Value::is_null) {
                        f.stack.pop();
                    }
                    let result = self.call_ex(&func, args, kwargs)?;
                    f.stack.push(result);
                }
                Opcode::MAKE_FUNCTION => {
                    let func = self.make_function(f, arg)?;
                    f.stack.push(func);
                }
                Opcode::RETURN_VALUE => return Ok(Exit::Return(pop!(f))),
                Opcode::RETURN_GENERATOR => return Ok(Exit::Generator),
                Opcode::YIELD_VALUE => return Ok(Exit::Yield(pop!(f))),
                Opcode::SEND => {
                    let v = pop!(f);
                    let receiver = peek(f, 1)?.clone();
                    match self.send(&receiver, v)? {
                        Ok(yielded) => f.stack.push(yielded),
                        Err(returned) => {
                            *top!(f) = returned;
                            f.pc += arg;
                        }
                    }
                }
                Opcode::LOAD_BUILD_CLASS => {
                    let v = self.builtin("__build_class__").unwrap_or_default();
                    f.stack.push(v);
                }
                Opcode::LOAD_ASSERTION_ERROR => {
                    f.stack.push(Value::Class(
                        self.types.exc(ExcKind::AssertionError).clone(),
                    ));
                }
                Opcode::RAISE_VARARGS => return Err(self.raise_varargs(f, arg)?),
                Opcode::RERAISE => {
                    let exc = pop!(f);
                    if arg != 0
                        && let Ok(Value::Int(lasti)) = peek(f, arg)
                    {
                        self.reraise_pc = Some(f.last_pc);
                        f.last_pc = usize::try_from(*lasti).unwrap_or(f.last_pc);
                    }
                    self.reraising = true;
                    return Err(PyErr::Obj(exc));
                }
                Opcode::PUSH_EXC_INFO => {
                    let v = pop!(f);
                    let prev = std::mem::replace(&mut self.exc_info, v.clone());
                    f.stack.push(prev);
                    f.stack.push(v);
                }
                Opcode::POP_EXCEPT => {
                    self.exc_info = pop!(f);
                }
                Opcode::CHECK_EXC_MATCH => {
                    let right = pop!(f);
                    let left = peek(f, 1)?.clone();
                    let m = self.exception_matches(&left, &right)?;
                    f.stack.push(Value::Bool(m));
                }
                Opcode::PREP_RERAISE_STAR | Opcode::CHECK_EG_MATCH => {
                    return Err(PyErr::new(ExcKind::SystemError, "except* is not supported"));
                }
                Opcode::GET_AWAITABLE => {
                    let v = pop!(f);
                    let a = self.get_awaitable(v, instr.arg)?;
                    f.stack.push(a);
                }
                Opcode::BEFORE_ASYNC_WITH => {
                    let mgr = pop!(f);
                    let (exit, r) = self.before_async_with(&mgr)?;
                    f.stack.push(exit);
                    f.stack.push(r);
                }
                Opcode::GET_AITER => {
                    let obj = pop!(f);
                    let it = self.get_aiter(&obj)?;
                    f.stack.push(it);
                }
                Opcode::GET_ANEXT => {
                    let aiter = peek(f, 1)?.clone();
                    let a = self.get_anext(&aiter)?;
                    f.stack.push(a);
                }
                Opcode::END_ASYNC_FOR => {
                    let exc = pop!(f);
                    if !self.ends_async_for(&exc)? {
                        self.reraising = true;
                        return Err(PyErr::Obj(exc));
                    }
                    f.stack.pop();
                }
                Opcode::BEFORE_WITH => {
                    let mgr = pop!(f);
                    let exit = self.special_method(&mgr, "__exit__")?;
                    let enter = self.special_method(&mgr, "__enter__")?;
                    f.stack.push(exit);
                    let r = self.call_value(&enter, &[], None)?;
                    f.stack.push(r);
                }
                Opcode::WITH_EXCEPT_START => {
                    let exc = peek(f, 1)?.clone();
                    let exit = peek(f, 4)?.clone();
                    let ty = Value::Class(self.types.type_of(&exc));
                    let tb = self
                        .get_attr_opt(&exc, &Value::str("__traceback__"))?
                        .unwrap_or(Value::None);
                    let r = self.call_value(&exit, &[ty, exc, tb], None)?;
                    f.stack.push(r);
                }
                Opcode::FORMAT_VALUE => {
                    let spec = if arg & 4 != 0 { pop!(f) } else { Value::None };
                    let v = pop!(f);
                    let v = match arg & 3 {
                        1 => Value::from_string(self.str_of(&v)?),
                        2 => Value::from_string(self.repr(&v)?),
                        3 => Value::from_string(crate::builtins::ascii_escape(&self.repr(&v)?)),
                        _ => v,
                    };
                    let s = match (&v, &spec) {
                        (Value::Str(_), Value::None) => v,
                        _ => Value::from_string(self.format(&v, &spec)?),
                    };
                    f.stack.push(s);
                }
                Opcode::IMPORT_NAME => {
                    let fromlist = pop!(f);
                    let level = pop!(f);
                    let m = self.import_name(f, &code.names[arg], fromlist, level)?;
                    f.stack.push(m);
                }
                Opcode::IMPORT_FROM => {
                    let m = peek(f, 1)?.clone();
                    let v = self.import_from(&m, &code.names[arg])?;
                    f.stack.push(v);
                }
                Opcode::IMPORT_STAR => {
                    let m = pop!(f);
                    self.import_star(f, &m)?;
                }
                Opcode::SETUP_ANNOTATIONS => {
                    if let Some(Value::Dict(ns)) = &f.names
                        && ns.get_item("__annotations__").is_none()
                    {
                        ns.set_item("__annotations__", Value::Dict(new_dict()));
                    }
                }
                Opcode::GET_LEN => {
                    let n = self.len(peek(f, 1)?)?;
                    f.stack.push(Value::Int(n as i64));
                }
                Opcode::MATCH_SEQUENCE | Opcode::MATCH_MAPPING => {
                    let v = peek(f, 1)?;
                    let r = self.match_kind(v, instr.op == Opcode::MATCH_MAPPING);
                    f.stack.push(Value::Bool(r));
                }
                Opcode::MATCH_KEYS => {
                    let keys = peek(f, 1)?.clone();
                    let subject = peek(f, 2)?.clone();
                    let r = self.match_keys(&subject, &keys)?;
                    f.stack.push(r);
                }
                Opcode::MATCH_CLASS => {
                    let names = pop!(f);
                    let klass = pop!(f);
                    let subject = pop!(f);
                    let r = self.match_class(&subject, &klass, arg, &names)?;
                    f.stack.push(r);
                }
                Opcode::PRINT_EXPR => {
                    let v = pop!(f);
                    if !v.is_none() {
                        let s = self.repr(&v)?;
                        self.write_out(&s);
                        self.write_out("\n");
                    }
                }
                // Static Python (issue 7): `static_rt::exec`.
                Opcode::PRIMITIVE_BINARY_OP
                | Opcode::PRIMITIVE_COMPARE_OP
                | Opcode::PRIMITIVE_UNARY_OP
                | Opcode::PRIMITIVE_LOAD_CONST
                | Opcode::PRIMITIVE_BOX
                | Opcode::PRIMITIVE_UNBOX
                | Opcode::CONVERT_PRIMITIVE
                | Opcode::POP_JUMP_IF_ZERO
                | Opcode::POP_JUMP_IF_NONZERO
                | Opcode::POP_JUMP_BACKWARD_IF_ZERO
                | Opcode::POP_JUMP_BACKWARD_IF_NONZERO
                | Opcode::JUMP_IF_ZERO_OR_POP
                | Opcode::JUMP_IF_NONZERO_OR_POP
                | Opcode::RETURN_PRIMITIVE
                | Opcode::LOAD_LOCAL
                | Opcode::STORE_LOCAL
                | Opcode::CHECK_ARGS
                | Opcode::INVOKE_FUNCTION
                | Opcode::INVOKE_METHOD
                | Opcode::LOAD_FIELD
                | Opcode::STORE_FIELD
                | Opcode::CAST
                | Opcode::REFINE_TYPE
                | Opcode::LOAD_TYPE
                | Opcode::LOAD_CLASS
                | Opcode::TP_ALLOC
                | Opcode::BUILD_CHECKED_LIST
                | Opcode::BUILD_CHECKED_MAP
                | Opcode::FAST_LEN
                | Opcode::SEQUENCE_GET
                | Opcode::SEQUENCE_SET
                | Opcode::LIST_DEL
                | Opcode::LOAD_ITERABLE_ARG
                | Opcode::LOAD_MAPPING_ARG => {
                    if let Some(exit) = self.exec_static(f, &code, instr)? {
                        return Ok(exit);
                    }
                }
                other => {
                    return Err(PyErr::new(
                        ExcKind::SystemError,
                        format!("unsupported opcode {}", other.name()),
                    ));
                }
            }
        }
    }
}

fn jump(f: &mut Frame, op: Opcode, arg: usize) {
    match op {
        Opcode::POP_JUMP_BACKWARD_IF_FALSE
        | Opcode::POP_JUMP_BACKWARD_IF_TRUE
        | Opcode::POP_JUMP_BACKWARD_IF_NONE
        | Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE => f.pc -= arg,
        _ => f.pc += arg,
    }
}
