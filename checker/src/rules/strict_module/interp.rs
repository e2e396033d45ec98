//! The interpreter's state and its driver: [`Interp`] runs the top level of a module,
//! statement by statement, turning analysis errors and escaping exceptions into
//! diagnostics and carrying on with the next statement.
//!
//! Statements are in `stmt.rs`, expressions in `expr.rs`, operators in `ops.rs`, calls in
//! `call.rs`, attributes in `attrs.rs`, classes in `classes.rs`, imports in `imports.rs`.

use std::collections::HashSet;
use std::rc::Rc;

use indexmap::IndexMap;
use rustpython_parser::ast::{self, Ranged};

use super::errors::{ErrorKind, StrictError};
use super::values::{ModuleContext, Object, ObjectData, Scope, Value, new_scope};
use crate::db::Db;
use crate::diagnostics::{Diagnostic, Span};

/// Iterations one loop, comprehension or iterable may take before analysis gives up.
pub(crate) const ITERATION_LIMIT: usize = 10_000;
/// Calls nested deeper than this raise `RecursionError`, as CPython does at 1,000. The
/// limit is lower here so that the interpreter, which recurses on the Rust stack, stays
/// well within a 2 MiB thread stack even in debug builds (about 20 KiB per call).
pub(crate) const CALL_DEPTH_LIMIT: usize = 64;
/// Strict imports nested deeper than this (a chain of modules each importing the next)
/// are treated as unknown, which bounds the interpreter's Rust stack.
pub(crate) const IMPORT_DEPTH_LIMIT: usize = 24;
/// Nesting of containers that `repr()` prints before it writes `...`.
pub(crate) const REPR_DEPTH_LIMIT: usize = 64;
/// Total steps (statements, loop iterations and calls) of one analysis, so that it
/// terminates in bounded time whatever the code does. Real module bodies take a few
/// thousand; a pathological one stops here after well under a second (release build).
pub(crate) const STEP_LIMIT: usize = 300_000;

/// How evaluation leaves the normal path.
pub(crate) enum Flow<'a> {
    /// A Python exception: `try`/`except` may catch it.
    Raise(PyException<'a>),
    /// An analysis error: never caught, stops the module-level statement.
    Error(Box<StrictError>),
    Return(Value<'a>),
    Break,
    Continue,
}

/// A raised Python exception and where it was raised.
pub(crate) struct PyException<'a> {
    pub value: Value<'a>,
    pub path: Option<String>,
    pub span: Span,
    /// The module-level call it escaped from, when raised inside a function.
    pub call_span: Option<Span>,
}

pub(crate) type Eval<'a, T = Value<'a>> = Result<T, Flow<'a>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Class,
    Function,
}

/// Where code runs: its module, its local namespace and the scopes it closes over.
pub(crate) struct Env<'a> {
    pub module: Rc<ModuleContext<'a>>,
    pub locals: Scope<'a>,
    pub enclosing: Rc<[Scope<'a>]>,
    pub kind: ScopeKind,
    pub globals: Rc<HashSet<String>>,
    pub nonlocals: Rc<HashSet<String>>,
    /// For zero-argument `super()`: the class that defined the method, and its receiver.
    pub super_context: Option<(Rc<Object<'a>>, Value<'a>)>,
    /// The values a generator body yields (generators run to completion when called).
    pub yields: Option<Rc<std::cell::RefCell<Vec<Value<'a>>>>>,
}

impl<'a> Env<'a> {
    pub(crate) fn module_level(module: Rc<ModuleContext<'a>>) -> Self {
        Self {
            locals: module.scope.clone(),
            module,
            enclosing: Rc::from(Vec::new()),
            kind: ScopeKind::Module,
            globals: Rc::default(),
            nonlocals: Rc::default(),
            super_context: None,
            yields: None,
        }
    }

    pub(crate) fn path(&self) -> Option<String> {
        self.module.path.clone()
    }
}

pub(crate) struct Interp<'a> {
    pub db: &'a dyn Db,
    pub builtins: Scope<'a>,
    /// Builtin classes by name (`object`, `int`, `ValueError`, ...).
    pub classes: IndexMap<&'static str, Rc<Object<'a>>>,
    /// Modules already imported, by absolute name.
    pub modules: IndexMap<String, Value<'a>>,
    /// The module whose top level is running: the owner of the objects created now.
    pub owner: Rc<str>,
    /// Function calls in progress (0 at module level).
    pub depth: usize,
    pub steps: usize,
    /// Every namespace and object that may be part of a reference cycle, cleared on drop.
    pub arena_scopes: Vec<Scope<'a>>,
    pub arena_objects: Vec<Rc<Object<'a>>>,
    pub builtins_owner: Rc<str>,
    /// Exceptions being handled by `except` blocks (for a bare `raise`).
    pub handling: Vec<Value<'a>>,
    /// Classes decorated with `__strict__.mutable`: not frozen after their body.
    pub mutable_classes: Vec<Rc<Object<'a>>>,
    /// Strict modules being imported, innermost last.
    pub import_depth: usize,
    /// Containers being printed by `repr()`.
    pub repr_depth: usize,
}

