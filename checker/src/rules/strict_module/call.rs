//! Calls: of functions defined in strict modules (their bodies are interpreted), of
//! bound methods, partials, classes (`classes.rs`) and builtins (`builtins.rs`).
//!
//! When a call made at module level fails because of what the callee's body does, the
//! error becomes [`ErrorKind::UnsafeCall`] at the call, with the inner error as its cause.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use rustpython_parser::ast;

use super::errors::{ErrorKind, StrictError};
use super::interp::{CALL_DEPTH_LIMIT, Env, Eval, Flow, Interp, ScopeKind};
use super::values::{FunctionBody, Object, ObjectData, Value};
use crate::diagnostics::Span;

pub(crate) type Kwargs<'a> = Vec<(String, Value<'a>)>;

impl<'a> Interp<'a> {
    pub(crate) fn call_value(
        &mut self,
        env: &Env<'a>,
        callee: &Value<'a>,
        args: Vec<Value<'a>>,
        kwargs: Kwargs<'a>,
        span: Span,
    ) -> Eval<'a> {
        let o = match callee {
            Value::Unknown(name) => {
                return self.error(
                    env,
                    ErrorKind::UnknownCall {
                        value: name.to_string(),
                    },
                    span,
                );
            }
            Value::Opaque(d) => return Ok(Value::Opaque(Rc::from(format!("{d}()")))),
            Value::Poisoned => return Ok(Value::Poisoned),
            Value::Object(o) => o.clone(),
            _ => {
                let message = format!("'{}' object is not callable", callee.type_name());
                return self.raise(env, "TypeError", &message, span);
            }
        };
        enum Target<'a> {
            Function,
            Builtin(Rc<str>),
            BoundBuiltin(Value<'a>, Rc<str>),
            Bound(Value<'a>, Value<'a>),
            Class,
            Instance,
            Partial(Value<'a>, Vec<Value<'a>>, Kwargs<'a>),
            Static(Value<'a>),
            NotCallable,
        }
        let target = match &*o.data.borrow() {
            ObjectData::Function(_) => Target::Function,
            ObjectData::Builtin(name) => Target::Builtin(name.clone()),
            ObjectData::BoundBuiltin { receiver, name } => {
                Target::BoundBuiltin(receiver.clone(), name.clone())
            }
            ObjectData::BoundMethod { receiver, func } => {
                Target::Bound(receiver.clone(), func.clone())
            }
            ObjectData::Class(_) => Target::Class,
            ObjectData::Instance(_) => Target::Instance,
            ObjectData::Partial { func, args, kwargs } => {
                Target::Partial(func.clone(), args.clone(), kwargs.clone())
            }
            ObjectData::StaticMethod(func) => Target::Static(func.clone()),
            _ => Target::NotCallable,
        };
        match target {
            Target::Function => self.call_function(env, &o, args, kwargs, span),
            Target::Builtin(name) => self.call_builtin(env, &name, args, kwargs, span),
            Target::BoundBuiltin(receiver, name) => {
                self.call_method(env, &receiver, &name, args, kwargs, span)
            }
            Target::Bound(receiver, func) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(receiver);
                all.extend(args);
                self.call_value(env, &func, all, kwargs, span)
            }
            Target::Class => self.instantiate(env, &o, args, kwargs, span),
            Target::Instance => match self.lookup_special(callee, "__call__") {
                Some(method) => {
                    let mut all = vec![callee.clone()];
                    all.extend(args);
                    self.call_value(env, &method, all, kwargs, span)
                }
                None => {
                    let message = format!("'{}' object is not callable", callee.type_name());
                    self.raise(env, "TypeError", &message, span)
                }
            },
            Target::Partial(func, mut first, mut keywords) => {
                first.extend(args);
                keywords.extend(kwargs);
                self.call_value(env, &func, first, keywords, span)
            }
            Target::Static(func) => self.call_value(env, &func, args, kwargs, span),
            Target::NotCallable => {
                let message = format!("'{}' object is not callable", callee.type_name());
                self.raise(env, "TypeError", &message, span)
            }
        }
    }

