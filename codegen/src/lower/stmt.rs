//! Statements: module and class bodies, assignments (plain, augmented, annotated), `del`,
//! imports, `global`/`nonlocal`, expression statements, and dispatch to `control`.

use rustpython_ast::{self as ast, Ranged};

use super::constants::fold;
use super::function::{FunctionParts, docstring};
use super::{Compiler, NameCtx, Result, UnitKind};
use crate::format::{Constant, Opcode};

/// Whether a body has annotated assignments (then `__annotations__` is set up first).
fn has_annotations(body: &[ast::Stmt]) -> bool {
    body.iter().any(|s| match s {
        ast::Stmt::AnnAssign(_) => true,
        ast::Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        ast::Stmt::AsyncFor(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        ast::Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        ast::Stmt::If(i) => has_annotations(&i.body) || has_annotations(&i.orelse),
        ast::Stmt::With(w) => has_annotations(&w.body),
        ast::Stmt::AsyncWith(w) => has_annotations(&w.body),
        ast::Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    has_annotations(&h.body)
                })
        }
        ast::Stmt::TryStar(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    has_annotations(&h.body)
                })
        }
        ast::Stmt::Match(m) => m.cases.iter().any(|c| has_annotations(&c.body)),
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    /// A module: its body, then `return None`.
    pub(crate) fn module_body(&mut self, body: &'a [ast::Stmt]) -> Result<()> {
        if self.interactive {
            for stmt in body {
                self.visit_stmt(stmt)?;
            }
        } else {
            self.body(body, true)?;
        }
        self.implicit_return();
        Ok(())
    }

    /// A module or class body: `SETUP_ANNOTATIONS`, the docstring into `__doc__`, statements
    /// (CPython's `compiler_body`).
    pub(crate) fn body(&mut self, body: &'a [ast::Stmt], is_module: bool) -> Result<()> {
        if is_module && let Some(first) = body.first() {
            self.set_loc(first.range());
        }
        if has_annotations(body) {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        let mut skip = 0;
        if let Some(doc) = docstring(body) {
            skip = 1;
            if let Some(first) = body.first() {
                self.set_loc(first.range());
            }
            self.load_const(Constant::Str(doc.to_string()));
            self.unset_loc();
            self.nameop("__doc__", NameCtx::Store)?;
        }
        for stmt in &body[skip..] {
            self.visit_stmt(stmt)?;
        }
        Ok(())
    }

    pub(crate) fn visit_stmts(&mut self, body: &'a [ast::Stmt]) -> Result<()> {
        for stmt in body {
            self.visit_stmt(stmt)?;
        }
        Ok(())
    }

    pub(crate) fn visit_stmt(&mut self, stmt: &'a ast::Stmt) -> Result<()> {
        use ast::Stmt as S;
        self.set_loc(stmt.range());
        match stmt {
            S::FunctionDef(f) => self.function_def(
                f,
                FunctionParts {
                    name: &f.name,
                    args: &f.args,
                    body: &f.body,
                    decorators: &f.decorator_list,
                    returns: f.returns.as_deref(),
                    range: f.range,
                },
                false,
            )?,
            S::AsyncFunctionDef(f) => self.function_def(
                f,
                FunctionParts {
                    name: &f.name,
                    args: &f.args,
                    body: &f.body,
                    decorators: &f.decorator_list,
                    returns: f.returns.as_deref(),
                    range: f.range,
                },
                true,
            )?,
            S::ClassDef(c) => self.class_def(c)?,
            S::Return(r) => self.return_stmt(r)?,
            S::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
            }
            S::Assign(a) if self.swap_assign(a)? => {}
            S::Assign(a) => {
                self.visit_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Opcode::COPY, 1);
                    }
                    self.visit_expr(t)?;
                }
            }
            S::AugAssign(a) => self.aug_assign(a)?,
            S::AnnAssign(a) => self.ann_assign(a)?,
            S::For(f) => self.for_loop(f)?,
            S::AsyncFor(f) => self.async_for(f)?,
            S::While(w) => self.while_loop(w)?,
            S::If(i) => {
                let end = self.new_block();
                let next = if i.orelse.is_empty() {
                    end
                } else {
                    self.new_block()
                };
                self.jump_if(&i.test, next, false)?;
                self.visit_stmts(&i.body)?;
                if !i.orelse.is_empty() {
                    self.emit_jump_noline(crate::ir::Op::Jump, end);
                    self.use_block(next);
                    self.visit_stmts(&i.orelse)?;
                }
                self.use_block(end);
            }
            S::With(w) => self.with_stmt(w, 0)?,
            S::AsyncWith(w) => self.async_with(w, 0)?,
            S::Match(m) => self.match_stmt(m)?,
            S::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.visit_expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Opcode::RAISE_VARARGS, n);
            }
            S::Try(t) => {
                if t.finalbody.is_empty() {
                    self.try_except(&t.body, &t.handlers, &t.orelse)?;
                } else {
                    self.try_finally(&t.body, &t.handlers, &t.orelse, &t.finalbody, false)?;
                }
            }
            S::TryStar(t) => {
                if t.finalbody.is_empty() {
                    self.try_star_except(&t.body, &t.handlers, &t.orelse)?;
                } else {
                    self.try_finally(&t.body, &t.handlers, &t.orelse, &t.finalbody, true)?;
                }
            }
            S::Assert(a) => {
                let end = self.new_block();
                self.jump_if(&a.test, end, true)?;
                self.emit(Opcode::LOAD_ASSERTION_ERROR, 0);
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                    self.emit(Opcode::PRECALL, 0);
                    self.emit(Opcode::CALL, 0);
                }
                self.emit(Opcode::RAISE_VARARGS, 1);
                self.use_block(end);
            }
            S::Import(i) => self.import(i)?,
            S::ImportFrom(i) => self.import_from(i)?,
            S::Global(_) | S::Nonlocal(_) => {}
            S::Expr(e) => {
                if self.interactive && self.units.len() == 1 {
                    self.visit_expr(&e.value)?;
                    self.emit(Opcode::PRINT_EXPR, 0);
                } else if matches!(e.value.as_ref(), ast::Expr::Constant(_)) {
                    self.emit(Opcode::NOP, 0);
                } else {
                    self.visit_expr(&e.value)?;
                    self.emit_noline(Opcode::POP_TOP, 0);
                }
            }
            S::Pass(_) => self.emit(Opcode::NOP, 0),
            S::Break(_) => self.break_stmt(stmt.range())?,
            S::Continue(_) => self.continue_stmt(stmt.range())?,
            S::TypeAlias(t) => return Err(self.unsupported("type alias statement", t.range)),
        }
        Ok(())
    }

    /// `a, b = b, a`: CPython's optimizer turns `BUILD_TUPLE n; UNPACK_SEQUENCE n` (n <= 3)
    /// into `SWAP n` (or nothing for n = 1). Returns whether it applied.
    fn swap_assign(&mut self, a: &'a ast::StmtAssign) -> Result<bool> {
        let [target] = a.targets.as_slice() else {
            return Ok(false);
        };
        let (
            ast::Expr::Tuple(value),
            ast::Expr::Tuple(ast::ExprTuple { elts: targets, .. })
            | ast::Expr::List(ast::ExprList { elts: targets, .. }),
        ) = (a.value.as_ref(), target)
        else {
            return Ok(false);
        };
        let n = value.elts.len();
        let starred = |e: &ast::Expr| matches!(e, ast::Expr::Starred(_));
        if n == 0
            || n > 3
            || targets.len() != n
            || value.elts.iter().any(starred)
            || targets.iter().any(starred)
        {
            return Ok(false);
        }
        if fold(&a.value).is_some() {
            return Ok(false);
        }
        let saved = self.unit_ref().loc;
        self.set_loc(a.value.range());
        for e in &value.elts {
            self.visit_expr(e)?;
        }
        self.emit(Opcode::NOP, 0);
        self.set_loc(target.range());
        if n == 1 {
            self.emit(Opcode::NOP, 0);
        } else {
            self.emit(Opcode::SWAP, n as u32);
        }
        self.unit().loc = saved;
        for t in targets {
            self.visit_expr(t)?;
        }
        Ok(true)
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> Result<()> {
        let target = a.target.as_ref();
        let stmt_loc = self.unit_ref().loc;
        self.set_loc(target.range());
        let field = self.static_field_const(target);
        match target {
            ast::Expr::Attribute(attr) => {
                self.visit_expr(&attr.value)?;
                self.emit(Opcode::COPY, 1);
                self.attr_loc(target);
                match field {
                    Some(index) => self.emit(Opcode::LOAD_FIELD, index),
                    None => self.emit_name(Opcode::LOAD_ATTR, &attr.attr),
                }
            }
            ast::Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::BINARY_SUBSCR, 0);
            }
            ast::Expr::Name(n) => self.nameop(&n.id, NameCtx::Load)?,
            _ => {
                return Err(self.syntax_error(
                    "illegal expression for augmented assignment",
                    target.range(),
                ));
            }
        }
        self.unit().loc = stmt_loc;
        self.visit_expr(&a.value)?;
        if !self.static_aug_op(a)? {
            self.emit(Opcode::BINARY_OP, super::expr::binary_op_arg(a.op) + 13);
        }
        self.set_loc(target.range());
        match target {
            ast::Expr::Attribute(attr) => {
                self.attr_loc(target);
                self.emit(Opcode::SWAP, 2);
                match field {
                    Some(index) => self.emit(Opcode::STORE_FIELD, index),
                    None => self.emit_name(Opcode::STORE_ATTR, &attr.attr),
                }
            }
            ast::Expr::Subscript(_) => {
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_SUBSCR, 0);
            }
            ast::Expr::Name(n) => self.nameop(&n.id, NameCtx::Store)?,
            _ => {}
        }
        Ok(())
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> Result<()> {
        if let Some(v) = &a.value {
            self.visit_expr(v)?;
            self.visit_expr(&a.target)?;
        }
        let module_or_class = matches!(self.unit_ref().kind, UnitKind::Module | UnitKind::Class);
        match a.target.as_ref() {
            ast::Expr::Name(n) => {
                if a.simple && module_or_class {
                    if self.future_annotations {
                        let text = self.source_text(a.annotation.range());
                        self.load_const(Constant::Str(text));
                    } else {
                        self.visit_expr(&a.annotation)?;
                    }
                    self.emit_name(Opcode::LOAD_NAME, "__annotations__");
                    let mangled = self.mangle(&n.id);
                    self.load_const(Constant::Str(mangled));
                    self.emit(Opcode::STORE_SUBSCR, 0);
                }
            }
            ast::Expr::Attribute(attr) => {
                if a.value.is_none() {
                    self.visit_expr(&attr.value)?;
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            ast::Expr::Subscript(s) => {
                if a.value.is_none() {
                    self.visit_expr(&s.value)?;
                    self.emit(Opcode::POP_TOP, 0);
                    self.check_ann_subscript(&s.slice)?;
                }
            }
            other => {
                return Err(
                    self.syntax_error("invalid node type for annotated assignment", other.range())
                );
            }
        }
        if !a.simple && module_or_class && !self.future_annotations {
            self.visit_expr(&a.annotation)?;
            self.emit(Opcode::POP_TOP, 0);
        }
        Ok(())
    }

    fn check_ann_subscript(&mut self, slice: &'a ast::Expr) -> Result<()> {
        match slice {
            ast::Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(part)?;
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            ast::Expr::Tuple(t) => {
                for e in &t.elts {
                    self.check_ann_subscript(e)?;
                }
            }
            other => {
                if fold(other).is_none() {
                    self.visit_expr(other)?;
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
        }
        Ok(())
    }

    fn import(&mut self, i: &'a ast::StmtImport) -> Result<()> {
        for alias in &i.names {
            self.load_const(Constant::Int(0));
            self.load_const(Constant::None);
            self.emit_name(Opcode::IMPORT_NAME, &alias.name);
            match &alias.asname {
                Some(asname) => {
                    let parts: Vec<&str> = alias.name.split('.').collect();
                    if parts.len() > 1 {
                        for (k, part) in parts[1..].iter().enumerate() {
                            self.emit_name(Opcode::IMPORT_FROM, part);
                            if k + 2 < parts.len() {
                                self.emit(Opcode::SWAP, 2);
                                self.emit(Opcode::POP_TOP, 0);
                            }
                        }
                        self.nameop(asname, NameCtx::Store)?;
                        self.emit(Opcode::POP_TOP, 0);
                    } else {
                        self.nameop(asname, NameCtx::Store)?;
                    }
                }
                None => {
                    let first = alias.name.split('.').next().unwrap_or("");
                    self.nameop(first, NameCtx::Store)?;
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, i: &'a ast::StmtImportFrom) -> Result<()> {
        let level = i.level.as_ref().map_or(0, |l| l.to_u32());
        self.load_const(Constant::Int(i64::from(level)));
        let names: Vec<Constant> = i
            .names
            .iter()
            .map(|a| Constant::Str(a.name.to_string()))
            .collect();
        self.load_const(Constant::Tuple(names));
        let module = i.module.as_ref().map_or(String::new(), |m| m.to_string());
        self.emit_name(Opcode::IMPORT_NAME, &module);
        if i.names.len() == 1 && i.names[0].name.as_str() == "*" {
            if self.scope().is_function_like() {
                return Err(self.syntax_error("import * only allowed at module level", i.range));
            }
            self.emit(Opcode::IMPORT_STAR, 0);
            return Ok(());
        }
        if module == "__future__" {
            for alias in &i.names {
                let known = [
                    "nested_scopes",
                    "generators",
                    "division",
                    "absolute_import",
                    "with_statement",
                    "print_function",
                    "unicode_literals",
                    "barry_as_FLUFL",
                    "generator_stop",
                    "annotations",
                ];
                if !known.contains(&alias.name.as_str()) {
                    return Err(self.syntax_error(
                        format!("future feature {} is not defined", alias.name),
                        alias.range,
                    ));
                }
            }
        }
        for alias in &i.names {
            self.emit_name(Opcode::IMPORT_FROM, &alias.name);
            let bound = alias.asname.as_ref().unwrap_or(&alias.name);
            self.nameop(bound, NameCtx::Store)?;
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }
}
