//! Expressions: names, literals, comprehensions, lambdas, f-strings and the dispatch to
//! operators (`ops.rs`), calls (`call.rs`) and attributes (`attrs.rs`).

use std::rc::Rc;

use rustpython_parser::ast::{self, Ranged};

use super::errors::ErrorKind;
use super::interp::{Env, Eval, Interp, ScopeKind};
use super::values::{FunctionBody, ObjectData, Value};
use crate::diagnostics::Span;

impl<'a> Interp<'a> {
    /// Evaluates an expression. Each form has its own function so that this one, which
    /// every nested expression and call goes through, keeps a small stack frame.
    pub(crate) fn eval(&mut self, env: &Env<'a>, expr: &'a ast::Expr) -> Eval<'a> {
        let span = Span::from(expr.range());
        match expr {
            ast::Expr::Constant(c) => Ok(self.constant(&c.value)),
            ast::Expr::Name(n) => self.load_name(env, n.id.as_str(), span),
            ast::Expr::Attribute(a) => self.eval_attribute(env, a, span),
            ast::Expr::Call(c) => self.eval_call(env, c),
            ast::Expr::BinOp(b) => self.eval_binary(env, b, span),
            ast::Expr::UnaryOp(u) => self.eval_unary(env, u, span),
            ast::Expr::BoolOp(b) => self.eval_bool_op(env, b),
            ast::Expr::Compare(c) => self.eval_compare(env, c, span),
            ast::Expr::IfExp(e) => self.eval_if_exp(env, e),
            ast::Expr::Tuple(t) => self.eval_tuple(env, &t.elts),
            ast::Expr::List(l) => self.eval_list(env, &l.elts),
            ast::Expr::Set(s) => self.eval_set(env, &s.elts, span),
            ast::Expr::Dict(d) => self.eval_dict(env, d, span),
            ast::Expr::ListComp(c) => self.eval_list_comp(env, c),
            ast::Expr::GeneratorExp(c) => self.eval_generator_exp(env, c),
            ast::Expr::SetComp(c) => self.eval_set_comp(env, c, span),
            ast::Expr::DictComp(c) => self.eval_dict_comp(env, c, span),
            ast::Expr::Lambda(l) => self.define_function(
                env,
                "<lambda>",
                &l.args,
                FunctionBody::Lambda(&l.body),
                &[],
                false,
            ),
            ast::Expr::NamedExpr(n) => self.eval_named(env, n),
            ast::Expr::JoinedStr(j) => self.eval_joined_str(env, j),
            ast::Expr::FormattedValue(f) => self.eval_formatted(env, f, span),
            ast::Expr::Subscript(s) => self.eval_subscript(env, s, span),
            ast::Expr::Slice(s) => self.eval_slice(env, s),
            ast::Expr::Yield(y) => self.eval_yield(env, y),
            ast::Expr::YieldFrom(y) => self.eval_yield_from(env, y, span),
            ast::Expr::Await(a) => self.eval_await(env, a),
            ast::Expr::Starred(_) => self.unsupported(env, "*", "expression", span),
        }
    }

    fn eval_attribute(&mut self, env: &Env<'a>, a: &'a ast::ExprAttribute, span: Span) -> Eval<'a> {
        let object = self.eval(env, &a.value)?;
        self.get_attr(env, &object, a.attr.as_str(), span)
    }

    fn eval_binary(&mut self, env: &Env<'a>, b: &'a ast::ExprBinOp, span: Span) -> Eval<'a> {
        let left = self.eval(env, &b.left)?;
        let right = self.eval(env, &b.right)?;
        self.binary(env, b.op, left, right, span, false)
    }

    fn eval_unary(&mut self, env: &Env<'a>, u: &'a ast::ExprUnaryOp, span: Span) -> Eval<'a> {
        let operand = self.eval(env, &u.operand)?;
        self.unary(env, u.op, operand, span)
    }

    fn eval_bool_op(&mut self, env: &Env<'a>, b: &'a ast::ExprBoolOp) -> Eval<'a> {
        let mut last = Value::None;
        for (i, value) in b.values.iter().enumerate() {
            last = self.eval(env, value)?;
            if i + 1 == b.values.len() {
                break;
            }
            let truth = self.truthy(env, &last, Span::from(value.range()))?;
            match b.op {
                ast::BoolOp::And if !truth => break,
                ast::BoolOp::Or if truth => break,
                _ => {}
            }
        }
        Ok(last)
    }

    fn eval_compare(&mut self, env: &Env<'a>, c: &'a ast::ExprCompare, span: Span) -> Eval<'a> {
        let mut left = self.eval(env, &c.left)?;
        let mut result = Value::Bool(true);
        for (op, right) in c.ops.iter().zip(&c.comparators) {
            let right = self.eval(env, right)?;
            result = self.compare(env, *op, &left, &right, span)?;
            if !self.truthy(env, &result, span)? {
                return Ok(result);
            }
            left = right;
        }
        Ok(result)
    }

    fn eval_if_exp(&mut self, env: &Env<'a>, e: &'a ast::ExprIfExp) -> Eval<'a> {
        let test = self.eval(env, &e.test)?;
        if self.truthy(env, &test, Span::from(e.test.range()))? {
            self.eval(env, &e.body)
        } else {
            self.eval(env, &e.orelse)
        }
    }

    fn eval_tuple(&mut self, env: &Env<'a>, elts: &'a [ast::Expr]) -> Eval<'a> {
        let items = self.eval_elements(env, elts)?;
        Ok(Value::Tuple(Rc::from(items)))
    }

    fn eval_list(&mut self, env: &Env<'a>, elts: &'a [ast::Expr]) -> Eval<'a> {
        let items = self.eval_elements(env, elts)?;
        Ok(Value::object(&self.owner, ObjectData::List(items)))
    }

    fn eval_set(&mut self, env: &Env<'a>, elts: &'a [ast::Expr], span: Span) -> Eval<'a> {
        let items = self.eval_elements(env, elts)?;
        self.new_set(env, items, false, span)
    }

    fn eval_dict(&mut self, env: &Env<'a>, d: &'a ast::ExprDict, span: Span) -> Eval<'a> {
        let dict = self.new_dict(Vec::new());
        for (key, value) in d.keys.iter().zip(&d.values) {
            match key {
                Some(key) => {
                    let key = self.eval(env, key)?;
                    let value = self.eval(env, value)?;
                    self.dict_insert(env, &dict, key, value, span)?;
                }
                None => {
                    let other = self.eval(env, value)?;
                    for (k, v) in self.mapping_items(env, &other, span)? {
                        self.dict_insert(env, &dict, k, v, span)?;
                    }
                }
            }
        }
        Ok(dict)
    }

    fn eval_list_comp(&mut self, env: &Env<'a>, c: &'a ast::ExprListComp) -> Eval<'a> {
        let items = self.comprehension(env, &c.generators, Element::One(&c.elt))?;
        Ok(Value::object(&self.owner, ObjectData::List(items)))
    }

    fn eval_generator_exp(&mut self, env: &Env<'a>, c: &'a ast::ExprGeneratorExp) -> Eval<'a> {
        let items = self.comprehension(env, &c.generators, Element::One(&c.elt))?;
        Ok(Value::object(
            &self.owner,
            ObjectData::Iterator { items, pos: 0 },
        ))
    }

    fn eval_set_comp(&mut self, env: &Env<'a>, c: &'a ast::ExprSetComp, span: Span) -> Eval<'a> {
        let items = self.comprehension(env, &c.generators, Element::One(&c.elt))?;
        self.new_set(env, items, false, span)
    }

    fn eval_dict_comp(&mut self, env: &Env<'a>, c: &'a ast::ExprDictComp, span: Span) -> Eval<'a> {
        let pairs = self.comprehension(env, &c.generators, Element::Pair(&c.key, &c.value))?;
        let dict = self.new_dict(Vec::new());
        for pair in pairs {
            if let Value::Tuple(kv) = pair
                && let [k, v] = &*kv
            {
                self.dict_insert(env, &dict, k.clone(), v.clone(), span)?;
            }
        }
        Ok(dict)
    }

    fn eval_named(&mut self, env: &Env<'a>, n: &'a ast::ExprNamedExpr) -> Eval<'a> {
        let value = self.eval(env, &n.value)?;
        self.assign(env, &n.target, value.clone())?;
        Ok(value)
    }

    fn eval_joined_str(&mut self, env: &Env<'a>, j: &'a ast::ExprJoinedStr) -> Eval<'a> {
        let mut out = String::new();
        let mut exact = true;
        for value in &j.values {
            match self.eval(env, value)? {
                Value::Str(s) => out.push_str(&s),
                _ => exact = false,
            }
        }
        Ok(if exact {
            Value::str(&out)
        } else {
            Value::Opaque(Rc::from("<str>"))
        })
    }

    fn eval_formatted(
        &mut self,
        env: &Env<'a>,
        f: &'a ast::ExprFormattedValue,
        span: Span,
    ) -> Eval<'a> {
        let value = self.eval(env, &f.value)?;
        if let Some(spec) = &f.format_spec {
            self.eval(env, spec)?;
            if let Value::Unknown(name) = &value {
                return self.error(
                    env,
                    ErrorKind::UnknownAttribute {
                        value: name.to_string(),
                        attr: "__format__".into(),
                    },
                    span,
                );
            }
            return Ok(Value::Opaque(Rc::from("<str>")));
        }
        let text = match f.conversion {
            ast::ConversionFlag::Repr => self.repr(env, &value, span)?,
            _ => self.str_of(env, &value, span)?,
        };
        Ok(Value::str(&text))
    }

    fn eval_subscript(&mut self, env: &Env<'a>, s: &'a ast::ExprSubscript, span: Span) -> Eval<'a> {
        let object = self.eval(env, &s.value)?;
        let key = self.eval(env, &s.slice)?;
        self.get_item(env, &object, key, span)
    }

    fn eval_slice(&mut self, env: &Env<'a>, s: &'a ast::ExprSlice) -> Eval<'a> {
        let mut parts = Vec::with_capacity(3);
        for part in [&s.lower, &s.upper, &s.step] {
            parts.push(match part {
                Some(e) => self.eval(env, e)?,
                None => Value::None,
            });
        }
        let mut parts = parts.into_iter();
        let mut next = || parts.next().unwrap_or(Value::None);
        let (lower, upper, step) = (next(), next(), next());
        Ok(Value::object(
            &self.owner,
            ObjectData::Slice { lower, upper, step },
        ))
    }

    fn eval_yield(&mut self, env: &Env<'a>, y: &'a ast::ExprYield) -> Eval<'a> {
        let value = match &y.value {
            Some(v) => self.eval(env, v)?,
            None => Value::None,
        };
        if let Some(yields) = &env.yields {
            yields.borrow_mut().push(value);
        }
        Ok(Value::None)
    }

    fn eval_yield_from(
        &mut self,
        env: &Env<'a>,
        y: &'a ast::ExprYieldFrom,
        span: Span,
    ) -> Eval<'a> {
        let value = self.eval(env, &y.value)?;
        let items = self.iterate(env, &value, span)?;
        if let Some(yields) = &env.yields {
            yields.borrow_mut().extend(items);
        }
        Ok(Value::None)
    }

    fn eval_await(&mut self, env: &Env<'a>, a: &'a ast::ExprAwait) -> Eval<'a> {
        self.eval(env, &a.value)?;
        Ok(Value::Opaque(Rc::from("<awaited value>")))
    }

    pub(crate) fn constant(&self, constant: &ast::Constant) -> Value<'a> {
        match constant {
            ast::Constant::None => Value::None,
            ast::Constant::Bool(b) => Value::Bool(*b),
            ast::Constant::Str(s) => Value::str(s),
            ast::Constant::Bytes(b) => Value::Bytes(Rc::from(b.as_slice())),
            ast::Constant::Int(i) => Value::Int(i.clone()),
            ast::Constant::Float(f) => Value::Float(*f),
            ast::Constant::Tuple(items) => {
                Value::Tuple(items.iter().map(|c| self.constant(c)).collect())
            }
            ast::Constant::Complex { .. } => Value::Opaque(Rc::from("<complex>")),
            ast::Constant::Ellipsis => Value::Ellipsis,
        }
    }

    /// Looks a name up: locals, enclosing functions, the module, builtins.
    pub(crate) fn load_name(&mut self, env: &Env<'a>, name: &str, span: Span) -> Eval<'a> {
        if env.kind != ScopeKind::Module
            && !env.globals.contains(name)
            && let Some(v) = env.locals.borrow().get(name)
        {
            return Ok(v.clone());
        }
        if !env.globals.contains(name) {
            for scope in env.enclosing.iter().rev() {
                if let Some(v) = scope.borrow().get(name) {
                    return Ok(v.clone());
                }
            }
        }
        if let Some(v) = env.module.scope.borrow().get(name) {
            return Ok(v.clone());
        }
        if let Some(v) = self.builtins.borrow().get(name) {
            return Ok(v.clone());
        }
        let message = format!("name '{name}' is not defined");
        self.raise(env, "NameError", &message, span)
    }

    /// Elements of a tuple, list or set display, with `*iterable` unpacked.
    fn eval_elements(&mut self, env: &Env<'a>, elts: &'a [ast::Expr]) -> Eval<'a, Vec<Value<'a>>> {
        let mut items = Vec::new();
        for elt in elts {
            if let ast::Expr::Starred(s) = elt {
                let value = self.eval(env, &s.value)?;
                items.extend(self.iterate(env, &value, Span::from(s.range))?);
            } else {
                items.push(self.eval(env, elt)?);
            }
        }
        Ok(items)
    }

    fn eval_call(&mut self, env: &Env<'a>, call: &'a ast::ExprCall) -> Eval<'a> {
        let span = Span::from(call.range);
        if let ast::Expr::Name(n) = &*call.func
            && n.id.as_str() == "super"
            && call.args.is_empty()
            && let Some((class, receiver)) = &env.super_context
        {
            return Ok(Value::object(
                &self.owner,
                ObjectData::Super {
                    class: class.clone(),
                    receiver: receiver.clone(),
                },
            ));
        }
        let func = self.eval(env, &call.func)?;
        let args = self.eval_elements(env, &call.args)?;
        let mut kwargs = Vec::new();
        for keyword in &call.keywords {
            let value = self.eval(env, &keyword.value)?;
            match &keyword.arg {
                Some(name) => kwargs.push((name.to_string(), value)),
                None => {
                    for (k, v) in self.mapping_items(env, &value, span)? {
                        let key = match k {
                            Value::Str(s) => s.to_string(),
                            other => other.describe(),
                        };
                        kwargs.push((key, v));
                    }
                }
            }
        }
        self.call_value(env, &func, args, kwargs, span)
    }

    /// Runs the generators of a comprehension in its own scope; returns the elements
    /// (pairs as 2-tuples for dict comprehensions).
    fn comprehension(
        &mut self,
        env: &Env<'a>,
        generators: &'a [ast::Comprehension],
        element: Element<'a>,
    ) -> Eval<'a, Vec<Value<'a>>> {
        let Some(first) = generators.first() else {
            return Ok(Vec::new());
        };
        let outer_iterable = self.eval(env, &first.iter)?;
        let mut enclosing = env.enclosing.to_vec();
        if env.kind == ScopeKind::Function {
            enclosing.push(env.locals.clone());
        }
        let inner = Env {
            module: env.module.clone(),
            locals: self.scope(),
            enclosing: Rc::from(enclosing),
            kind: ScopeKind::Function,
            globals: Default::default(),
            nonlocals: Default::default(),
            super_context: env.super_context.clone(),
            yields: None,
        };
        let mut out = Vec::new();
        self.run_generators(
            &inner,
            generators,
            0,
            Some(outer_iterable),
            element,
            &mut out,
        )?;
        Ok(out)
    }

    fn run_generators(
        &mut self,
        env: &Env<'a>,
        generators: &'a [ast::Comprehension],
        index: usize,
        iterable: Option<Value<'a>>,
        element: Element<'a>,
        out: &mut Vec<Value<'a>>,
    ) -> Eval<'a, ()> {
        let Some(generator) = generators.get(index) else {
            let value = match element {
                Element::One(e) => self.eval(env, e)?,
                Element::Pair(k, v) => {
                    let key = self.eval(env, k)?;
                    let value = self.eval(env, v)?;
                    Value::Tuple(Rc::from(vec![key, value]))
                }
            };
            out.push(value);
            return Ok(());
        };
        let iterable = match iterable {
            Some(v) => v,
            None => self.eval(env, &generator.iter)?,
        };
        let items = self.iterate(env, &iterable, Span::from(generator.iter.range()))?;
        'items: for item in items {
            self.step(env, Span::from(generator.range))?;
            self.assign(env, &generator.target, item)?;
            for condition in &generator.ifs {
                let test = self.eval(env, condition)?;
                if !self.truthy(env, &test, Span::from(condition.range()))? {
                    continue 'items;
                }
            }
            self.run_generators(env, generators, index + 1, None, element, out)?;
        }
        Ok(())
    }
}

/// What a comprehension produces for each iteration.
#[derive(Clone, Copy)]
enum Element<'a> {
    One(&'a ast::Expr),
    Pair(&'a ast::Expr, &'a ast::Expr),
}
