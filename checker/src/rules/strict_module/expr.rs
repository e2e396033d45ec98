//! Expressions: names, literals, comprehensions, lambdas, f-strings and the dispatch to
//! operators (`ops.rs`), calls (`call.rs`) and attributes (`attrs.rs`).

use std::rc::Rc;

use rustpython_parser::ast::{self, Ranged};

use super::errors::ErrorKind;
use super::interp::{Env, Eval, Interp, ScopeKind};
use super::values::{FunctionBody, ObjectData, Value};
use crate::diagnostics::Span;

impl<'a> Interp<'a> {
    pub(crate) fn eval(&mut self, env: &Env<'a>, expr: &'a ast::Expr) -> Eval<'a> {
        let span = Span::from(expr.range());
        match expr {
            ast::Expr::Constant(c) => Ok(self.constant(&c.value)),
            ast::Expr::Name(n) => self.load_name(env, n.id.as_str(), span),
            ast::Expr::Attribute(a) => {
                let object = self.eval(env, &a.value)?;
                self.get_attr(env, &object, a.attr.as_str(), span)
            }
            ast::Expr::Call(c) => self.eval_call(env, c),
            ast::Expr::BinOp(b) => {
                let left = self.eval(env, &b.left)?;
                let right = self.eval(env, &b.right)?;
                self.binary(env, b.op, left, right, span, false)
            }
            ast::Expr::UnaryOp(u) => {
                let operand = self.eval(env, &u.operand)?;
                self.unary(env, u.op, operand, span)
            }
            ast::Expr::BoolOp(b) => {
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
            ast::Expr::Compare(c) => {
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
            ast::Expr::IfExp(e) => {
                let test = self.eval(env, &e.test)?;
                if self.truthy(env, &test, Span::from(e.test.range()))? {
                    self.eval(env, &e.body)
                } else {
                    self.eval(env, &e.orelse)
                }
            }
            ast::Expr::Tuple(t) => {
                let items = self.eval_elements(env, &t.elts)?;
                Ok(Value::Tuple(Rc::from(items)))
            }
            ast::Expr::List(l) => {
                let items = self.eval_elements(env, &l.elts)?;
                Ok(Value::object(&self.owner, ObjectData::List(items)))
            }
            ast::Expr::Set(s) => {
                let items = self.eval_elements(env, &s.elts)?;
                self.new_set(env, items, false, span)
            }
            ast::Expr::Dict(d) => {
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
            ast::Expr::ListComp(c) => {
                let items = self.comprehension(env, &c.generators, Element::One(&c.elt))?;
                Ok(Value::object(&self.owner, ObjectData::List(items)))
            }
            ast::Expr::GeneratorExp(c) => {
                let items = self.comprehension(env, &c.generators, Element::One(&c.elt))?;
                Ok(Value::object(
                    &self.owner,
                    ObjectData::Iterator { items, pos: 0 },
                ))
            }
            ast::Expr::SetComp(c) => {
                let items = self.comprehension(env, &c.generators, Element::One(&c.elt))?;
                self.new_set(env, items, false, span)
            }
            ast::Expr::DictComp(c) => {
                let pairs =
                    self.comprehension(env, &c.generators, Element::Pair(&c.key, &c.value))?;
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
            ast::Expr::Lambda(l) => self.define_function(
                env,
                "<lambda>",
                &l.args,
                FunctionBody::Lambda(&l.body),
                &[],
                false,
            ),
            ast::Expr::NamedExpr(n) => {
                let value = self.eval(env, &n.value)?;
                self.assign(env, &n.target, value.clone())?;
                Ok(value)
            }
            ast::Expr::JoinedStr(j) => {
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
            ast::Expr::FormattedValue(f) => {
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
                    _ => self.to_str(env, &value, span)?,
                };
                Ok(Value::str(&text))
            }
            ast::Expr::Subscript(s) => {
                let object = self.eval(env, &s.value)?;
                let key = self.eval(env, &s.slice)?;
                self.get_item(env, &object, key, span)
            }
            ast::Expr::Slice(s) => {
                let part = |e: &'a Option<Box<ast::Expr>>, me: &mut Self| -> Eval<'a> {
                    match e {
                        Some(e) => me.eval(env, e),
                        None => Ok(Value::None),
                    }
                };
                let lower = part(&s.lower, self)?;
                let upper = part(&s.upper, self)?;
                let step = part(&s.step, self)?;
                Ok(Value::object(
                    &self.owner,
                    ObjectData::Slice { lower, upper, step },
                ))
            }
            ast::Expr::Yield(y) => {
                let value = match &y.value {
                    Some(v) => self.eval(env, v)?,
                    None => Value::None,
                };
                if let Some(yields) = &env.yields {
                    yields.borrow_mut().push(value);
                }
                Ok(Value::None)
            }
            ast::Expr::YieldFrom(y) => {
                let value = self.eval(env, &y.value)?;
                let items = self.iterate(env, &value, span)?;
                if let Some(yields) = &env.yields {
                    yields.borrow_mut().extend(items);
                }
                Ok(Value::None)
            }
            ast::Expr::Await(a) => {
                self.eval(env, &a.value)?;
                Ok(Value::Opaque(Rc::from("<awaited value>")))
            }
            ast::Expr::Starred(_) => self.unsupported(env, "*", "expression", span),
        }
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
