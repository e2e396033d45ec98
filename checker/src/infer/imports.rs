//! Import statements: binding imported modules and names, and `unresolved-import`
//! (a stdlib module without a stub is dynamic, not an error; so is an import inside a
//! `try` that handles `ImportError`).

use rustpython_parser::ast;

use crate::diagnostics::{Span, codes};
use crate::infer::builder::{Infer, global_value};
use crate::resolve::{absolute_name, resolve_module};
use crate::types::Ty;

impl<'db, 'a> Infer<'db, 'a> {
    pub(super) fn import_stmt(&mut self, import: &'a ast::StmtImport) {
        for alias in &import.names {
            let full = alias.name.as_str();
            let span = Span::from(alias.range);
            let file = resolve_module(self.db, full);
            if file.is_none()
                && !crate::declare::stdlib::is_stdlib_module(full)
                && full != "__main__"
            {
                self.report_import(
                    codes::UNRESOLVED_IMPORT,
                    span,
                    format!("cannot resolve module `{full}`"),
                );
            }
            match &alias.asname {
                Some(asname) => self.bind_name(asname.as_str(), Ty::module(full, file)),
                None => {
                    let top = full.split('.').next().unwrap_or(full);
                    let top_file = resolve_module(self.db, top);
                    self.bind_name(top, Ty::module(top, top_file));
                }
            }
        }
    }

    pub(super) fn import_from_stmt(&mut self, from: &'a ast::StmtImportFrom) {
        let level = from.level.map_or(0, |l| l.to_u32());
        let module = absolute_name(self.db, self.file, level, from.module.as_deref());
        let Some(module) = module else {
            self.report_import(
                codes::UNRESOLVED_IMPORT,
                Span::from(from.range),
                "relative import climbs above the top package",
            );
            return;
        };
        let file = resolve_module(self.db, &module);
        let dynamic = file.is_none();
        if dynamic
            && !crate::declare::stdlib::is_stdlib_module(&module)
            && !matches!(&*module, "__future__" | "__main__")
        {
            self.report_import(
                codes::UNRESOLVED_IMPORT,
                Span::from(from.range),
                format!("cannot resolve module `{module}`"),
            );
        }
        for alias in &from.names {
            let name = alias.name.as_str();
            if name == "*" {
                continue;
            }
            let bound = alias.asname.as_ref().map_or(name, |a| a.as_str());
            let ty = match file {
                None => Ty::unknown(),
                Some(file) => {
                    let sub = format!("{module}.{name}");
                    match global_value(self.db, file, name, 0).filter(|_| {
                        let decls = crate::declare::module_declarations(self.db, file);
                        decls.globals.contains_key(name) || !decls.star_imports.is_empty()
                    }) {
                        Some(ty) => ty,
                        None => match resolve_module(self.db, &sub) {
                            Some(sub_file) => Ty::module(&sub, Some(sub_file)),
                            None if name.starts_with("__") && name.ends_with("__") => Ty::unknown(),
                            None => {
                                self.report(
                                    codes::UNRESOLVED_IMPORT,
                                    Span::from(alias.range),
                                    format!("module `{module}` has no member `{name}`"),
                                );
                                Ty::unknown()
                            }
                        },
                    }
                }
            };
            self.bind_name(bound, ty);
        }
    }

    /// Reports an unresolved import unless a `try` around it handles `ImportError`.
    pub(super) fn report_import(
        &mut self,
        code: crate::Code,
        span: Span,
        message: impl Into<String>,
    ) {
        if self.import_guards == 0 {
            self.report(code, span, message);
        }
    }
}

/// Whether an `except` clause's type catches a failed import.
pub(super) fn catches_import_error(expr: &ast::Expr) -> bool {
    match expr {
        ast::Expr::Name(n) => matches!(
            n.id.as_str(),
            "ImportError" | "ModuleNotFoundError" | "Exception" | "BaseException"
        ),
        ast::Expr::Attribute(a) => matches!(a.attr.as_str(), "ImportError" | "ModuleNotFoundError"),
        ast::Expr::Tuple(t) => t.elts.iter().any(catches_import_error),
        _ => false,
    }
}
