//! Imports: `sys.modules`, native modules, and modules found on `sys.path` as `.py` source
//! (compiled through the compile hook) or as `.pyc`.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::{CompileMode, Frame, Interp};
use crate::object::{ExcKind, Module, PyErr, PyResult, PyStr, Value, new_dict};

impl Interp {
    pub(crate) fn import_name(
        &mut self,
        f: &Frame,
        name: &Value,
        fromlist: Value,
        level: Value,
    ) -> PyResult<Value> {
        let name = name.as_str().map_or("", |s| s.as_str()).to_owned();
        let level = match level {
            Value::Int(l) => l.max(0) as usize,
            _ => 0,
        };
        let globals = Value::Dict(f.globals.clone());
        self.import_module_level(&name, &globals, &fromlist, level)
    }

    /// `__import__(name, globals, locals, fromlist, level)`.
    pub fn import_module_level(
        &mut self,
        name: &str,
        globals: &Value,
        fromlist: &Value,
        level: usize,
    ) -> PyResult<Value> {
        let absolute = if level > 0 {
            let package = match globals {
                Value::Dict(g) => {
                    let pkg = g
                        .get_item("__package__")
                        .and_then(|p| p.as_str().map(|s| s.as_str().to_owned()));
                    match pkg {
                        Some(p) if !p.is_empty() => p,
                        _ => {
                            let modname = g
                                .get_item("__name__")
                                .and_then(|p| p.as_str().map(|s| s.as_str().to_owned()))
                                .unwrap_or_default();
                            if g.get_item("__path__").is_some() {
                                modname
                            } else {
                                modname
                                    .rsplit_once('.')
                                    .map(|(a, _)| a.to_owned())
                                    .unwrap_or_default()
                            }
                        }
                    }
                }
                _ => String::new(),
            };
            if package.is_empty() {
                return Err(PyErr::new(
                    ExcKind::ImportError,
                    "attempted relative import with no known parent package",
                ));
            }
            let mut parts: Vec<&str> = package.split('.').collect();
            for _ in 1..level {
                if parts.pop().is_none() {
                    return Err(PyErr::new(
                        ExcKind::ImportError,
                        "attempted relative import beyond top-level package",
                    ));
                }
            }
            let base = parts.join(".");
            if name.is_empty() {
                base
            } else {
                format!("{base}.{name}")
            }
        } else {
            name.to_owned()
        };
        let module = self.import_dotted(&absolute)?;
        let has_fromlist = match fromlist {
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::None => false,
            _ => true,
        };
        if has_fromlist {
            // `from pkg import sub`: import submodules named in the fromlist.
            if let Value::Module(m) = &module
                && m.dict.get_item("__path__").is_some()
            {
                let names = self.collect(fromlist.clone())?;
                for n in names {
                    if let Value::Str(s) = &n
                        && s.as_str() != "*"
                        && m.dict.get_str(&n).is_none()
                    {
                        let full = format!("{absolute}.{}", s.as_str());
                        match self.import_dotted(&full) {
                            Ok(_) => {}
                            Err(e) if self.err_is(&e, ExcKind::ModuleNotFoundError) => {}
                            Err(e) => return Err(e),
                        }
                    }
                }
            }
            return Ok(module);
        }
        if level == 0 {
            let top = absolute.split('.').next().unwrap_or("");
            return self.modules.get_item(top).ok_or_else(|| no_module(top));
        }
        let top = name.split('.').next().unwrap_or("");
        let base_len = absolute.len() - name.len();
        let top_full = format!("{}{top}", &absolute[..base_len]);
        self.modules
            .get_item(&top_full)
            .ok_or_else(|| no_module(&top_full))
    }

    /// Imports `a.b.c` (and `a`, `a.b` first), returning the module `a.b.c`.
    pub fn import_dotted(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get_item(name) {
            return Ok(m);
        }
        let mut path_dirs: Option<Vec<PathBuf>> = None;
        let mut prefix = String::new();
        let mut result = Value::None;
        for part in name.split('.') {
            let full = if prefix.is_empty() {
                part.to_owned()
            } else {
                format!("{prefix}.{part}")
            };
            let module = match self.modules.get_item(&full) {
                Some(m) => m,
                None => {
                    let m = match self.load_module(&full, part, path_dirs.as_deref()) {
                        Ok(m) => m,
                        Err(e) => match crate::static_rt::fallback_module(self, &full) {
                            Some(m) => {
                                self.modules.set_item(&full, m.clone());
                                m
                            }
                            None => return Err(self.with_import_name(e, &full)),
                        },
                    };
                    if !prefix.is_empty()
                        && let Some(Value::Module(parent)) = self.modules.get_item(&prefix)
                    {
                        parent.dict.set_item(part, m.clone());
                    }
                    m
                }
            };
            path_dirs = match &module {
                Value::Module(m) => match m.dict.get_item("__path__") {
                    Some(Value::List(l)) => Some(
                        l.borrow()
                            .iter()
                            .filter_map(|p| p.as_str().map(|s| PathBuf::from(s.as_str())))
                            .collect(),
                    ),
                    _ => None,
                },
                _ => None,
            };
            if path_dirs.is_none() && full != name {
                return Err(PyErr::new(
                    ExcKind::ModuleNotFoundError,
                    format!("No module named '{name}'; '{full}' is not a package"),
                ));
            }
            prefix = full;
            result = module;
        }
        Ok(result)
    }

