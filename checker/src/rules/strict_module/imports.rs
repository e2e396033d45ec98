//! Imports. A module resolves to a strict module (its top level is interpreted, once,
//! and its values are owned by it), to a modelled stdlib module, or else to an unknown
//! value (`<imported module m>`, `<x imported from m>`) that may be imported but not used
//! at module level. `from m import *` is an error, and so are imports in a class body
//! and imports of non-strict modules run by a call at module level.

use std::rc::Rc;

use rustpython_parser::ast;

use super::errors::ErrorKind;
use super::interp::{Env, Eval, Interp, ScopeKind};
use super::values::{ModuleContext, ModuleObject, ObjectData, Value, new_scope};
use crate::diagnostics::Span;
use crate::ready::{ModuleKind, module_kind_of};

impl<'a> Interp<'a> {
    pub(crate) fn exec_import(
        &mut self,
        env: &Env<'a>,
        s: &'a ast::StmtImport,
        span: Span,
    ) -> Eval<'a, ()> {
        self.check_import_context(env, span)?;
        for alias in &s.names {
            let full = alias.name.as_str();
            let mut parts = full.split('.');
            let top = parts.next().unwrap_or_default();
            let mut module = self.load_module(top);
            let mut path = top.to_string();
            let top_module = module.clone();
            for part in parts {
                path.push('.');
                path.push_str(part);
                let child = self.load_module(&path);
                if let Value::Object(o) = &module
                    && let ObjectData::Module(m) = &*o.data.borrow()
                    && !m.scope.borrow().contains_key(part)
                {
                    m.scope.borrow_mut().insert(part.to_string(), child.clone());
                }
                module = child;
            }
            self.check_function_import(env, &module, span)?;
            match &alias.asname {
                Some(name) => self.store_name(env, name.as_str(), module),
                None => self.store_name(env, top, top_module),
            }
        }
        Ok(())
    }

    pub(crate) fn exec_import_from(
        &mut self,
        env: &Env<'a>,
        s: &'a ast::StmtImportFrom,
        span: Span,
    ) -> Eval<'a, ()> {
        self.check_import_context(env, span)?;
        let level = s.level.as_ref().map_or(0, |l| l.to_u32());
        let module_name = s.module.as_ref().map(|m| m.as_str());
        let absolute = crate::resolve::absolute_name(self.db, env.module.file, level, module_name);
        let display = format!(
            "{}{}",
            ".".repeat(level as usize),
            module_name.unwrap_or_default()
        );
        let Some(absolute) = absolute else {
            return self.raise(
                env,
                "ImportError",
                "attempted relative import beyond top-level package",
                span,
            );
        };
        if s.names.iter().any(|a| a.name.as_str() == "*") {
            return self.error(env, ErrorKind::StarImport { module: absolute }, span);
        }
        let module = self.load_module(&absolute);
        self.check_function_import(env, &module, span)?;
        for alias in &s.names {
            let name = alias.name.as_str();
            let bound = alias.asname.as_ref().map_or(name, |a| a.as_str());
            let value = match &module {
                Value::Object(o) => {
                    let found = match &*o.data.borrow() {
                        ObjectData::Module(m) => m
                            .scope
                            .borrow()
                            .get(name)
                            .cloned()
                            .map(Ok)
                            .unwrap_or(Err((m.strict, m.opaque_fallback))),
                        _ => Err((false, false)),
                    };
                    match found {
                        Ok(v) => v,
                        Err((strict, opaque)) => {
                            let submodule = format!("{absolute}.{name}");
                            let child = self.load_module(&submodule);
                            match child {
                                Value::Object(_) => child,
                                _ if opaque => {
                                    Value::Opaque(Rc::from(format!("{absolute}.{name}")))
                                }
                                _ if strict
                                    && crate::resolve::resolve_module(self.db, &submodule)
                                        .is_none() =>
                                {
                                    let message =
                                        format!("cannot import name '{name}' from '{absolute}'");
                                    return self.raise(env, "ImportError", &message, span);
                                }
                                _ => unknown_from(
                                    name,
                                    &display,
                                    alias.asname.as_ref().map(|a| a.as_str()),
                                ),
                            }
                        }
                    }
                }
                _ => unknown_from(name, &display, alias.asname.as_ref().map(|a| a.as_str())),
            };
            self.store_name(env, bound, value);
        }
        Ok(())
    }

    fn check_import_context(&self, env: &Env<'a>, span: Span) -> Eval<'a, ()> {
        if env.kind == ScopeKind::Class {
            return self.error(
                env,
                ErrorKind::ImportDisallowed {
                    context: "class body",
                },
                span,
            );
        }
        Ok(())
    }

    /// An import run by a call at module level may not load a non-strict module.
    fn check_function_import(&self, env: &Env<'a>, module: &Value<'a>, span: Span) -> Eval<'a, ()> {
        if env.kind == ScopeKind::Function && module.is_unknown() {
            return self.error(
                env,
                ErrorKind::ImportDisallowed {
                    context: "a function called at module level",
                },
                span,
            );
        }
        Ok(())
    }

    /// The module object of an absolute module name, loading it on first use.
    pub(crate) fn load_module(&mut self, name: &str) -> Value<'a> {
        if let Some(module) = self.modules.get(name) {
            return module.clone();
        }
        if let Some(model) = self.stdlib_module(name) {
            self.modules.insert(name.to_string(), model.clone());
            return model;
        }
        let unknown = Value::Unknown(Rc::from(format!("<imported module {name}>")));
        let Some(file) = crate::resolve::resolve_module(self.db, name) else {
            self.modules.insert(name.to_string(), unknown.clone());
            return unknown;
        };
        if self.import_depth >= super::interp::IMPORT_DEPTH_LIMIT {
            return unknown;
        }
        let parsed = crate::parse::parsed_module(self.db, file);
        let suite: &'a [ast::Stmt] = parsed.suite();
        if parsed.has_syntax_error()
            || !matches!(
                module_kind_of(suite),
                ModuleKind::Strict | ModuleKind::Static
            )
        {
            self.modules.insert(name.to_string(), unknown.clone());
            return unknown;
        }
        let owner: Rc<str> = Rc::from(name);
        let scope = new_scope();
        scope
            .borrow_mut()
            .insert("__name__".into(), Value::str(name));
        let module = Value::object(
            &owner,
            ObjectData::Module(ModuleObject {
                name: owner.clone(),
                scope: scope.clone(),
                strict: true,
                opaque_fallback: false,
            }),
        );
        self.track(&module);
        // Registered before its body runs, so a cyclic import sees the partial module.
        self.modules.insert(name.to_string(), module.clone());
        let context = Rc::new(ModuleContext {
            name: owner.clone(),
            file,
            path: Some(file.path(self.db).clone()),
            scope,
        });
        let saved_owner = std::mem::replace(&mut self.owner, owner);
        let saved_depth = std::mem::replace(&mut self.depth, 0);
        let saved_handling = std::mem::take(&mut self.handling);
        self.import_depth += 1;
        self.run_module(context, suite, None);
        self.import_depth -= 1;
        self.owner = saved_owner;
        self.depth = saved_depth;
        self.handling = saved_handling;
        module
    }
}

fn unknown_from<'a>(name: &str, module: &str, alias: Option<&str>) -> Value<'a> {
    Value::Unknown(Rc::from(match alias {
        Some(alias) if alias != name => format!("<{name} imported from {module} as {alias}>"),
        _ => format!("<{name} imported from {module}>"),
    }))
}
