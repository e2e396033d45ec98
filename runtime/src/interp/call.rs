//! Calls: binding arguments to parameters, running Python functions in new frames, calling
//! built-ins, bound methods, classes (instance creation) and callable instances.

use std::cell::RefCell;
use std::rc::Rc;

use cinder_codegen::format::code_object::flags;

use super::eval::Exit;
use super::{Frame, Interp};
use crate::object::{
    BaseKind, Class, ExcKind, Function, GenKind, Generator, Instance, PyErr, PyResult, PyStr,
    Value, new_dict,
};

/// Keyword arguments of a native call.
pub type Kwargs = Vec<(Rc<PyStr>, Value)>;

impl Interp {
    /// Calls `callable` with positional `args`; when `kw_names` (a tuple of `str`) is given, the
    /// last `len(kw_names)` entries of `args` are keyword arguments.
    pub fn call_value(
        &mut self,
        callable: &Value,
        args: &[Value],
        kw_names: Option<&Value>,
    ) -> PyResult<Value> {
        match callable {
            Value::Function(func) => self.call_function(func, args, kw_names),
            Value::Builtin(b) => {
                let (pos, kwargs) = split_kwargs(args, kw_names);
                match &b.bound {
                    Some(receiver) => {
                        let mut all = Vec::with_capacity(pos.len() + 1);
                        all.push(receiver.clone());
                        all.extend_from_slice(pos);
                        (b.func)(self, &all, &kwargs)
                    }
                    None => (b.func)(self, pos, &kwargs),
                }
            }
            Value::Method(m) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(m.1.clone());
                all.extend_from_slice(args);
                self.call_value(&m.0, &all, kw_names)
            }
            Value::Class(klass) => self.call_class(klass, args, kw_names),
            other => {
                let klass = self.types.type_of(other);
                let call = self.names.call.clone();
                match klass.lookup(&call) {
                    Some(method) if !klass.is_builtin || matches!(other, Value::Instance(_)) => {
                        let mut all = Vec::with_capacity(args.len() + 1);
                        all.push(other.clone());
                        all.extend_from_slice(args);
                        self.call_value(&method, &all, kw_names)
                    }
                    _ => Err(PyErr::type_error(format!(
                        "'{}' object is not callable",
                        klass.name()
                    ))),
                }
            }
        }
    }

    /// Calls with keyword arguments given as pairs (used by native code).
    pub fn call_kw(
        &mut self,
        callable: &Value,
        args: &[Value],
        kwargs: &[(Rc<PyStr>, Value)],
    ) -> PyResult<Value> {
        if kwargs.is_empty() {
            return self.call_value(callable, args, None);
        }
        let mut all = args.to_vec();
        let mut names = Vec::with_capacity(kwargs.len());
        for (k, v) in kwargs {
            names.push(Value::Str(k.clone()));
            all.push(v.clone());
        }
        self.call_value(callable, &all, Some(&Value::tuple(names)))
    }

    /// `CALL_FUNCTION_EX`: `func(*args, **kwargs)`.
    pub fn call_ex(&mut self, func: &Value, args: Value, kwargs: Option<Value>) -> PyResult<Value> {
        let args = match args {
            Value::Tuple(t) => (*t).clone(),
            other => self.collect(other)?,
        };
        let mut kw: Kwargs = Vec::new();
        if let Some(kwargs) = kwargs {
            match &kwargs {
                Value::Dict(d) => {
                    for (k, v) in d.items() {
                        match k {
                            Value::Str(s) => kw.push((s, v)),
                            _ => return Err(PyErr::type_error("keywords must be strings")),
                        }
                    }
                }
                _ => {
                    let keys = self.call_method(&kwargs, "keys", &[])?;
                    for k in self.collect(keys)? {
                        let v = self.get_item(&kwargs, k.clone())?;
                        match k {
                            Value::Str(s) => kw.push((s, v)),
                            _ => return Err(PyErr::type_error("keywords must be strings")),
                        }
                    }
                }
            }
        }
        self.call_kw(func, &args, &kw)
    }

    /// Calls `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let (m, receiver) = self.load_method(obj.clone(), &Value::str(name))?;
        if m.is_null() {
            self.call_value(&receiver, args, None)
        } else {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(receiver);
            all.extend_from_slice(args);
            self.call_value(&m, &all, None)
        }
    }

    /// Runs a Python function in a new frame.
    pub fn call_function(
        &mut self,
        func: &Rc<Function>,
        args: &[Value],
        kw_names: Option<&Value>,
    ) -> PyResult<Value> {
        let code = &func.code;
        let nlocals = code.localsplus_names.len();
        let mut locals = self.take_vec(nlocals);
        let simple = kw_names.is_none()
            && args.len() == code.argcount
            && code.kwonlyargcount == 0
            && code.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0;
        if simple {
            locals.extend_from_slice(args);
            locals.resize(nlocals, Value::Null);
        } else {
            locals.resize(nlocals, Value::Null);
            self.bind_args(func, &mut locals, args, kw_names)?;
        }
        let frame = Frame {
            code: code.clone(),
            locals,
            stack: self.take_vec(code.stacksize),
            pc: 0,
            last_pc: 0,
            globals: func.globals.clone(),
            builtins: self.builtins.clone(),
            names: None,
            closure: func.closure.clone(),
            kw_names: None,
            func: None,
            trusted: false,
        };
        self.run_frame(frame)
    }

    /// An empty vector with room for `capacity` values, reused from a finished frame when
    /// one is available.
    #[inline]
    fn take_vec(&mut self, capacity: usize) -> Vec<Value> {
        match self.spare_vecs.pop() {
            Some(mut v) => {
                v.reserve(capacity);
                v
            }
            None => Vec::with_capacity(capacity),
        }
    }

    /// Empties `v` (dropping its values, which may run finalisers) and keeps it for reuse.
    #[inline]
    fn recycle_vec(&mut self, mut v: Vec<Value>) {
        const MAX_SPARE: usize = 64;
        const MAX_CAPACITY: usize = 256;
        v.clear();
        if self.spare_vecs.len() < MAX_SPARE && v.capacity() <= MAX_CAPACITY {
            self.spare_vecs.push(v);
        }
    }

    /// Runs a prepared frame to completion (or wraps it in a generator).
    pub fn run_frame(&mut self, mut frame: Frame) -> PyResult<Value> {
        if self.depth >= self.recursion_limit {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        self.depth += 1;
        let result = self.eval(&mut frame, None);
        self.depth -= 1;
        match result? {
            Exit::Return(v) => {
                let locals = std::mem::take(&mut frame.locals);
                let stack = std::mem::take(&mut frame.stack);
                drop(frame);
                self.recycle_vec(locals);
                self.recycle_vec(stack);
                Ok(v)
            }
            Exit::Generator => {
                let code = frame.code.clone();
                let kind = if code.flags & flags::COROUTINE != 0 {
                    GenKind::Coroutine
                } else if code.flags & flags::ASYNC_GENERATOR != 0 {
                    GenKind::AsyncGenerator
                } else {
                    GenKind::Generator
                };
                Ok(Value::Generator(Rc::new(Generator {
                    frame: RefCell::new(Some(Box::new(frame))),
                    running: std::cell::Cell::new(false),
                    name: code.name.clone(),
                    qualname: code.qualname.clone(),
                    kind,
                })))
            }
            Exit::Yield(_) => Err(PyErr::new(
                ExcKind::SystemError,
                "yield outside a generator",
            )),
        }
    }

    fn bind_args(
        &mut self,
        func: &Rc<Function>,
        locals: &mut [Value],
        args: &[Value],
        kw_names: Option<&Value>,
    ) -> PyResult<()> {
        let code = &func.code;
        let qualname = func.qualname.borrow().as_str().to_owned();
        let (pos, kwargs) = split_kwargs(args, kw_names);
        let argcount = code.argcount;
        let kwonly = code.kwonlyargcount;
        let has_varargs = code.flags & flags::VARARGS != 0;
        let has_varkw = code.flags & flags::VARKEYWORDS != 0;
        let varargs_index = argcount + kwonly;
        let varkw_index = varargs_index + usize::from(has_varargs);
        let n_direct = pos.len().min(argcount);
        locals[..n_direct].clone_from_slice(&pos[..n_direct]);
        if pos.len() > argcount {
            if has_varargs {
                locals[varargs_index] = Value::tuple(pos[argcount..].to_vec());
            } else {
                let defaults = func.defaults.borrow().as_ref().map_or(0, |d| d.len());
                let takes = if defaults > 0 {
                    format!("from {} to {}", argcount - defaults.min(argcount), argcount)
                } else {
                    argcount.to_string()
                };
                let given = pos.len();
                let kw_given = kwargs.len();
                let plural = if argcount == 1 && defaults == 0 {
                    ""
                } else {
                    "s"
                };
                let mut msg =
                    format!("{qualname}() takes {takes} positional argument{plural} but {given}");
                if kw_given > 0 {
                    msg.push_str(&format!(
                        " positional argument{} (and {kw_given} keyword-only argument{}) were given",
                        if given == 1 { "" } else { "s" },
                        if kw_given == 1 { "" } else { "s" }
                    ));
                } else {
                    msg.push_str(if given == 1 {
                        " was given"
                    } else {
                        " were given"
                    });
                }
                return Err(PyErr::type_error(msg));
            }
        } else if has_varargs {
            locals[varargs_index] = Value::tuple(Vec::new());
        }
        let varkw = if has_varkw { Some(new_dict()) } else { None };
        for (name, value) in kwargs {
            let slot = code.localsplus_names[..argcount + kwonly]
                .iter()
                .position(|n| n.as_str() == name.as_str());
            match slot {
                Some(i) if i >= code.posonlyargcount => {
                    if !locals[i].is_null() {
                        return Err(PyErr::type_error(format!(
                            "{qualname}() got multiple values for argument '{}'",
                            name.as_str()
                        )));
                    }
                    locals[i] = value;
                }
                _ => match &varkw {
                    Some(d) => d.set_str(Value::Str(name.clone()), value),
                    None => {
                        if slot.is_some() {
                            return Err(PyErr::type_error(format!(
                                "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
                                name.as_str()
                            )));
                        }
                        return Err(PyErr::type_error(format!(
                            "{qualname}() got an unexpected keyword argument '{}'",
                            name.as_str()
                        )));
                    }
                },
            }
        }
        if let Some(d) = varkw {
            locals[varkw_index] = Value::Dict(d);
        }
        // Defaults for positional parameters.
        if let Some(defaults) = func.defaults.borrow().as_ref() {
            let first = argcount.saturating_sub(defaults.len());
            for (i, d) in defaults.iter().enumerate() {
                let slot = first + i;
                if slot < argcount && locals[slot].is_null() {
                    locals[slot] = d.clone();
                }
            }
        }
        let missing: Vec<String> = (0..argcount)
            .filter(|&i| locals[i].is_null())
            .map(|i| format!("'{}'", code.localsplus_names[i].as_str()))
            .collect();
        if !missing.is_empty() {
            return Err(PyErr::type_error(format!(
                "{qualname}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        if kwonly > 0 {
            if let Some(kwd) = func.kwdefaults.borrow().as_ref() {
                #[allow(clippy::needless_range_loop)] // `i` indexes both locals and names.
                for i in argcount..argcount + kwonly {
                    if locals[i].is_null()
                        && let Some(v) = kwd.get_str(&Value::Str(code.localsplus_names[i].clone()))
                    {
                        locals[i] = v;
                    }
                }
            }
            let missing: Vec<String> = (argcount..argcount + kwonly)
                .filter(|&i| locals[i].is_null())
                .map(|i| format!("'{}'", code.localsplus_names[i].as_str()))
                .collect();
            if !missing.is_empty() {
                return Err(PyErr::type_error(format!(
                    "{qualname}() missing {} required keyword-only argument{}: {}",
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    join_names(&missing)
                )));
            }
        }
        Ok(())
    }

    /// `C(args)`: instance creation, or a built-in type's constructor.
    pub fn call_class(
        &mut self,
        klass: &Rc<Class>,
        args: &[Value],
        kw_names: Option<&Value>,
    ) -> PyResult<Value> {
        if Rc::ptr_eq(klass, &self.types.type_) && args.len() == 1 && kw_names.is_none() {
            return Ok(Value::Class(self.types.type_of(&args[0])));
        }
        // A metaclass with its own __call__.
        if let Some(meta) = klass.metaclass.borrow().clone()
            && let Some(call) = meta.lookup(&self.names.call.clone())
            && matches!(call, Value::Function(_))
        {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(Value::Class(klass.clone()));
            all.extend_from_slice(args);
            return self.call_value(&call, &all, kw_names);
        }
        self.type_call(klass, args, kw_names)
    }

    /// `type.__call__`: `__new__` then `__init__`.
    pub fn type_call(
        &mut self,
        klass: &Rc<Class>,
        args: &[Value],
        kw_names: Option<&Value>,
    ) -> PyResult<Value> {
        let new_name = self.names.new.clone();
        let new = klass.lookup(&new_name);
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(Value::Class(klass.clone()));
        all.extend_from_slice(args);
        let obj = match new {
            Some(Value::StaticMethod(f)) => self.call_value(&f, &all, kw_names)?,
            Some(new) => self.call_value(&new, &all, kw_names)?,
            None => self.object_new(klass, args, kw_names)?,
        };
        // Built-in types construct fully in __new__.
        if klass.is_builtin
            && klass.base_kind != BaseKind::Exception
            && klass.base_kind != BaseKind::Object
        {
            return Ok(obj);
        }
        let obj_class = self.types.type_of(&obj);
        if !obj_class.is_subclass(klass) {
            return Ok(obj);
        }
        let init_name = self.names.init.clone();
        if let Some(init) = obj_class.lookup(&init_name) {
            let object_init = self.types.object.dict.get_str(&init_name);
            let is_object_init = matches!((&init, &object_init), (Value::Builtin(a), Some(Value::Builtin(b))) if Rc::ptr_eq(a, b));
            if !is_object_init {
                all[0] = obj.clone();
                let r = self.call_value(&init, &all, kw_names)?;
                if !r.is_none() {
                    return Err(PyErr::type_error(format!(
                        "__init__() should return None, not '{}'",
                        self.types.type_of(&r).name()
                    )));
                }
            }
        }
        Ok(obj)
    }

    /// `object.__new__(cls)`: a fresh instance (with the built-in payload for subclasses of
    /// built-in types).
    pub fn object_new(
        &mut self,
        klass: &Rc<Class>,
        args: &[Value],
        kw_names: Option<&Value>,
    ) -> PyResult<Value> {
        let init_name = self.names.init.clone();
        let has_init = matches!(klass.lookup(&init_name), Some(Value::Function(_)));
        if klass.base_kind == BaseKind::Object
            && !has_init
            && (!args.is_empty() || kw_names.is_some())
        {
            return Err(PyErr::type_error(format!(
                "{}() takes no arguments",
                klass.name()
            )));
        }
        if let Some(abstracts) = klass.dict.get_item("__abstractmethods__") {
            self.check_not_abstract(klass, abstracts)?;
        }
        let base_value = match klass.base_kind {
            BaseKind::Exception => {
                let (pos, _) = split_kwargs(args, kw_names);
                Value::tuple(pos.to_vec())
            }
            BaseKind::List => Value::list(Vec::new()),
            BaseKind::Dict => Value::Dict(new_dict()),
            BaseKind::Set => Value::Set(new_dict()),
            _ => Value::Null,
        };
        Ok(self.new_instance(klass, base_value))
    }

    pub fn new_instance(&self, klass: &Rc<Class>, base_value: Value) -> Value {
        let (dict, slots) = match &klass.layout {
            Some(layout) => (layout.has_dict.then(new_dict), layout.initial.clone()),
            None => (Some(new_dict()), Vec::new()),
        };
        Value::Instance(Rc::new(Instance {
            class: RefCell::new(klass.clone()),
            dict,
            slots: RefCell::new(slots),
            base_value: RefCell::new(base_value),
            traceback: RefCell::new(Vec::new()),
        }))
    }
}

/// Splits a call's arguments into positional ones and `(name, value)` keyword pairs.
pub fn split_kwargs<'a>(args: &'a [Value], kw_names: Option<&Value>) -> (&'a [Value], Kwargs) {
    match kw_names {
        Some(Value::Tuple(names)) if names.len() <= args.len() => {
            let split = args.len() - names.len();
            let kwargs = names
                .iter()
                .zip(&args[split..])
                .filter_map(|(n, v)| n.as_str().map(|s| (s.clone(), v.clone())))
                .collect();
            (&args[..split], kwargs)
        }
        _ => (args, Vec::new()),
    }
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    }
}