    /// Runs a Python function's body with its arguments bound.
    fn call_function(
        &mut self,
        env: &Env<'a>,
        func: &Rc<Object<'a>>,
        args: Vec<Value<'a>>,
        kwargs: Kwargs<'a>,
        span: Span,
    ) -> Eval<'a> {
        let (
            name,
            params,
            body,
            module,
            enclosing,
            defaults,
            class_cell,
            is_generator,
            is_async,
            globals,
            nonlocals,
        ) = match &*func.data.borrow() {
            ObjectData::Function(f) => (
                f.name.clone(),
                f.params,
                f.body,
                f.module.clone(),
                f.enclosing.clone(),
                f.defaults.clone(),
                f.class_cell.clone(),
                f.is_generator,
                f.is_async,
                f.globals.clone(),
                f.nonlocals.clone(),
            ),
            _ => return Ok(Value::Poisoned),
        };
        self.step(env, span)?;
        if self.depth >= CALL_DEPTH_LIMIT {
            return self.raise(
                env,
                "RecursionError",
                "maximum recursion depth exceeded",
                span,
            );
        }
        let bound = match bind_arguments(&name, params, &defaults, args, kwargs) {
            Ok(bound) => bound,
            Err(message) => return self.raise(env, "TypeError", &message, span),
        };
        if is_async {
            return Ok(Value::Opaque(Rc::from(format!("<coroutine {name}>"))));
        }
        let locals = self.scope();
        let first = bound.first().and_then(|(_, b)| match b {
            Bound::Value(v) => Some(v.clone()),
            _ => None,
        });
        for (param, value) in bound {
            let value = match value {
                Bound::Value(v) => v,
                Bound::Varargs(items) => Value::Tuple(Rc::from(items)),
                Bound::Kwargs(items) => self.new_dict(
                    items
                        .into_iter()
                        .map(|(k, v)| (Value::str(&k), v))
                        .collect(),
                ),
            };
            locals.borrow_mut().insert(param, value);
        }
        let yields = is_generator.then(|| Rc::new(RefCell::new(Vec::new())));
        let inner = Env {
            module,
            locals,
            enclosing,
            kind: ScopeKind::Function,
            globals,
            nonlocals,
            super_context: class_cell.zip(first),
            yields: yields.clone(),
        };
        self.depth += 1;
        let result = match body {
            FunctionBody::Stmts(stmts) => self.exec_block(&inner, stmts).map(|()| Value::None),
            FunctionBody::Lambda(expr) => self.eval(&inner, expr),
        };
        self.depth -= 1;
        let result = match result {
            Ok(v) | Err(Flow::Return(v)) => Ok(v),
            Err(Flow::Break | Flow::Continue) => Ok(Value::None),
            Err(Flow::Raise(mut exc)) => {
                if self.depth == 0 && exc.call_span.is_none() && env.path().is_none() {
                    exc.call_span = Some(span);
                }
                Err(Flow::Raise(exc))
            }
            Err(Flow::Error(error)) => {
                // A mutation of another module's value or the iteration limit is
                // reported as what it is, at the call; anything else makes the call
                // unsafe.
                let kind = match &error.kind {
                    ErrorKind::ModifyImport { .. } | ErrorKind::TooManyIterations => {
                        error.kind.clone()
                    }
                    _ => ErrorKind::UnsafeCall { callee: name },
                };
                let mut outer = StrictError::new(kind, env.path(), span);
                outer.cause = Some(error);
                Err(Flow::Error(Box::new(outer)))
            }
        };
        match (result, yields) {
            (Ok(_), Some(yields)) => {
                let items = yields.borrow().clone();
                Ok(Value::object(
                    &self.owner,
                    ObjectData::Iterator { items, pos: 0 },
                ))
            }
            (result, _) => result,
        }
    }
}

