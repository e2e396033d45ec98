//! Statements: assignment and binding, control flow (`if`, loops, `try`, `with`),
//! function definitions. Class definitions are in `classes.rs`, imports in `imports.rs`.

use std::rc::Rc;

use rustpython_parser::ast::{self, Ranged};

use super::errors::ErrorKind;
use super::interp::{Env, Eval, Flow, ITERATION_LIMIT, Interp, PyException, ScopeKind};
use super::values::{Function, FunctionBody, ObjectData, Value};
use crate::diagnostics::Span;

impl<'a> Interp<'a> {
    pub(crate) fn exec_block(&mut self, env: &Env<'a>, body: &'a [ast::Stmt]) -> Eval<'a, ()> {
        for stmt in body {
            self.exec_stmt(env, stmt)?;
        }
        Ok(())
    }

    /// Runs one statement. Each kind has its own function so that this one, which every
    /// nested block and call goes through, keeps a small stack frame.
    pub(crate) fn exec_stmt(&mut self, env: &Env<'a>, stmt: &'a ast::Stmt) -> Eval<'a, ()> {
        let span = Span::from(stmt.range());
        self.step(env, span)?;
        match stmt {
            ast::Stmt::Expr(s) => self.eval(env, &s.value).map(|_| ()),
            ast::Stmt::Assign(s) => self.exec_assign(env, s),
            ast::Stmt::AnnAssign(s) => self.exec_ann_assign(env, s),
            ast::Stmt::AugAssign(s) => self.aug_assign(env, s),
            ast::Stmt::FunctionDef(s) => self.exec_function_def(
                env,
                s.name.as_str(),
                &s.args,
                &s.body,
                &s.decorator_list,
                false,
                span,
            ),
            ast::Stmt::AsyncFunctionDef(s) => self.exec_function_def(
                env,
                s.name.as_str(),
                &s.args,
                &s.body,
                &s.decorator_list,
                true,
                span,
            ),
            ast::Stmt::ClassDef(s) => self.exec_class_def(env, s),
            ast::Stmt::Return(s) => Err(self.exec_return(env, s)?),
            ast::Stmt::Delete(s) => self.exec_delete(env, s),
            ast::Stmt::If(s) => self.exec_if(env, s),
            ast::Stmt::For(s) => self.exec_for(env, s),
            ast::Stmt::While(s) => self.exec_while(env, s),
            ast::Stmt::With(s) => self.exec_with(env, &s.items, &s.body),
            ast::Stmt::Raise(s) => Err(self.exec_raise(env, s, span)?),
            ast::Stmt::Try(s) => self.exec_try(env, &s.body, &s.handlers, &s.orelse, &s.finalbody),
            ast::Stmt::Assert(s) => self.exec_assert(env, s, span),
            ast::Stmt::Import(s) => self.exec_import(env, s, span),
            ast::Stmt::ImportFrom(s) => self.exec_import_from(env, s, span),
            ast::Stmt::Global(_) | ast::Stmt::Nonlocal(_) | ast::Stmt::Pass(_) => Ok(()),
            ast::Stmt::Break(_) => Err(Flow::Break),
            ast::Stmt::Continue(_) => Err(Flow::Continue),
            ast::Stmt::Match(_) => self.unsupported(env, "match", "statement", span),
            ast::Stmt::AsyncFor(_) => self.unsupported(env, "async for", "statement", span),
            ast::Stmt::AsyncWith(_) => self.unsupported(env, "async with", "statement", span),
            ast::Stmt::TryStar(_) => self.unsupported(env, "try*", "statement", span),
            ast::Stmt::TypeAlias(_) => self.unsupported(env, "type", "statement", span),
        }
    }

    fn exec_assign(&mut self, env: &Env<'a>, s: &'a ast::StmtAssign) -> Eval<'a, ()> {
        let value = self.eval(env, &s.value)?;
        for target in &s.targets {
            self.assign(env, target, value.clone())?;
        }
        Ok(())
    }

    fn exec_ann_assign(&mut self, env: &Env<'a>, s: &'a ast::StmtAnnAssign) -> Eval<'a, ()> {
        if env.kind == ScopeKind::Class
            && let ast::Expr::Name(name) = &*s.target
        {
            self.record_annotation(env, name.id.as_str(), &s.annotation);
        }
        if let Some(value) = &s.value {
            let value = self.eval(env, value)?;
            self.assign(env, &s.target, value)?;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn exec_function_def(
        &mut self,
        env: &Env<'a>,
        name: &str,
        params: &'a ast::Arguments,
        body: &'a [ast::Stmt],
        decorators: &'a [ast::Expr],
        is_async: bool,
        span: Span,
    ) -> Eval<'a, ()> {
        if is_async && env.kind != ScopeKind::Function && body_yields(body) {
            let func = name.to_string();
            return self.error(env, ErrorKind::Coroutine { func }, span);
        }
        let func = self.define_function(
            env,
            name,
            params,
            FunctionBody::Stmts(body),
            decorators,
            is_async,
        )?;
        self.store_name(env, name, func);
        Ok(())
    }

    fn exec_class_def(&mut self, env: &Env<'a>, s: &'a ast::StmtClassDef) -> Eval<'a, ()> {
        let class = self.define_class(env, s)?;
        self.store_name(env, s.name.as_str(), class);
        Ok(())
    }

    fn exec_return(&mut self, env: &Env<'a>, s: &'a ast::StmtReturn) -> Eval<'a, Flow<'a>> {
        let value = match &s.value {
            Some(v) => self.eval(env, v)?,
            None => Value::None,
        };
        Ok(Flow::Return(value))
    }

    fn exec_delete(&mut self, env: &Env<'a>, s: &'a ast::StmtDelete) -> Eval<'a, ()> {
        for target in &s.targets {
            self.delete(env, target)?;
        }
        Ok(())
    }

    fn exec_if(&mut self, env: &Env<'a>, s: &'a ast::StmtIf) -> Eval<'a, ()> {
        let test = self.eval(env, &s.test)?;
        if self.truthy(env, &test, Span::from(s.test.range()))? {
            self.exec_block(env, &s.body)
        } else {
            self.exec_block(env, &s.orelse)
        }
    }

    fn exec_assert(&mut self, env: &Env<'a>, s: &'a ast::StmtAssert, span: Span) -> Eval<'a, ()> {
        let test = self.eval(env, &s.test)?;
        if self.truthy(env, &test, Span::from(s.test.range()))? {
            return Ok(());
        }
        let message = match &s.msg {
            Some(msg) => {
                let msg = self.eval(env, msg)?;
                self.str_of(env, &msg, span)?
            }
            None => String::new(),
        };
        self.raise(env, "AssertionError", &message, span)
    }

    pub(crate) fn unsupported<T>(
        &self,
        env: &Env<'a>,
        op: &str,
        ty: &str,
        span: Span,
    ) -> Eval<'a, T> {
        self.error(
            env,
            ErrorKind::Unsupported {
                op: op.to_string(),
                ty: ty.to_string(),
            },
            span,
        )
    }

    /// Binds `name` in `env`, honouring `global` and `nonlocal` declarations.
    pub(crate) fn store_name(&mut self, env: &Env<'a>, name: &str, value: Value<'a>) {
        if env.kind == ScopeKind::Function {
            if env.globals.contains(name) {
                env.module
                    .scope
                    .borrow_mut()
                    .insert(name.to_string(), value);
                return;
            }
            if env.nonlocals.contains(name)
                && let Some(scope) = env
                    .enclosing
                    .iter()
                    .rev()
                    .find(|s| s.borrow().contains_key(name))
            {
                scope.borrow_mut().insert(name.to_string(), value);
                return;
            }
        }
        env.locals.borrow_mut().insert(name.to_string(), value);
    }

    /// Assigns `value` to an assignment target.
    pub(crate) fn assign(
        &mut self,
        env: &Env<'a>,
        target: &'a ast::Expr,
        value: Value<'a>,
    ) -> Eval<'a, ()> {
        let span = Span::from(target.range());
        match target {
            ast::Expr::Name(n) => {
                self.store_name(env, n.id.as_str(), value);
                Ok(())
            }
            ast::Expr::Attribute(a) => {
                let object = self.eval(env, &a.value)?;
                self.set_attr(env, &object, a.attr.as_str(), value, span)
            }
            ast::Expr::Subscript(s) => {
                let object = self.eval(env, &s.value)?;
                let key = self.eval(env, &s.slice)?;
                self.set_item(env, &object, key, value, span)
            }
            ast::Expr::Tuple(ast::ExprTuple { elts, .. })
            | ast::Expr::List(ast::ExprList { elts, .. }) => self.unpack(env, elts, value, span),
            ast::Expr::Starred(s) => self.assign(env, &s.value, value),
            _ => self.unsupported(env, "assignment", "expression", span),
        }
    }

    fn unpack(
        &mut self,
        env: &Env<'a>,
        targets: &'a [ast::Expr],
        value: Value<'a>,
        span: Span,
    ) -> Eval<'a, ()> {
        if matches!(value, Value::Poisoned | Value::Opaque(_)) {
            for target in targets {
                self.assign(env, target, value.clone())?;
            }
            return Ok(());
        }
        let items = self.iterate(env, &value, span)?;
        let star = targets
            .iter()
            .position(|t| matches!(t, ast::Expr::Starred(_)));
        let fits = match star {
            Some(_) => items.len() + 1 >= targets.len(),
            None => items.len() == targets.len(),
        };
        if !fits {
            return self.error(
                env,
                ErrorKind::FailedToUnpack {
                    count: targets.len(),
                },
                span,
            );
        }
        match star {
            None => {
                for (target, item) in targets.iter().zip(items) {
                    self.assign(env, target, item)?;
                }
            }
            Some(star) => {
                let after = targets.len() - star - 1;
                let middle_end = items.len() - after;
                let mut items = items;
                let tail = items.split_off(middle_end);
                let middle = items.split_off(star);
                for (target, item) in targets[..star].iter().zip(items) {
                    self.assign(env, target, item)?;
                }
                let list = Value::object(&self.owner, ObjectData::List(middle));
                self.assign(env, &targets[star], list)?;
                for (target, item) in targets[star + 1..].iter().zip(tail) {
                    self.assign(env, target, item)?;
                }
            }
        }
        Ok(())
    }

    fn aug_assign(&mut self, env: &Env<'a>, s: &'a ast::StmtAugAssign) -> Eval<'a, ()> {
        let span = Span::from(s.range);
        match &*s.target {
            ast::Expr::Name(n) => {
                let current = self.load_name(env, n.id.as_str(), Span::from(n.range))?;
                let rhs = self.eval(env, &s.value)?;
                let result = self.binary(env, s.op, current, rhs, span, true)?;
                self.store_name(env, n.id.as_str(), result);
            }
            ast::Expr::Attribute(a) => {
                let object = self.eval(env, &a.value)?;
                let current = self.get_attr(env, &object, a.attr.as_str(), span)?;
                let rhs = self.eval(env, &s.value)?;
                let result = self.binary(env, s.op, current, rhs, span, true)?;
                self.set_attr(env, &object, a.attr.as_str(), result, span)?;
            }
            ast::Expr::Subscript(sub) => {
                let object = self.eval(env, &sub.value)?;
                let key = self.eval(env, &sub.slice)?;
                let current = self.get_item(env, &object, key.clone(), span)?;
                let rhs = self.eval(env, &s.value)?;
                let result = self.binary(env, s.op, current, rhs, span, true)?;
                self.set_item(env, &object, key, result, span)?;
            }
            _ => return self.unsupported(env, "augmented assignment", "expression", span),
        }
        Ok(())
    }

    fn delete(&mut self, env: &Env<'a>, target: &'a ast::Expr) -> Eval<'a, ()> {
        let span = Span::from(target.range());
        match target {
            ast::Expr::Name(n) => {
                if env
                    .locals
                    .borrow_mut()
                    .shift_remove(n.id.as_str())
                    .is_none()
                {
                    let message = format!("name '{}' is not defined", n.id);
                    return self.raise(env, "NameError", &message, span);
                }
                Ok(())
            }
            ast::Expr::Subscript(s) => {
                let object = self.eval(env, &s.value)?;
                let key = self.eval(env, &s.slice)?;
                self.del_item(env, &object, key, span)
            }
            ast::Expr::Attribute(a) => {
                let object = self.eval(env, &a.value)?;
                self.del_attr(env, &object, a.attr.as_str(), span)
            }
            ast::Expr::Tuple(ast::ExprTuple { elts, .. })
            | ast::Expr::List(ast::ExprList { elts, .. }) => {
                for elt in elts {
                    self.delete(env, elt)?;
                }
                Ok(())
            }
            _ => self.unsupported(env, "del", "expression", span),
        }
    }

    fn exec_for(&mut self, env: &Env<'a>, s: &'a ast::StmtFor) -> Eval<'a, ()> {
        let iterable = self.eval(env, &s.iter)?;
        let items = self.iterate(env, &iterable, Span::from(s.iter.range()))?;
        for item in items {
            self.step(env, Span::from(s.range))?;
            self.assign(env, &s.target, item)?;
            match self.exec_block(env, &s.body) {
                Ok(()) | Err(Flow::Continue) => {}
                Err(Flow::Break) => return Ok(()),
                Err(other) => return Err(other),
            }
        }
        self.exec_block(env, &s.orelse)
    }

    fn exec_while(&mut self, env: &Env<'a>, s: &'a ast::StmtWhile) -> Eval<'a, ()> {
        let span = Span::from(s.range);
        let mut count = 0;
        loop {
            let test = self.eval(env, &s.test)?;
            // A condition the model cannot decide ends the loop rather than running it
            // to the iteration limit.
            if matches!(test, Value::Opaque(_) | Value::Poisoned)
                || !self.truthy(env, &test, Span::from(s.test.range()))?
            {
                break;
            }
            count += 1;
            if count > ITERATION_LIMIT {
                return self.error(env, ErrorKind::TooManyIterations, span);
            }
            self.step(env, span)?;
            match self.exec_block(env, &s.body) {
                Ok(()) | Err(Flow::Continue) => {}
                Err(Flow::Break) => return Ok(()),
                Err(other) => return Err(other),
            }
        }
        self.exec_block(env, &s.orelse)
    }

    fn exec_with(
        &mut self,
        env: &Env<'a>,
        items: &'a [ast::WithItem],
        body: &'a [ast::Stmt],
    ) -> Eval<'a, ()> {
        let Some((item, rest)) = items.split_first() else {
            return self.exec_block(env, body);
        };
        let span = Span::from(item.context_expr.range());
        let manager = self.eval(env, &item.context_expr)?;
        let enter = self.get_attr(env, &manager, "__enter__", span)?;
        let exit = self.get_attr(env, &manager, "__exit__", span)?;
        let entered = self.call_value(env, &enter, Vec::new(), Vec::new(), span)?;
        if let Some(vars) = &item.optional_vars {
            self.assign(env, vars, entered)?;
        }
        let result = self.exec_with(env, rest, body);
        match result {
            Err(Flow::Raise(exc)) => {
                let class = self.type_of(&exc.value);
                let args = vec![class, exc.value.clone(), Value::None];
                let suppress = self.call_value(env, &exit, args, Vec::new(), span)?;
                if self.truthy(env, &suppress, span)? {
                    Ok(())
                } else {
                    Err(Flow::Raise(exc))
                }
            }
            other => {
                let args = vec![Value::None, Value::None, Value::None];
                self.call_value(env, &exit, args, Vec::new(), span)?;
                other
            }
        }
    }

    fn exec_raise(
        &mut self,
        env: &Env<'a>,
        s: &'a ast::StmtRaise,
        span: Span,
    ) -> Eval<'a, Flow<'a>> {
        let Some(exc) = &s.exc else {
            return match self.handling.last() {
                Some(value) => Ok(Flow::Raise(PyException {
                    value: value.clone(),
                    path: env.path(),
                    span,
                    call_span: None,
                })),
                None => self.raise(env, "RuntimeError", "No active exception to reraise", span),
            };
        };
        let value = self.eval(env, exc)?;
        if let Some(cause) = &s.cause {
            self.eval(env, cause)?;
        }
        let value = match &value {
            Value::Unknown(name) => {
                return self.error(
                    env,
                    ErrorKind::UnknownCall {
                        value: name.to_string(),
                    },
                    Span::from(exc.range()),
                );
            }
            v if v.as_class().is_some() => self.call_value(env, v, Vec::new(), Vec::new(), span)?,
            _ => value,
        };
        Ok(Flow::Raise(PyException {
            value,
            path: env.path(),
            span,
            call_span: None,
        }))
    }

    fn exec_try(
        &mut self,
        env: &Env<'a>,
        body: &'a [ast::Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [ast::Stmt],
        finalbody: &'a [ast::Stmt],
    ) -> Eval<'a, ()> {
        let mut result = self.exec_block(env, body);
        if result.is_ok() {
            result = self.exec_block(env, orelse);
        } else if let Err(Flow::Raise(exc)) = result {
            result = self.handle(env, exc, handlers);
        }
        if finalbody.is_empty() {
            return result;
        }
        match self.exec_block(env, finalbody) {
            Ok(()) => result,
            Err(flow) => Err(flow),
        }
    }

    /// Runs the first handler that matches `exc`, or re-raises it.
    fn handle(
        &mut self,
        env: &Env<'a>,
        exc: PyException<'a>,
        handlers: &'a [ast::ExceptHandler],
    ) -> Eval<'a, ()> {
        for handler in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = handler;
            let matches = match &h.type_ {
                None => true,
                Some(ty) => {
                    let class = self.eval(env, ty)?;
                    self.exception_matches(env, &exc.value, &class, Span::from(ty.range()))?
                }
            };
            if !matches {
                continue;
            }
            if let Some(name) = &h.name {
                self.store_name(env, name.as_str(), exc.value.clone());
            }
            self.handling.push(exc.value.clone());
            let result = self.exec_block(env, &h.body);
            self.handling.pop();
            if let Some(name) = &h.name {
                env.locals.borrow_mut().shift_remove(name.as_str());
            }
            return result;
        }
        Err(Flow::Raise(exc))
    }

    fn exception_matches(
        &mut self,
        env: &Env<'a>,
        exc: &Value<'a>,
        class: &Value<'a>,
        span: Span,
    ) -> Eval<'a, bool> {
        match class {
            Value::Tuple(items) => {
                for item in items.iter() {
                    if self.exception_matches(env, exc, item, span)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Unknown(name) => self.error(
                env,
                ErrorKind::UnknownCall {
                    value: format!("isinstance({}, {name})", exc.describe()),
                },
                span,
            ),
            Value::Opaque(_) | Value::Poisoned => Ok(false),
            other => Ok(self.is_instance(exc, other)),
        }
    }

    /// Creates a function object (defaults and decorators evaluated as CPython does).
    pub(crate) fn define_function(
        &mut self,
        env: &Env<'a>,
        name: &str,
        params: &'a ast::Arguments,
        body: FunctionBody<'a>,
        decorators: &'a [ast::Expr],
        is_async: bool,
    ) -> Eval<'a> {
        let mut decorator_values = Vec::new();
        for decorator in decorators {
            decorator_values.push((self.eval(env, decorator)?, Span::from(decorator.range())));
        }
        let mut defaults = Vec::new();
        for param in params
            .posonlyargs
            .iter()
            .chain(&params.args)
            .chain(&params.kwonlyargs)
        {
            if let Some(default) = &param.default {
                let value = self.eval(env, default)?;
                defaults.push((param.def.arg.to_string(), value));
            }
        }
        let enclosing: Rc<[_]> = match env.kind {
            ScopeKind::Module => Rc::from(Vec::new()),
            ScopeKind::Class => env.enclosing.clone(),
            ScopeKind::Function => {
                self.arena_scopes.push(env.locals.clone());
                let mut scopes = env.enclosing.to_vec();
                scopes.push(env.locals.clone());
                Rc::from(scopes)
            }
        };
        let (globals, nonlocals) = match body {
            FunctionBody::Stmts(stmts) => super::call::declarations(stmts),
            FunctionBody::Lambda(_) => Default::default(),
        };
        let is_generator = match body {
            FunctionBody::Stmts(stmts) => body_yields(stmts),
            FunctionBody::Lambda(expr) => expr_yields(expr),
        };
        let mut attrs = indexmap::IndexMap::new();
        attrs.insert("__name__".to_string(), Value::str(name));
        attrs.insert("__qualname__".to_string(), Value::str(name));
        attrs.insert(
            "__module__".to_string(),
            Value::Str(env.module.name.clone()),
        );
        let doc = match body {
            FunctionBody::Stmts([ast::Stmt::Expr(e), ..]) => match &*e.value {
                ast::Expr::Constant(c) => match &c.value {
                    ast::Constant::Str(s) => Value::str(s),
                    _ => Value::None,
                },
                _ => Value::None,
            },
            _ => Value::None,
        };
        attrs.insert("__doc__".to_string(), doc);
        let func = Value::object(
            &self.owner,
            ObjectData::Function(Function {
                name: name.to_string(),
                params,
                body,
                module: env.module.clone(),
                enclosing,
                defaults,
                class_cell: None,
                attrs,
                is_generator,
                is_async,
                globals: Rc::new(globals),
                nonlocals: Rc::new(nonlocals),
            }),
        );
        self.track(&func);
        let mut result = func;
        for (decorator, span) in decorator_values.into_iter().rev() {
            result = self.call_value(env, &decorator, vec![result], Vec::new(), span)?;
        }
        Ok(result)
    }
}

