//! Lazy iterators (`enumerate`, `zip`, `map`, `filter`, `reversed`, `iter(f, sentinel)`) and
//! the methods of iterators and generators (`__next__`, `send`, `throw`, `close`).

use std::cell::RefCell;
use std::rc::Rc;

use super::{check_args, def, def_class, kwarg};
use crate::interp::{Interp, native_iter};
use crate::object::{ExcKind, NativeIter, PyErr, PyResult, PyStr, Value};

type Kw = [(Rc<PyStr>, Value)];

pub fn install(interp: &mut Interp) {
    let b = interp.builtins.clone();
    def(&b, "enumerate", enumerate);
    def(&b, "zip", zip);
    def(&b, "map", map);
    def(&b, "filter", filter);
    def(&b, "reversed", reversed);
    let it = interp.types.iterator.clone();
    def_class(&it, "__next__", next_method);
    def_class(&it, "__iter__", iter_self);
    for g in [
        interp.types.generator.clone(),
        interp.types.coroutine.clone(),
    ] {
        def_class(&g, "__next__", next_method);
        def_class(&g, "__iter__", iter_self);
        def_class(&g, "send", gen_send);
        def_class(&g, "throw", gen_throw);
        def_class(&g, "close", gen_close);
    }
    // A coroutine is its own `__await__` iterator (CPython wraps it; `send` behaves the same).
    def_class(&interp.types.coroutine.clone(), "__await__", iter_self);
}

fn enumerate(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    check_args("enumerate", args, 1, 2)?;
    let iter = interp.get_iter(args[0].clone())?;
    let start = args
        .get(1)
        .cloned()
        .or_else(|| kwarg(kwargs, "start"))
        .unwrap_or(Value::Int(0));
    Ok(native_iter(NativeIter::Enumerate { iter, count: start }))
}

fn zip(interp: &mut Interp, args: &[Value], kwargs: &Kw) -> PyResult<Value> {
    let mut iters = Vec::with_capacity(args.len());
    for a in args {
        iters.push(interp.get_iter(a.clone())?);
    }
    let strict = match kwarg(kwargs, "strict") {
        Some(s) => interp.truthy(&s)?,
        None => false,
    };
    Ok(native_iter(NativeIter::Zip { iters, strict }))
}

fn map(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(args.len() - 1);
    for a in &args[1..] {
        iters.push(interp.get_iter(a.clone())?);
    }
    Ok(native_iter(NativeIter::Map {
        func: args[0].clone(),
        iters,
    }))
}

fn filter(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("filter", args, 2, 2)?;
    let iter = interp.get_iter(args[1].clone())?;
    Ok(native_iter(NativeIter::Filter {
        func: args[0].clone(),
        iter,
    }))
}

fn reversed(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("reversed", args, 1, 1)?;
    let v = &args[0];
    match v {
        Value::Range(r) => {
            let n = r.len().max(0);
            let last = r.start + (n - 1) * r.step;
            Ok(native_iter(NativeIter::Range {
                next: last,
                stop: r.start - r.step,
                step: -r.step,
            }))
        }
        Value::List(_) | Value::Tuple(_) | Value::Str(_) => {
            let items = match v {
                Value::Str(_) => interp.collect(v.clone())?,
                _ => Vec::new(),
            };
            let seq = if items.is_empty() {
                v.clone()
            } else {
                Value::tuple(items)
            };
            let len = interp.len(&seq)?;
            Ok(native_iter(NativeIter::Reversed { seq, index: len }))
        }
        Value::Dict(d) => {
            let mut keys = d.keys();
            keys.reverse();
            Ok(native_iter(NativeIter::Values {
                items: keys,
                index: 0,
            }))
        }
        other => {
            let klass = interp.types.type_of(other);
            if let Some(m) = klass.lookup_str("__reversed__") {
                return interp.call_value(&m, std::slice::from_ref(other), None);
            }
            if klass.lookup_str("__getitem__").is_some() && klass.lookup_str("__len__").is_some() {
                let len = interp.len(other)?;
                return Ok(native_iter(NativeIter::Reversed {
                    seq: other.clone(),
                    index: len,
                }));
            }
            Err(PyErr::type_error(format!(
                "'{}' object is not reversible",
                klass.name()
            )))
        }
    }
}

/// `next()` for the iterators that may call back into Python.
pub fn iter_next_slow(
    interp: &mut Interp,
    cell: &Rc<RefCell<NativeIter>>,
) -> PyResult<Option<Value>> {
    // Take the state out while calling Python, so re-entrant use cannot alias it.
    let mut state = std::mem::replace(&mut *cell.borrow_mut(), NativeIter::Exhausted);
    let result = step(interp, &mut state);
    *cell.borrow_mut() = state;
    result
}

