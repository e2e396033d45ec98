//! Class statements and instantiation.
//!
//! A class body runs in its own namespace; the class's instance attributes (its slots)
//! are the `self.x` stores of its `__init__` plus its annotated names that are not
//! `ClassVar`s. A name that is both a class member and a slot is an error. Once the class
//! statement (decorators included) finishes the class is frozen: setting a class
//! attribute later is an error. Enum classes turn their members into instances;
//! dataclasses and named tuples get a generated `__init__`.

use std::rc::Rc;

use indexmap::IndexMap;
use rustpython_parser::ast::{self, Ranged};

use super::errors::ErrorKind;
use super::interp::{Env, Eval, Interp, ScopeKind};
use super::values::{Class, InitField, Instance, Object, ObjectData, Value, class_name};
use crate::diagnostics::Span;

/// The key under which a class body records its annotations (name → is `ClassVar`).
const ANNOTATIONS: &str = "__annotations__";

impl<'a> Interp<'a> {
    pub(crate) fn define_class(&mut self, env: &Env<'a>, def: &'a ast::StmtClassDef) -> Eval<'a> {
        let header = Span::new(
            u32::from(def.range.start()),
            u32::from(def.range.start()) + 5,
        );
        let span = Span::from(def.range);
        let mut decorators = Vec::new();
        for decorator in &def.decorator_list {
            decorators.push((self.eval(env, decorator)?, Span::from(decorator.range())));
        }
        let mut bases = Vec::new();
        let mut lenient = false;
        for base in &def.bases {
            let value = self.eval(env, base)?;
            let base_span = Span::from(base.range());
            match &value {
                Value::Unknown(name) => {
                    return self.error(
                        env,
                        ErrorKind::UnsafeBaseClass {
                            value: name.to_string(),
                        },
                        base_span,
                    );
                }
                Value::Opaque(_) | Value::Poisoned => lenient = true,
                v if v.as_class().is_some() => {
                    if let Some(class) = v.as_class() {
                        bases.push(class.clone());
                    }
                }
                other => {
                    let message = format!("bases must be types, not {}", other.type_name());
                    return self.raise(env, "TypeError", &message, base_span);
                }
            }
        }
        let mut class_keywords = Vec::new();
        for keyword in &def.keywords {
            let value = self.eval(env, &keyword.value)?;
            if let Some(arg) = &keyword.arg
                && arg.as_str() != "metaclass"
            {
                class_keywords.push((arg.to_string(), value.clone()));
            }
            if let Value::Unknown(name) = &value {
                return self.error(
                    env,
                    ErrorKind::UnsafeBaseClass {
                        value: name.to_string(),
                    },
                    Span::from(keyword.range),
                );
            }
        }
        // The class body: its own namespace, closing over the enclosing functions.
        let mut enclosing = env.enclosing.to_vec();
        if env.kind == ScopeKind::Function {
            enclosing.push(env.locals.clone());
        }
        let body_scope = self.scope();
        body_scope
            .borrow_mut()
            .insert("__module__".into(), Value::Str(env.module.name.clone()));
        body_scope
            .borrow_mut()
            .insert("__qualname__".into(), Value::str(def.name.as_str()));
        let body_env = Env {
            module: env.module.clone(),
            locals: body_scope.clone(),
            enclosing: Rc::from(enclosing),
            kind: ScopeKind::Class,
            globals: Default::default(),
            nonlocals: Default::default(),
            super_context: None,
            yields: None,
        };
        for stmt in &def.body {
            self.exec_stmt(&body_env, stmt)?;
        }
        let mut dict: IndexMap<String, Value<'a>> = body_scope.borrow().clone();
        let annotations: Vec<(String, bool)> = match dict.shift_remove(ANNOTATIONS) {
            Some(Value::Tuple(items)) => items
                .iter()
                .filter_map(|item| match item {
                    Value::Tuple(pair) => match &**pair {
                        [Value::Str(name), Value::Bool(class_var)] => {
                            Some((name.to_string(), *class_var))
                        }
                        _ => None,
                    },
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let init_slots = init_assignments(&def.body);
        let mut slots: Vec<String> = annotations
            .iter()
            .filter(|(_, cv)| !cv)
            .map(|(n, _)| n.clone())
            .collect();
        for name in &init_slots {
            if !slots.contains(name) {
                slots.push(name.clone());
            }
        }
        // Class members that are also instance attributes assigned in `__init__`
        // (an annotated class-level default is a field default, not a conflict).
        let annotated_fields: Vec<&String> = annotations
            .iter()
            .filter(|(_, cv)| !cv)
            .map(|(n, _)| n)
            .collect();
        let mut conflicts: Vec<&String> = init_slots
            .iter()
            .filter(|name| dict.contains_key(*name) && !annotated_fields.contains(name))
            .collect();
        conflicts.sort();
        if !conflicts.is_empty() {
            let names = conflicts
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            return self.error(env, ErrorKind::ClassConflict { names }, header);
        }
        if let Some(Value::Tuple(_) | Value::Object(_) | Value::Str(_)) = dict.get("__slots__") {
            let declared = dict.get("__slots__").cloned().unwrap_or(Value::None);
            let names = match &declared {
                Value::Str(one) => vec![Value::Str(one.clone())],
                other => self.iterate(env, other, span)?,
            };
            for name in names {
                if let Value::Str(name) = name
                    && !slots.iter().any(|s| **s == *name)
                {
                    slots.push(name.to_string());
                }
            }
        }
        let mro = self.compute_mro(&bases);
        let is_enum = mro
            .iter()
            .any(|b| matches!(&*b.data.borrow(), ObjectData::Class(c) if c.is_enum));
        let named_tuple = mro.iter().any(|b| matches!(&*b.data.borrow(), ObjectData::Class(c) if c.builtin == Some("NamedTuple")));
        let init_fields = named_tuple.then(|| {
            annotations
                .iter()
                .map(|(name, _)| InitField {
                    name: name.clone(),
                    default: dict.get(name).cloned(),
                    default_factory: None,
                })
                .collect()
        });
        dict.insert(
            ANNOTATIONS.into(),
            self.new_dict(
                annotations
                    .iter()
                    .map(|(n, _)| (Value::str(n), Value::Opaque(Rc::from("<annotation>"))))
                    .collect(),
            ),
        );
        let class = Value::object(
            &self.owner,
            ObjectData::Class(Class {
                name: def.name.to_string(),
                bases: if bases.is_empty() {
                    self.classes.get("object").cloned().into_iter().collect()
                } else {
                    bases
                },
                mro,
                dict,
                slots,
                annotations: annotations
                    .iter()
                    .filter(|(_, cv)| !cv)
                    .map(|(n, _)| n.clone())
                    .collect(),
                frozen: false,
                builtin: None,
                lenient,
                init_fields,
                frozen_instances: false,
                is_enum,
            }),
        );
        self.track(&class);
        let Some(class_object) = class.as_class().cloned() else {
            return Ok(class);
        };
        self.set_class_cells(&class_object);
        if is_enum {
            self.make_enum_members(env, &class_object, span)?;
        }
        self.init_subclass(env, &class_object, class_keywords, header)?;
        let mut result = class;
        for (decorator, decorator_span) in decorators.into_iter().rev() {
            result = self.call_value(env, &decorator, vec![result], Vec::new(), decorator_span)?;
        }
        if let Some(class) = result.as_class() {
            let mutable = self.mutable_classes.iter().any(|c| Rc::ptr_eq(c, class));
            if let ObjectData::Class(c) = &mut *class.data.borrow_mut() {
                c.frozen = !mutable;
            }
        }
        Ok(result)
    }

    /// Calls `__init_subclass__` of the nearest base that defines one in Python.
    fn init_subclass(
        &mut self,
        env: &Env<'a>,
        class: &Rc<Object<'a>>,
        keywords: Vec<(String, Value<'a>)>,
        span: Span,
    ) -> Eval<'a, ()> {
        let mro = match &*class.data.borrow() {
            ObjectData::Class(c) => c.mro.clone(),
            _ => return Ok(()),
        };
        for base in mro {
            let hook = match &*base.data.borrow() {
                ObjectData::Class(c) => c.dict.get("__init_subclass__").cloned(),
                _ => None,
            };
            let Some(hook) = hook else { continue };
            let func = match &hook {
                Value::Object(o) => match &*o.data.borrow() {
                    ObjectData::ClassMethod(f) => f.clone(),
                    ObjectData::Function(_) => hook.clone(),
                    _ => return Ok(()),
                },
                _ => return Ok(()),
            };
            self.call_value(
                env,
                &func,
                vec![Value::Object(class.clone())],
                keywords,
                span,
            )?;
            return Ok(());
        }
        Ok(())
    }

    /// Records `name: annotation` in a class body.
    pub(crate) fn record_annotation(&mut self, env: &Env<'a>, name: &str, annotation: &ast::Expr) {
        let class_var = is_class_var(annotation);
        let mut scope = env.locals.borrow_mut();
        let mut items: Vec<Value<'a>> = match scope.get(ANNOTATIONS) {
            Some(Value::Tuple(items)) => items.to_vec(),
            _ => Vec::new(),
        };
        items.push(Value::Tuple(Rc::from(vec![
            Value::str(name),
            Value::Bool(class_var),
        ])));
        scope.insert(ANNOTATIONS.into(), Value::Tuple(Rc::from(items)));
    }

    /// C3 linearisation, simplified: depth-first over the bases, later duplicates win.
    fn compute_mro(&self, bases: &[Rc<Object<'a>>]) -> Vec<Rc<Object<'a>>> {
        let mut order: Vec<Rc<Object<'a>>> = Vec::new();
        for base in bases {
            let mut chain = vec![base.clone()];
            if let ObjectData::Class(c) = &*base.data.borrow() {
                chain.extend(c.mro.iter().cloned());
            }
            for class in chain {
                order.retain(|c| !Rc::ptr_eq(c, &class));
                order.push(class);
            }
        }
        if order.is_empty()
            && let Some(object) = self.classes.get("object")
        {
            order.push(object.clone());
        }
        // `object` always comes last.
        if let Some(object) = self.classes.get("object")
            && let Some(i) = order.iter().position(|c| Rc::ptr_eq(c, object))
        {
            let object = order.remove(i);
            order.push(object);
        }
        order
    }

    /// Gives the functions of a class body their class, for zero-argument `super()`.
    fn set_class_cells(&self, class: &Rc<Object<'a>>) {
        let members: Vec<Value<'a>> = match &*class.data.borrow() {
            ObjectData::Class(c) => c.dict.values().cloned().collect(),
            _ => return,
        };
        for member in members {
            let Value::Object(o) = member else { continue };
            let inner = match &*o.data.borrow() {
                ObjectData::ClassMethod(f)
                | ObjectData::StaticMethod(f)
                | ObjectData::Property(f) => f.as_object().cloned(),
                _ => None,
            };
            let target = inner.unwrap_or(o);
            if let ObjectData::Function(f) = &mut *target.data.borrow_mut() {
                f.class_cell = Some(class.clone());
            }
        }
    }

    /// Turns the plain class attributes of an enum class into its members.
    fn make_enum_members(
        &mut self,
        env: &Env<'a>,
        class: &Rc<Object<'a>>,
        span: Span,
    ) -> Eval<'a, ()> {
        let entries: Vec<(String, Value<'a>)> = match &*class.data.borrow() {
            ObjectData::Class(c) => c.dict.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            _ => return Ok(()),
        };
        let mut next_auto = 1i64;
        let mut members = Vec::new();
        for (name, value) in entries {
            if name.starts_with('_') {
                continue;
            }
            let is_descriptor = match &value {
                Value::Object(o) => matches!(
                    &*o.data.borrow(),
                    ObjectData::Function(_)
                        | ObjectData::ClassMethod(_)
                        | ObjectData::StaticMethod(_)
                        | ObjectData::Property(_)
                        | ObjectData::Class(_)
                ),
                _ => false,
            };
            if is_descriptor {
                continue;
            }
            let value = match value {
                Value::Opaque(d) if &*d == "enum.auto()" => Value::int(next_auto),
                other => other,
            };
            if let Some(i) =
                super::values::as_int(&value).and_then(|i| num_traits::ToPrimitive::to_i64(&i))
            {
                next_auto = i + 1;
            }
            let mut attrs = IndexMap::new();
            attrs.insert("name".to_string(), Value::str(&name));
            attrs.insert("value".to_string(), value.clone());
            attrs.insert("_name_".to_string(), Value::str(&name));
            attrs.insert("_value_".to_string(), value.clone());
            let member = Value::object(
                &self.owner,
                ObjectData::Instance(Instance {
                    class: class.clone(),
                    attrs,
                    args: vec![value],
                    initialised: true,
                }),
            );
            members.push((name, member));
        }
        let _ = (env, span);
        if let ObjectData::Class(c) = &mut *class.data.borrow_mut() {
            for (name, member) in members {
                c.dict.insert(name, member);
            }
        }
        Ok(())
    }

    /// `Class(*args, **kwargs)`.
    pub(crate) fn instantiate(
        &mut self,
        env: &Env<'a>,
        class: &Rc<Object<'a>>,
        args: Vec<Value<'a>>,
        kwargs: Vec<(String, Value<'a>)>,
        span: Span,
    ) -> Eval<'a> {
        let (own_builtin, is_enum, init_fields) = match &*class.data.borrow() {
            ObjectData::Class(c) => (c.builtin, c.is_enum, c.init_fields.clone()),
            _ => return Ok(Value::Poisoned),
        };
        if let Some(builtin) = own_builtin {
            return self.construct_builtin(env, builtin, class, args, kwargs, span);
        }
        if is_enum {
            let members = self.iterate(env, &Value::Object(class.clone()), span)?;
            let wanted = args.first().cloned().unwrap_or(Value::None);
            for member in members {
                if let Value::Object(o) = &member
                    && let ObjectData::Instance(inst) = &*o.data.borrow()
                    && inst
                        .args
                        .first()
                        .is_some_and(|v| super::values::values_equal(v, &wanted))
                {
                    return Ok(member.clone());
                }
            }
            let message = format!("{} is not a valid {}", wanted.describe(), class_name(class));
            return self.raise(env, "ValueError", &message, span);
        }
        let builtin = self.builtin_base(class);
        let payload = match builtin {
            Some("int" | "str" | "float") => match args.first() {
                Some(first) => {
                    let base = self.classes.get(builtin.unwrap_or("int")).cloned();
                    match base {
                        Some(base) => vec![self.construct_builtin(
                            env,
                            builtin.unwrap_or("int"),
                            &base,
                            vec![first.clone()],
                            Vec::new(),
                            span,
                        )?],
                        None => Vec::new(),
                    }
                }
                None => Vec::new(),
            },
            Some(_) => args.clone(),
            None => Vec::new(),
        };
        let instance = self.new_instance(class, payload);
        let callee_name = class_name(class);
        if let Some((init, _)) = self.lookup_class(class, "__init__") {
            let mut all = vec![instance.clone()];
            all.extend(args);
            self.call_value(env, &init, all, kwargs, span)
                .map_err(|flow| rename_unsafe_call(flow, &callee_name))?;
        } else if let Some(fields) = self.collect_init_fields(class).or(init_fields) {
            self.init_from_fields(env, &instance, &callee_name, &fields, args, kwargs, span)?;
        } else if builtin.is_none()
            && !self.is_lenient(class)
            && (!args.is_empty() || !kwargs.is_empty())
        {
            let message = format!("{callee_name}() takes no arguments");
            return self.raise(env, "TypeError", &message, span);
        }
        if let Some((post_init, _)) = self.lookup_class(class, "__post_init__")
            && self.collect_init_fields(class).is_some()
        {
            self.call_value(env, &post_init, vec![instance.clone()], Vec::new(), span)?;
        }
        if let Value::Object(o) = &instance
            && let ObjectData::Instance(inst) = &mut *o.data.borrow_mut()
        {
            inst.initialised = true;
        }
        Ok(instance)
    }

    /// The generated-`__init__` fields of a dataclass (with those of dataclass bases).
    fn collect_init_fields(&self, class: &Rc<Object<'a>>) -> Option<Vec<InitField<'a>>> {
        match &*class.data.borrow() {
            ObjectData::Class(c) => c.init_fields.clone(),
            _ => None,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn init_from_fields(
        &mut self,
        env: &Env<'a>,
        instance: &Value<'a>,
        name: &str,
        fields: &[InitField<'a>],
        args: Vec<Value<'a>>,
        kwargs: Vec<(String, Value<'a>)>,
        span: Span,
    ) -> Eval<'a, ()> {
        if args.len() > fields.len() {
            let message = format!(
                "{name}() takes {} positional arguments but {} were given",
                fields.len() + 1,
                args.len() + 1
            );
            return self.raise(env, "TypeError", &message, span);
        }
        let mut values: Vec<Option<Value<'a>>> = vec![None; fields.len()];
        for (slot, arg) in values.iter_mut().zip(args) {
            *slot = Some(arg);
        }
        for (key, value) in kwargs {
            match fields.iter().position(|f| f.name == key) {
                Some(i) => {
                    if let Some(slot) = values.get_mut(i) {
                        *slot = Some(value);
                    }
                }
                None => {
                    let message = format!("{name}() got an unexpected keyword argument '{key}'");
                    return self.raise(env, "TypeError", &message, span);
                }
            }
        }
        let Value::Object(o) = instance else {
            return Ok(());
        };
        for (field, value) in fields.iter().zip(values) {
            let value = match (value, &field.default, &field.default_factory) {
                (Some(v), _, _) => v,
                (None, Some(d), _) => d.clone(),
                (None, None, Some(factory)) => {
                    self.call_value(env, factory, Vec::new(), Vec::new(), span)?
                }
                (None, None, None) => {
                    let message = format!("{name}() missing required argument: '{}'", field.name);
                    return self.raise(env, "TypeError", &message, span);
                }
            };
            if let ObjectData::Instance(inst) = &mut *o.data.borrow_mut() {
                inst.attrs.insert(field.name.clone(), value);
            }
        }
        Ok(())
    }

    /// `@dataclass` applied to a class: fields from its annotations and those of
    /// dataclass bases, defaults from class attributes or `field(...)`.
    pub(crate) fn apply_dataclass(
        &mut self,
        env: &Env<'a>,
        class: &Value<'a>,
        frozen: bool,
        span: Span,
    ) -> Eval<'a> {
        let Some(class_object) = class.as_class().cloned() else {
            return Ok(class.clone());
        };
        let (annotations, mro) = match &*class_object.data.borrow() {
            ObjectData::Class(c) => (c.annotations.clone(), c.mro.clone()),
            _ => return Ok(class.clone()),
        };
        let mut fields: Vec<InitField<'a>> = Vec::new();
        for base in mro.iter().rev() {
            if let ObjectData::Class(c) = &*base.data.borrow()
                && let Some(inherited) = &c.init_fields
            {
                for field in inherited {
                    fields.retain(|f| f.name != field.name);
                    fields.push(field.clone());
                }
            }
        }
        for name in annotations {
            let default = match &*class_object.data.borrow() {
                ObjectData::Class(c) => c.dict.get(&name).cloned(),
                _ => None,
            };
            let (default, default_factory, replace) = match &default {
                Some(Value::Object(o)) if matches!(&*o.data.borrow(), ObjectData::Field { .. }) => {
                    match &*o.data.borrow() {
                        ObjectData::Field {
                            default,
                            default_factory,
                        } => (default.clone(), default_factory.clone(), true),
                        _ => (None, None, false),
                    }
                }
                other => (other.clone(), None, false),
            };
            if let Some(Value::Object(d)) = &default
                && matches!(
                    &*d.data.borrow(),
                    ObjectData::List(_) | ObjectData::Dict { .. } | ObjectData::Set { .. }
                )
            {
                let ty = Value::Object(d.clone()).type_name();
                let message = format!(
                    "mutable default <class '{ty}'> for field {name} is not allowed: use default_factory"
                );
                return self.raise(env, "ValueError", &message, span);
            }
            if replace && let ObjectData::Class(c) = &mut *class_object.data.borrow_mut() {
                match &default {
                    Some(d) => {
                        c.dict.insert(name.clone(), d.clone());
                    }
                    None => {
                        c.dict.shift_remove(&name);
                    }
                }
            }
            fields.retain(|f| f.name != name);
            fields.push(InitField {
                name,
                default,
                default_factory,
            });
        }
        if let ObjectData::Class(c) = &mut *class_object.data.borrow_mut() {
            c.init_fields = Some(fields);
            c.frozen_instances = frozen;
        }
        Ok(class.clone())
    }
}

/// A failed `__init__` is reported as a failed call of the class.
fn rename_unsafe_call<'a>(flow: super::interp::Flow<'a>, class: &str) -> super::interp::Flow<'a> {
    match flow {
        super::interp::Flow::Error(mut error) => {
            if let ErrorKind::UnsafeCall { callee } = &mut error.kind
                && callee == "__init__"
            {
                *callee = class.to_string();
            }
            super::interp::Flow::Error(error)
        }
        other => other,
    }
}

fn is_class_var(annotation: &ast::Expr) -> bool {
    let head = match annotation {
        ast::Expr::Subscript(s) => &*s.value,
        other => other,
    };
    match head {
        ast::Expr::Name(n) => n.id.as_str() == "ClassVar",
        ast::Expr::Attribute(a) => a.attr.as_str() == "ClassVar",
        ast::Expr::Constant(c) => {
            matches!(&c.value, ast::Constant::Str(s) if s.starts_with("ClassVar"))
        }
        _ => false,
    }
}

/// The `self.x` attributes that `__init__` assigns, in order.
fn init_assignments(body: &[ast::Stmt]) -> Vec<String> {
    let Some(init) = body.iter().find_map(|s| match s {
        ast::Stmt::FunctionDef(f) if f.name.as_str() == "__init__" => Some(f),
        _ => None,
    }) else {
        return Vec::new();
    };
    let Some(receiver) = init.args.posonlyargs.iter().chain(&init.args.args).next() else {
        return Vec::new();
    };
    let receiver = receiver.def.arg.as_str();
    let mut out = Vec::new();
    collect_self_stores(&init.body, receiver, &mut out);
    out
}

fn collect_self_stores(body: &[ast::Stmt], receiver: &str, out: &mut Vec<String>) {
    for stmt in body {
        match stmt {
            ast::Stmt::Assign(s) => s.targets.iter().for_each(|t| self_target(t, receiver, out)),
            ast::Stmt::AnnAssign(s) => self_target(&s.target, receiver, out),
            ast::Stmt::AugAssign(s) => self_target(&s.target, receiver, out),
            ast::Stmt::If(s) => {
                collect_self_stores(&s.body, receiver, out);
                collect_self_stores(&s.orelse, receiver, out);
            }
            ast::Stmt::For(s) => {
                collect_self_stores(&s.body, receiver, out);
                collect_self_stores(&s.orelse, receiver, out);
            }
            ast::Stmt::While(s) => {
                collect_self_stores(&s.body, receiver, out);
                collect_self_stores(&s.orelse, receiver, out);
            }
            ast::Stmt::With(s) => collect_self_stores(&s.body, receiver, out),
            ast::Stmt::Try(s) => {
                collect_self_stores(&s.body, receiver, out);
                collect_self_stores(&s.orelse, receiver, out);
                collect_self_stores(&s.finalbody, receiver, out);
                for h in &s.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    collect_self_stores(&h.body, receiver, out);
                }
            }
            _ => {}
        }
    }
}

fn self_target(target: &ast::Expr, receiver: &str, out: &mut Vec<String>) {
    match target {
        ast::Expr::Attribute(a) => {
            if let ast::Expr::Name(n) = &*a.value
                && n.id.as_str() == receiver
                && !out.iter().any(|o| o == a.attr.as_str())
            {
                out.push(a.attr.to_string());
            }
        }
        ast::Expr::Tuple(t) => t.elts.iter().for_each(|e| self_target(e, receiver, out)),
        ast::Expr::List(t) => t.elts.iter().for_each(|e| self_target(e, receiver, out)),
        _ => {}
    }
}