/// Whether a function body contains `yield` (outside nested functions and classes).
pub(crate) fn body_yields(body: &[ast::Stmt]) -> bool {
    body.iter().any(stmt_yields)
}

fn stmt_yields(stmt: &ast::Stmt) -> bool {
    match stmt {
        ast::Stmt::FunctionDef(_) | ast::Stmt::AsyncFunctionDef(_) | ast::Stmt::ClassDef(_) => {
            false
        }
        ast::Stmt::Expr(s) => expr_yields(&s.value),
        ast::Stmt::Assign(s) => expr_yields(&s.value),
        ast::Stmt::AnnAssign(s) => s.value.as_deref().is_some_and(expr_yields),
        ast::Stmt::AugAssign(s) => expr_yields(&s.value),
        ast::Stmt::Return(s) => s.value.as_deref().is_some_and(expr_yields),
        ast::Stmt::If(s) => expr_yields(&s.test) || body_yields(&s.body) || body_yields(&s.orelse),
        ast::Stmt::For(s) => body_yields(&s.body) || body_yields(&s.orelse),
        ast::Stmt::While(s) => body_yields(&s.body) || body_yields(&s.orelse),
        ast::Stmt::With(s) => body_yields(&s.body),
        ast::Stmt::Try(s) => {
            body_yields(&s.body)
                || body_yields(&s.orelse)
                || body_yields(&s.finalbody)
                || s.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    body_yields(&h.body)
                })
        }
        _ => false,
    }
}

fn expr_yields(expr: &ast::Expr) -> bool {
    match expr {
        ast::Expr::Yield(_) | ast::Expr::YieldFrom(_) => true,
        ast::Expr::Await(a) => expr_yields(&a.value),
        ast::Expr::Call(c) => expr_yields(&c.func) || c.args.iter().any(expr_yields),
        ast::Expr::Tuple(t) => t.elts.iter().any(expr_yields),
        _ => false,
    }
}