/// One bound parameter.
pub(crate) enum Bound<'a> {
    Value(Value<'a>),
    Varargs(Vec<Value<'a>>),
    Kwargs(Vec<(String, Value<'a>)>),
}

/// Binds call arguments to parameters as CPython does; the error is a `TypeError` message.
fn bind_arguments<'a>(
    name: &str,
    params: &ast::Arguments,
    defaults: &[(String, Value<'a>)],
    args: Vec<Value<'a>>,
    kwargs: Kwargs<'a>,
) -> Result<Vec<(String, Bound<'a>)>, String> {
    let positional: Vec<&str> = params
        .posonlyargs
        .iter()
        .chain(&params.args)
        .map(|p| p.def.arg.as_str())
        .collect();
    let mut slots: Vec<(String, Option<Value<'a>>)> = positional
        .iter()
        .chain(
            params
                .kwonlyargs
                .iter()
                .map(|p| p.def.arg.as_str())
                .collect::<Vec<_>>()
                .iter(),
        )
        .map(|n| (n.to_string(), None))
        .collect();
    let mut extra = Vec::new();
    for (i, arg) in args.into_iter().enumerate() {
        if i < positional.len() {
            if let Some(slot) = slots.get_mut(i) {
                slot.1 = Some(arg);
            }
        } else if params.vararg.is_some() {
            extra.push(arg);
        } else {
            return Err(format!(
                "{name}() takes {} positional arguments but {} were given",
                positional.len(),
                i + 1 + extra.len()
            ));
        }
    }
    let mut extra_kwargs = Vec::new();
    let posonly = params.posonlyargs.len();
    for (key, value) in kwargs {
        let position = slots
            .iter()
            .position(|(n, _)| *n == key)
            .filter(|i| *i >= posonly);
        match position.and_then(|i| slots.get_mut(i)) {
            Some(slot) if slot.1.is_some() => {
                return Err(format!("{name}() got multiple values for argument '{key}'"));
            }
            Some(slot) => slot.1 = Some(value),
            None if params.kwarg.is_some() => extra_kwargs.push((key, value)),
            None => {
                return Err(format!(
                    "{name}() got an unexpected keyword argument '{key}'"
                ));
            }
        }
    }
    let mut bound = Vec::new();
    for (param, value) in slots {
        let value = match value {
            Some(v) => v,
            None => match defaults.iter().find(|(n, _)| *n == param) {
                Some((_, v)) => v.clone(),
                None => return Err(format!("{name}() missing required argument: '{param}'")),
            },
        };
        bound.push((param, Bound::Value(value)));
    }
    if let Some(vararg) = &params.vararg {
        bound.push((vararg.arg.to_string(), Bound::Varargs(extra)));
    }
    if let Some(kwarg) = &params.kwarg {
        bound.push((kwarg.arg.to_string(), Bound::Kwargs(extra_kwargs)));
    }
    Ok(bound)
}

/// The `global` and `nonlocal` names of a function body (not of nested functions).
pub(crate) fn declarations(body: &[ast::Stmt]) -> (HashSet<String>, HashSet<String>) {
    let mut globals = HashSet::new();
    let mut nonlocals = HashSet::new();
    fn walk(body: &[ast::Stmt], globals: &mut HashSet<String>, nonlocals: &mut HashSet<String>) {
        for stmt in body {
            match stmt {
                ast::Stmt::Global(g) => globals.extend(g.names.iter().map(|n| n.to_string())),
                ast::Stmt::Nonlocal(n) => nonlocals.extend(n.names.iter().map(|n| n.to_string())),
                ast::Stmt::If(s) => {
                    walk(&s.body, globals, nonlocals);
                    walk(&s.orelse, globals, nonlocals);
                }
                ast::Stmt::For(s) => {
                    walk(&s.body, globals, nonlocals);
                    walk(&s.orelse, globals, nonlocals);
                }
                ast::Stmt::While(s) => {
                    walk(&s.body, globals, nonlocals);
                    walk(&s.orelse, globals, nonlocals);
                }
                ast::Stmt::With(s) => walk(&s.body, globals, nonlocals),
                ast::Stmt::Try(s) => {
                    walk(&s.body, globals, nonlocals);
                    walk(&s.orelse, globals, nonlocals);
                    walk(&s.finalbody, globals, nonlocals);
                    for h in &s.handlers {
                        let ast::ExceptHandler::ExceptHandler(h) = h;
                        walk(&h.body, globals, nonlocals);
                    }
                }
                _ => {}
            }
        }
    }
    walk(body, &mut globals, &mut nonlocals);
    (globals, nonlocals)
}