    fn load_module(&mut self, full: &str, part: &str, dirs: Option<&[PathBuf]>) -> PyResult<Value> {
        if let Some(m) = crate::builtins::native_module(self, full) {
            self.modules.set_item(full, m.clone());
            return Ok(m);
        }
        let search: Vec<PathBuf> = match dirs {
            Some(d) => d.to_vec(),
            None => {
                let items = match &self.sys_path {
                    Value::List(l) => l.borrow().clone(),
                    _ => Vec::new(),
                };
                items
                    .iter()
                    .filter_map(|p| p.as_str().map(|s| PathBuf::from(s.as_str())))
                    .collect()
            }
        };
        for dir in search {
            let dir = if dir.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                dir
            };
            let pkg_init = dir.join(part).join("__init__.py");
            if pkg_init.is_file() {
                return self.exec_module_file(full, &pkg_init, Some(dir.join(part)));
            }
            let file = dir.join(format!("{part}.py"));
            if file.is_file() {
                // Without a compiler, fall back to the bytecode CPython cached next to it.
                let cached = dir
                    .join("__pycache__")
                    .join(format!("{part}.cpython-311.pyc"));
                if self.compile_hook_fails() && cached.is_file() {
                    return self.exec_module_file(full, &cached, None);
                }
                return self.exec_module_file(full, &file, None);
            }
            let pyc = dir.join(format!("{part}.pyc"));
            if pyc.is_file() {
                return self.exec_module_file(full, &pyc, None);
            }
        }
        Err(no_module(full))
    }

    /// Creates a module object with the standard attributes.
    pub fn new_module(&mut self, name: &str, file: Option<&Path>) -> Rc<Module> {
        let dict = new_dict();
        dict.set_item("__name__", Value::str(name));
        dict.set_item("__doc__", Value::None);
        dict.set_item("__spec__", Value::None);
        dict.set_item("__loader__", Value::None);
        dict.set_item(
            "__package__",
            Value::str(name.rsplit_once('.').map_or("", |(a, _)| a)),
        );
        if let Some(file) = file {
            dict.set_item(
                "__file__",
                Value::from_string(file.to_string_lossy().into_owned()),
            );
        }
        dict.set_item("__builtins__", Value::Dict(self.builtins.clone()));
        Rc::new(Module {
            name: PyStr::new(name),
            dict,
            frozen: std::cell::Cell::new(false),
        })
    }

    fn exec_module_file(
        &mut self,
        name: &str,
        path: &Path,
        package_dir: Option<PathBuf>,
    ) -> PyResult<Value> {
        let code = self.compile_file(path)?;
        let module = self.new_module(name, Some(path));
        if let Some(dir) = package_dir {
            module.dict.set_item(
                "__path__",
                Value::list(vec![Value::from_string(dir.to_string_lossy().into_owned())]),
            );
            module.dict.set_item("__package__", Value::str(name));
        }
        let value = Value::Module(module.clone());
        self.modules.set_item(name, value.clone());
        if let Err(e) = self.exec_code(code, module.dict.clone(), None) {
            self.modules.remove_str(&Value::str(name));
            return Err(e);
        }
        // Codegen marks a static module with `__final_constants__`: it is frozen once loaded.
        if module.dict.get_item("__final_constants__").is_some() {
            module.frozen.set(true);
        }
        Ok(self.modules.get_item(name).unwrap_or(value))
    }

    /// Reads and compiles (or loads) a module file.
    pub fn compile_file(&mut self, path: &Path) -> PyResult<Rc<super::Code>> {
        let bytes = std::fs::read(path).map_err(|e| {
            PyErr::new(
                ExcKind::ImportError,
                format!("cannot read {}: {e}", path.display()),
            )
        })?;
        if path.extension().is_some_and(|e| e == "pyc") {
            return crate::loader::load_pyc(&bytes)
                .map_err(|e| PyErr::new(ExcKind::ImportError, format!("{}: {e}", path.display())));
        }
        let source = String::from_utf8(bytes).map_err(|_| {
            PyErr::new(
                ExcKind::SyntaxError,
                format!("{}: source is not UTF-8", path.display()),
            )
        })?;
        self.compile_source(&source, &path.to_string_lossy(), CompileMode::Exec)
    }

    /// Whether the compile hook is missing or refuses to compile anything.
    fn compile_hook_fails(&self) -> bool {
        match &self.compile_hook {
            None => true,
            Some(hook) => hook("", "<probe>", CompileMode::Exec).is_err(),
        }
    }

    /// Compiles source text through the hook.
    pub fn compile_source(
        &mut self,
        source: &str,
        filename: &str,
        mode: CompileMode,
    ) -> PyResult<Rc<super::Code>> {
        let Some(hook) = &self.compile_hook else {
            return Err(PyErr::new(
                ExcKind::ImportError,
                format!("cannot compile {filename}: no compiler is available"),
            ));
        };
        let co = hook(source, filename, mode).map_err(|m| PyErr::new(ExcKind::SyntaxError, m))?;
        crate::loader::load_code(&co).map_err(|e| PyErr::new(ExcKind::SystemError, e.to_string()))
    }

    /// Runs module-level code with `globals` (and `locals`, for `exec` with two namespaces).
    pub fn exec_code(
        &mut self,
        code: Rc<super::Code>,
        globals: Rc<crate::object::PyDict>,
        locals: Option<Value>,
    ) -> PyResult<Value> {
        if globals.get_item("__builtins__").is_none() {
            globals.set_item("__builtins__", Value::Dict(self.builtins.clone()));
        }
        let nlocals = code.localsplus_names.len();
        let frame = Frame {
            stack: Vec::with_capacity(code.stacksize),
            locals: vec![Value::Null; nlocals],
            code,
            pc: 0,
            last_pc: 0,
            names: Some(locals.unwrap_or_else(|| Value::Dict(globals.clone()))),
            globals,
            builtins: self.builtins.clone(),
            closure: None,
            kw_names: None,
            func: None,
            trusted: false,
        };
        self.run_frame(frame)
    }

    pub(crate) fn import_from(&mut self, module: &Value, name: &Value) -> PyResult<Value> {
        if let Some(v) = self.get_attr_opt(module, name)? {
            return Ok(v);
        }
        let n = name.as_str().map_or("?", |s| s.as_str()).to_owned();
        if let Value::Module(m) = module {
            // A module's own `__getattr__` (PEP 562).
            if let Some(hook) = m.dict.get_item("__getattr__") {
                match self.call_value(&hook, std::slice::from_ref(name), None) {
                    Ok(v) => return Ok(v),
                    Err(e) if !self.err_is(&e, ExcKind::AttributeError) => return Err(e),
                    Err(_) => {}
                }
            }
            let full = format!("{}.{n}", m.name.as_str());
            if let Some(v) = self.modules.get_item(&full) {
                return Ok(v);
            }
            let file = m
                .dict
                .get_item("__file__")
                .and_then(|f| f.as_str().map(|s| s.as_str().to_owned()));
            let location =
                file.map_or_else(|| " (unknown location)".to_owned(), |f| format!(" ({f})"));
            return Err(PyErr::new(
                ExcKind::ImportError,
                format!(
                    "cannot import name '{n}' from '{}'{location}",
                    m.name.as_str()
                ),
            ));
        }
        Err(PyErr::new(
            ExcKind::ImportError,
            format!("cannot import name '{n}'"),
        ))
    }

    pub(crate) fn import_star(&mut self, f: &Frame, module: &Value) -> PyResult<()> {
        let Value::Module(m) = module else {
            return Ok(());
        };
        let names: Vec<Value> = match m.dict.get_item("__all__") {
            Some(all) => self.collect(all)?,
            None => m
                .dict
                .keys()
                .into_iter()
                .filter(|k| k.as_str().is_some_and(|s| !s.as_str().starts_with('_')))
                .collect(),
        };
        for n in names {
            let v = self.get_attr(module, &n)?;
            match &f.names {
                Some(Value::Dict(d)) => d.set_str(n, v),
                _ => f.globals.set_str(n, v),
            }
        }
        Ok(())
    }
}

fn no_module(name: &str) -> PyErr {
    PyErr::new(
        ExcKind::ModuleNotFoundError,
        format!("No module named '{name}'"),
    )
}

impl Interp {
    /// Gives an `ImportError` its `name` attribute.
    pub(crate) fn with_import_name(&mut self, err: PyErr, name: &str) -> PyErr {
        if !self.err_is(&err, ExcKind::ImportError) {
            return err;
        }
        let exc = self.materialize(err);
        if let Value::Instance(inst) = &exc
            && let Some(d) = &inst.dict
            && d.get_item("name").is_none()
        {
            d.set_item("name", Value::str(name));
        }
        PyErr::Obj(exc)
    }
}