impl<'a> Interp<'a> {
    pub(crate) fn new(db: &'a dyn Db, owner: Rc<str>) -> Self {
        let mut interp = Self {
            db,
            builtins: new_scope(),
            classes: IndexMap::new(),
            modules: IndexMap::new(),
            owner,
            depth: 0,
            steps: 0,
            arena_scopes: Vec::new(),
            arena_objects: Vec::new(),
            builtins_owner: Rc::from("builtins"),
            handling: Vec::new(),
            mutable_classes: Vec::new(),
            import_depth: 0,
            repr_depth: 0,
        };
        interp.install_builtins();
        interp
    }

    /// Runs a module's top level; with `sink`, its errors become diagnostics there.
    pub(crate) fn run_module(
        &mut self,
        module: Rc<ModuleContext<'a>>,
        suite: &'a [ast::Stmt],
        mut sink: Option<&mut Vec<Diagnostic>>,
    ) {
        self.arena_scopes.push(module.scope.clone());
        let env = Env::module_level(module);
        for stmt in suite {
            let span = Span::from(stmt.range());
            let result = self.exec_stmt(&env, stmt);
            let failure = match result {
                Ok(()) | Err(Flow::Return(_) | Flow::Break | Flow::Continue) => None,
                Err(Flow::Error(error)) => Some(error.into_diagnostic(span)),
                Err(Flow::Raise(exc)) => Some(self.unhandled(exc, span)),
            };
            if let Some(diag) = failure {
                let mut names = Vec::new();
                bound_names(stmt, &mut names);
                let mut scope = env.locals.borrow_mut();
                for name in names {
                    scope.insert(name.to_string(), Value::Poisoned);
                }
                if let Some(sink) = sink.as_deref_mut() {
                    sink.push(diag);
                }
            }
        }
    }

    /// The diagnostic of an exception that escaped a module-level statement.
    fn unhandled(&self, exc: PyException<'a>, stmt_span: Span) -> Diagnostic {
        let name = exc.value.type_name();
        let detail = self.exception_message(&exc.value);
        let exception = if detail.is_empty() {
            name
        } else {
            format!("{name}: {detail}")
        };
        let error = StrictError::new(ErrorKind::Unhandled { exception }, exc.path, exc.span);
        match exc.call_span {
            Some(call) => {
                let mut outer = StrictError::new(error.kind.clone(), None, call);
                outer.cause = Some(Box::new(error));
                outer.into_diagnostic(stmt_span)
            }
            None => error.into_diagnostic(stmt_span),
        }
    }

    /// `str(exc)` of an exception instance: its single argument, or empty.
    pub(crate) fn exception_message(&self, value: &Value<'a>) -> String {
        if let Value::Object(o) = value
            && let ObjectData::Instance(inst) = &*o.data.borrow()
            && let Some(first) = inst.args.first()
        {
            return match first {
                Value::Str(s) => s.to_string(),
                other => other.describe(),
            };
        }
        String::new()
    }

    /// An analysis error at `span` in `env`'s module.
    pub(crate) fn error<T>(&self, env: &Env<'a>, kind: ErrorKind, span: Span) -> Eval<'a, T> {
        Err(Flow::Error(Box::new(StrictError::new(
            kind,
            env.path(),
            span,
        ))))
    }

    /// Raises a builtin exception class with a message.
    pub(crate) fn raise<T>(
        &mut self,
        env: &Env<'a>,
        class: &str,
        message: &str,
        span: Span,
    ) -> Eval<'a, T> {
        let value = self.new_exception(class, message);
        Err(Flow::Raise(PyException {
            value,
            path: env.path(),
            span,
            call_span: None,
        }))
    }