fn step(interp: &mut Interp, state: &mut NativeIter) -> PyResult<Option<Value>> {
    match state {
        NativeIter::Seq { seq, index } => {
            let i = *index;
            *index += 1;
            match seq {
                Value::Bytes(b) => Ok(b.get(i).map(|x| Value::Int(i64::from(*x)))),
                Value::ByteArray(b) => Ok(b.borrow().get(i).map(|x| Value::Int(i64::from(*x)))),
                other => {
                    let other = other.clone();
                    match interp.get_item(&other, Value::Int(i as i64)) {
                        Ok(v) => Ok(Some(v)),
                        Err(e)
                            if interp.err_is(&e, ExcKind::IndexError)
                                || interp.err_is(&e, ExcKind::StopIteration) =>
                        {
                            Ok(None)
                        }
                        Err(e) => Err(e),
                    }
                }
            }
        }
        NativeIter::DictKeys { dict, index, kind } => {
            let map = dict.map.borrow();
            let r = map.get_index(*index).map(|(k, v)| match kind {
                1 => v.clone(),
                2 => Value::tuple(vec![k.value.clone(), v.clone()]),
                _ => k.value.clone(),
            });
            *index += 1;
            Ok(r)
        }
        NativeIter::Enumerate { iter, count } => {
            let iter = iter.clone();
            match interp.next(&iter)? {
                Some(v) => {
                    let c = count.clone();
                    *count = interp.binary_op(0, c.clone(), Value::Int(1))?;
                    Ok(Some(Value::tuple(vec![c, v])))
                }
                None => Ok(None),
            }
        }
        NativeIter::Zip { iters, strict } => {
            if iters.is_empty() {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(iters.len());
            for (i, it) in iters.clone().iter().enumerate() {
                match interp.next(it)? {
                    Some(v) => out.push(v),
                    None => {
                        if *strict && i > 0 {
                            return Err(PyErr::value_error(format!(
                                "zip() argument {} is shorter than argument{} 1{}",
                                i + 1,
                                if i > 1 { "s" } else { "" },
                                if i > 1 {
                                    format!("-{i}")
                                } else {
                                    String::new()
                                }
                            )));
                        }
                        return Ok(None);
                    }
                }
            }
            Ok(Some(Value::tuple(out)))
        }
        NativeIter::Map { func, iters } => {
            let mut args = Vec::with_capacity(iters.len());
            for it in iters.clone() {
                match interp.next(&it)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            let func = func.clone();
            interp.call_value(&func, &args, None).map(Some)
        }
        NativeIter::Filter { func, iter } => {
            let (func, iter) = (func.clone(), iter.clone());
            while let Some(v) = interp.next(&iter)? {
                let keep = if func.is_none() {
                    interp.truthy(&v)?
                } else {
                    let r = interp.call_value(&func, std::slice::from_ref(&v), None)?;
                    interp.truthy(&r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            }
            Ok(None)
        }
        NativeIter::Reversed { seq, index } => {
            if *index == 0 {
                return Ok(None);
            }
            *index -= 1;
            let seq = seq.clone();
            interp.get_item(&seq, Value::Int(*index as i64)).map(Some)
        }
        NativeIter::Callable { func, sentinel } => {
            let func = func.clone();
            let v = interp.call_value(&func, &[], None)?;
            if interp.eq(&v, sentinel)? {
                *state = NativeIter::Exhausted;
                return Ok(None);
            }
            Ok(Some(v))
        }
        NativeIter::Count { next, step } => {
            let v = next.clone();
            *next = interp.binary_op(0, v.clone(), step.clone())?;
            Ok(Some(v))
        }
        NativeIter::Cycle {
            iter,
            saved,
            index,
            exhausted,
        } => {
            if !*exhausted {
                let it = iter.clone();
                if let Some(v) = interp.next(&it)? {
                    saved.push(v.clone());
                    return Ok(Some(v));
                }
                *exhausted = true;
            }
            if saved.is_empty() {
                return Ok(None);
            }
            let v = saved[*index % saved.len()].clone();
            *index += 1;
            Ok(Some(v))
        }
        NativeIter::Chain {
            iters,
            current,
            from_iterable,
        } => loop {
            if !current.is_null() {
                let c = current.clone();
                if let Some(v) = interp.next(&c)? {
                    return Ok(Some(v));
                }
                *current = Value::Null;
            }
            let next_iterable = if *from_iterable {
                let Some(outer) = iters.first().cloned() else {
                    return Ok(None);
                };
                interp.next(&outer)?
            } else if iters.is_empty() {
                None
            } else {
                Some(iters.remove(0))
            };
            match next_iterable {
                Some(it) => *current = interp.get_iter(it)?,
                None => return Ok(None),
            }
        },
        NativeIter::Repeat { value, remaining } => match remaining {
            Some(0) => Ok(None),
            Some(n) => {
                *n -= 1;
                Ok(Some(value.clone()))
            }
            None => Ok(Some(value.clone())),
        },
        NativeIter::Range { .. } | NativeIter::Str { .. } | NativeIter::Values { .. } => Err(
            PyErr::new(ExcKind::SystemError, "iterator handled on the fast path"),
        ),
        NativeIter::Exhausted => Ok(None),
    }
}

fn next_method(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("__next__", args, 1, 1)?;
    if let Value::Generator(g) = &args[0] {
        return match interp.resume(g, Value::None, None)? {
            Ok(v) => Ok(v),
            Err(r) if r.is_none() => Err(PyErr::bare(ExcKind::StopIteration)),
            Err(r) => Err(PyErr::with_arg(ExcKind::StopIteration, r)),
        };
    }
    match interp.next(&args[0])? {
        Some(v) => Ok(v),
        None => Err(PyErr::bare(ExcKind::StopIteration)),
    }
}

fn iter_self(_: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or_default())
}

fn generator(args: &[Value]) -> PyResult<Rc<crate::object::Generator>> {
    match args.first() {
        Some(Value::Generator(g)) => Ok(g.clone()),
        _ => Err(PyErr::type_error(
            "descriptor requires a 'generator' object",
        )),
    }
}

fn finish(r: Result<Value, Value>) -> PyResult<Value> {
    match r {
        Ok(v) => Ok(v),
        Err(r) if r.is_none() => Err(PyErr::bare(ExcKind::StopIteration)),
        Err(r) => Err(PyErr::with_arg(ExcKind::StopIteration, r)),
    }
}

fn gen_send(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("send", args, 2, 2)?;
    let g = generator(args)?;
    let fresh = g
        .frame
        .borrow()
        .as_ref()
        .is_some_and(|f| f.stack.is_empty() && started_at_start(f));
    if fresh && !args[1].is_none() {
        return Err(PyErr::type_error(
            "can't send non-None value to a just-started generator",
        ));
    }
    let r = interp.resume(&g, args[1].clone(), None)?;
    finish(r)
}

fn started_at_start(f: &crate::interp::Frame) -> bool {
    // A generator that has not run yet sits right after RETURN_GENERATOR.
    f.code
        .instrs
        .get(f.pc)
        .is_some_and(|i| i.op == cinder_codegen::format::Opcode::POP_TOP)
        && f.code
            .instrs
            .get(f.pc.wrapping_sub(1))
            .is_some_and(|i| i.op == cinder_codegen::format::Opcode::RETURN_GENERATOR)
}

fn gen_throw(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    check_args("throw", args, 2, 4)?;
    let g = generator(args)?;
    let exc = match &args[1] {
        Value::Class(_) => {
            let a: Vec<Value> = args
                .get(2)
                .filter(|v| !v.is_none())
                .cloned()
                .into_iter()
                .collect();
            interp.call_value(&args[1], &a, None)?
        }
        other => other.clone(),
    };
    let exc = interp.make_exception(exc)?;
    let r = interp.resume(&g, Value::None, Some(PyErr::Obj(exc)))?;
    finish(r)
}

fn gen_close(interp: &mut Interp, args: &[Value], _: &Kw) -> PyResult<Value> {
    let g = generator(args)?;
    if g.frame.borrow().is_none() {
        return Ok(Value::None);
    }
    let exc = interp.materialize(PyErr::bare(ExcKind::GeneratorExit));
    match interp.resume(&g, Value::None, Some(PyErr::Obj(exc))) {
        Ok(Ok(_)) => Err(PyErr::new(
            ExcKind::RuntimeError,
            "generator ignored GeneratorExit",
        )),
        Ok(Err(_)) => Ok(Value::None),
        Err(e)
            if interp.err_is(&e, ExcKind::GeneratorExit)
                || interp.err_is(&e, ExcKind::StopIteration) =>
        {
            *g.frame.borrow_mut() = None;
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}
