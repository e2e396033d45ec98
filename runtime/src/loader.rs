//! The loader: `.pyc` bytes or a [`CodeObject`] to a runtime [`Code`].
//!
//! Input: untrusted bytes (or a code object from the compile hook). Output: a `Code` whose
//! instructions are decoded once (opcode from the one table, `EXTENDED_ARG` folded into the
//! argument, size including inline caches) and checked: every local, constant, name and jump
//! operand is in range, so the eval loop can index without checks. Anything malformed is a
//! [`LoadError`], never a panic.

use std::rc::Rc;

use cinder_codegen::format::code_object::{CodeObject, Constant, kinds};
use cinder_codegen::format::opcodes::{Opcode, Operand};
use cinder_codegen::format::{exception_table, line_table, pyc};

use crate::interp::{Code, Handler, Instr, Span};
use crate::object::{PyStr, Value, big_to_value, new_dict};
use crate::static_rt::descr::Slot;

/// Why a module could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The `.pyc` header or marshal data is malformed (a limit of the input, not a bug).
    BadPyc(String),
    /// The bytecode is not valid: an unknown opcode or an operand out of range.
    BadBytecode {
        code_name: String,
        offset: usize,
        message: String,
    },
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::BadPyc(m) => write!(f, "{m}"),
            LoadError::BadBytecode {
                code_name,
                offset,
                message,
            } => {
                write!(
                    f,
                    "invalid bytecode in {code_name} at offset {offset}: {message}"
                )
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Reads `.pyc` bytes (CPython 3.11's or ours) into runnable code.
pub fn load_pyc(bytes: &[u8]) -> Result<Rc<Code>, LoadError> {
    let (_header, code) = pyc::read(bytes).map_err(|e| LoadError::BadPyc(e.to_string()))?;
    load_code(&code)
}

/// Converts a code object (and, recursively, the code objects among its constants).
pub fn load_code(co: &CodeObject) -> Result<Rc<Code>, LoadError> {
    let bad = |offset: usize, message: String| LoadError::BadBytecode {
        code_name: co.qualname.clone(),
        offset,
        message,
    };
    let consts = co
        .consts
        .iter()
        .map(constant)
        .collect::<Result<Vec<_>, _>>()?;
    let names: Vec<Value> = co
        .names
        .iter()
        .map(|n| Value::Str(PyStr::intern(n)))
        .collect();
    let nlocals = co.localsplusnames.len();
    if co.localspluskinds.len() != nlocals {
        return Err(bad(
            0,
            "localsplusnames and localspluskinds differ in length".into(),
        ));
    }
    let units = co.code.len() / 2;
    let mut instrs = Vec::with_capacity(units);
    let mut ext: u32 = 0;
    let mut i = 0;
    while i < units {
        let byte = co.code[2 * i];
        let raw_arg = u32::from(co.code[2 * i + 1]);
        let Some(op) = Opcode::from_u8(byte) else {
            return Err(bad(2 * i, format!("unknown opcode {byte}")));
        };
        let arg = (ext << 8) | raw_arg;
        ext = if op == Opcode::EXTENDED_ARG { arg } else { 0 };
        let size = 1 + op.caches();
        instrs.push(Instr { op, arg, size });
        for _ in 0..op.caches() {
            instrs.push(Instr {
                op: Opcode::CACHE,
                arg: 0,
                size: 1,
            });
        }
        i += usize::from(size);
    }
    instrs.truncate(units);
    // Check operands; decode static descriptors once, into `static_slots` (the instruction's
    // argument then indexes that table).
    let mut static_slots: Vec<Slot> = Vec::new();
    let mut slot_of_const: Vec<Option<u32>> = Vec::new();
    let mut pc = 0;
    while pc < instrs.len() {
        let Instr { op, arg, size } = instrs[pc];
        let a = arg as usize;
        let next = pc + usize::from(size);
        let ok = match op.info().operand {
            Operand::Const | Operand::Descriptor => a < consts.len(),
            Operand::Name => a < names.len(),
            Operand::GlobalName => (a >> 1) < names.len(),
            Operand::Local | Operand::Free => a < nlocals,
            Operand::JumpForward => next + a <= instrs.len(),
            Operand::JumpBackward => a <= next,
            _ => true,
        };
        if !ok {
            return Err(bad(
                2 * pc,
                format!("operand {arg} of {} is out of range", op.name()),
            ));
        }
        if op.info().is_static() && op.info().operand == Operand::Descriptor {
            slot_of_const.resize(co.consts.len(), None);
            let index = match slot_of_const[a] {
                Some(i) => i,
                None => {
                    let operand = crate::static_rt::descr::decode(op, &co.consts[a])
                        .map_err(|m| bad(2 * pc, m))?;
                    static_slots.push(Slot {
                        operand,
                        cache: std::cell::OnceCell::new(),
                    });
                    let i = (static_slots.len() - 1) as u32;
                    slot_of_const[a] = Some(i);
                    i
                }
            };
            instrs[pc].arg = index;
        }
        if op == Opcode::KW_NAMES && !matches!(consts.get(a), Some(Value::Tuple(_))) {
            return Err(bad(2 * pc, "KW_NAMES operand is not a tuple".into()));
        }
        if matches!(
            op,
            Opcode::LOAD_DEREF
                | Opcode::STORE_DEREF
                | Opcode::DELETE_DEREF
                | Opcode::LOAD_CLASSDEREF
                | Opcode::MAKE_CELL
                | Opcode::LOAD_CLOSURE
        ) && co.localspluskinds[a] & (kinds::CELL | kinds::FREE) == 0
        {
            return Err(bad(
                2 * pc,
                format!("{} names a variable that is not a cell", op.name()),
            ));
        }
        pc = next;
    }
    let handlers = exception_table::decode(&co.exceptiontable)
        .map_err(|e| LoadError::BadPyc(e.to_string()))?
        .into_iter()
        .map(|h| Handler {
            start: h.start,
            end: h.end,
            target: h.target,
            depth: h.depth,
            lasti: h.lasti,
        })
        .collect::<Vec<_>>();
    for h in &handlers {
        if h.target as usize >= instrs.len() {
            return Err(bad(
                2 * h.target as usize,
                "exception handler target out of range".into(),
            ));
        }
    }
    let entries = match line_table::decode(co.firstlineno, &co.linetable) {
        Ok(e) => e,
        Err((partial, _)) => partial,
    };
    let mut spans: Vec<Span> = line_table::positions(&entries)
        .into_iter()
        .map(|loc| match loc {
            Some(l) => (
                l.line as i32,
                l.end_line as i32,
                l.col.map_or(-1, |c| c as i32),
                l.end_col.map_or(-1, |c| c as i32),
            ),
            None => (-1, -1, -1, -1),
        })
        .collect();
    spans.resize(instrs.len(), (-1, -1, -1, -1));
    let localsplus_names: Vec<Rc<PyStr>> =
        co.localsplusnames.iter().map(|n| PyStr::new(n)).collect();
    let free_start = co
        .localspluskinds
        .iter()
        .position(|k| k & kinds::FREE != 0)
        .unwrap_or(nlocals);
    let argcount = co.argcount as usize;
    let kwonly = co.kwonlyargcount as usize;
    let extra = usize::from(co.flags & 0x4 != 0) + usize::from(co.flags & 0x8 != 0);
    if argcount + kwonly + extra > nlocals {
        return Err(bad(0, "more arguments than local variables".into()));
    }
    Ok(Rc::new(Code {
        name: PyStr::new(&co.name),
        qualname: PyStr::new(&co.qualname),
        filename: PyStr::new(&co.filename),
        argcount,
        posonlyargcount: (co.posonlyargcount as usize).min(argcount),
        kwonlyargcount: kwonly,
        flags: co.flags,
        stacksize: co.stacksize as usize,
        firstlineno: co.firstlineno as i32,
        instrs,
        consts,
        names,
        localsplus_names,
        localsplus_kinds: co.localspluskinds.clone(),
        free_start,
        handlers,
        spans,
        static_slots,
    }))
}

fn constant(c: &Constant) -> Result<Value, LoadError> {
    Ok(match c {
        Constant::None => Value::None,
        Constant::Ellipsis => Value::Ellipsis,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(b) => big_to_value(b.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { real, imag } => Value::Complex(Rc::new((*real, *imag))),
        Constant::Str(s)
            if s.len() <= 40 && cinder_codegen::format::marshal::is_identifier_like(s) =>
        {
            Value::Str(PyStr::intern(s))
        }
        Constant::Str(s) => Value::str(s),
        Constant::Bytes(b) => Value::Bytes(Rc::new(b.clone())),
        Constant::Tuple(items) => {
            Value::tuple(items.iter().map(constant).collect::<Result<_, _>>()?)
        }
        Constant::FrozenSet(items) => {
            let set = new_dict();
            for item in items {
                let v = constant(item)?;
                if let Some(hash) = crate::object::dict::native_hash(&v) {
                    set.set(crate::object::Key { hash, value: v }, Value::None);
                }
            }
            Value::FrozenSet(set)
        }
        Constant::Code(code) => Value::Code(load_code(code)?),
    })
}