    /// An instance of a builtin exception class with one string argument.
    pub(crate) fn new_exception(&mut self, class: &str, message: &str) -> Value<'a> {
        let klass = match self
            .classes
            .get(class)
            .or_else(|| self.classes.get("Exception"))
        {
            Some(k) => k.clone(),
            None => return Value::Poisoned,
        };
        let args = if message.is_empty() {
            Vec::new()
        } else {
            vec![Value::str(message)]
        };
        self.new_instance(&klass, args)
    }

    pub(crate) fn new_instance(&self, class: &Rc<Object<'a>>, args: Vec<Value<'a>>) -> Value<'a> {
        Value::object(
            &self.owner,
            ObjectData::Instance(super::values::Instance {
                class: class.clone(),
                attrs: IndexMap::new(),
                args,
                initialised: false,
            }),
        )
    }

    /// Counts one step of work; past the limit analysis stops with an error.
    pub(crate) fn step(&mut self, env: &Env<'a>, span: Span) -> Eval<'a, ()> {
        self.steps += 1;
        if self.steps > STEP_LIMIT {
            return self.error(env, ErrorKind::TooManyIterations, span);
        }
        Ok(())
    }

    /// A new namespace. Only namespaces that a function closes over can be part of a
    /// reference cycle; `define_function` records those for clearing.
    pub(crate) fn scope(&mut self) -> Scope<'a> {
        new_scope()
    }

    /// Records an object that may be part of a cycle (functions, classes, modules).
    pub(crate) fn track(&mut self, value: &Value<'a>) {
        if let Value::Object(o) = value {
            self.arena_objects.push(o.clone());
        }
    }
}

impl Drop for Interp<'_> {
    fn drop(&mut self) {
        for scope in &self.arena_scopes {
            if let Ok(mut scope) = scope.try_borrow_mut() {
                scope.clear();
            }
        }
        for object in &self.arena_objects {
            if let Ok(mut data) = object.data.try_borrow_mut() {
                *data = ObjectData::Cleared;
            }
        }
        for (_, class) in &self.classes {
            if let Ok(mut data) = class.data.try_borrow_mut() {
                *data = ObjectData::Cleared;
            }
        }
        if let Ok(mut scope) = self.builtins.try_borrow_mut() {
            scope.clear();
        }
    }
}

/// The names a statement binds in its scope (not inside nested functions or classes).
pub(crate) fn bound_names<'s>(stmt: &'s ast::Stmt, out: &mut Vec<&'s str>) {
    match stmt {
        ast::Stmt::Assign(s) => s.targets.iter().for_each(|t| target_names(t, out)),
        ast::Stmt::AnnAssign(s) if s.value.is_some() => target_names(&s.target, out),
        ast::Stmt::AugAssign(s) => target_names(&s.target, out),
        ast::Stmt::FunctionDef(s) => out.push(s.name.as_str()),
        ast::Stmt::AsyncFunctionDef(s) => out.push(s.name.as_str()),
        ast::Stmt::ClassDef(s) => out.push(s.name.as_str()),
        ast::Stmt::Import(s) => {
            for alias in &s.names {
                match &alias.asname {
                    Some(name) => out.push(name.as_str()),
                    None => out.push(alias.name.split('.').next().unwrap_or_default()),
                }
            }
        }
        ast::Stmt::ImportFrom(s) => {
            for alias in &s.names {
                out.push(alias.asname.as_ref().unwrap_or(&alias.name).as_str());
            }
        }
        ast::Stmt::For(s) => {
            target_names(&s.target, out);
            s.body
                .iter()
                .chain(&s.orelse)
                .for_each(|b| bound_names(b, out));
        }
        ast::Stmt::While(s) => s
            .body
            .iter()
            .chain(&s.orelse)
            .for_each(|b| bound_names(b, out)),
        ast::Stmt::If(s) => s
            .body
            .iter()
            .chain(&s.orelse)
            .for_each(|b| bound_names(b, out)),
        ast::Stmt::With(s) => {
            for item in &s.items {
                if let Some(vars) = &item.optional_vars {
                    target_names(vars, out);
                }
            }
            s.body.iter().for_each(|b| bound_names(b, out));
        }
        ast::Stmt::Try(s) => {
            for handler in &s.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = handler;
                h.body.iter().for_each(|b| bound_names(b, out));
            }
            s.body
                .iter()
                .chain(&s.orelse)
                .chain(&s.finalbody)
                .for_each(|b| bound_names(b, out));
        }
        _ => {}
    }
}

fn target_names<'s>(target: &'s ast::Expr, out: &mut Vec<&'s str>) {
    match target {
        ast::Expr::Name(n) => out.push(n.id.as_str()),
        ast::Expr::Tuple(t) => t.elts.iter().for_each(|e| target_names(e, out)),
        ast::Expr::List(t) => t.elts.iter().for_each(|e| target_names(e, out)),
        ast::Expr::Starred(s) => target_names(&s.value, out),
        _ => {}
    }
}
