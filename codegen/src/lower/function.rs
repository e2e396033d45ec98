//! Code objects inside code objects: `def`, `async def`, `lambda`, `class`, and
//! comprehensions; with their defaults, annotations, decorators, closures and qualnames.

use rustpython_ast::text_size::TextRange;
use rustpython_ast::{self as ast, Ranged};

use super::symtable::NameScope;
use super::{Compiler, NameCtx, Result, UnitKind};
use crate::error::CodegenError;
use crate::format::code_object::flags;
use crate::format::{CodeObject, Constant, Opcode};
use crate::ir::Op;

/// Which comprehension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

/// The docstring of a body: a first statement that is a string literal.
pub(crate) fn docstring(body: &[ast::Stmt]) -> Option<&str> {
    match body.first() {
        Some(ast::Stmt::Expr(e)) => match e.value.as_ref() {
            ast::Expr::Constant(c) => match &c.value {
                ast::Constant::Str(s) => Some(s.as_str()),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// The parts of a `def` that matter here.
pub(crate) struct FunctionParts<'a> {
    pub name: &'a str,
    pub args: &'a ast::Arguments,
    pub body: &'a [ast::Stmt],
    pub decorators: &'a [ast::Expr],
    pub returns: Option<&'a ast::Expr>,
    pub range: TextRange,
}

impl<'a> Compiler<'a> {
    /// CPython's `compiler_set_qualname`.
    fn qualname(&self, name: &str, kind: UnitKind) -> String {
        if self.units.len() <= 1 {
            return name.to_string();
        }
        let parent = self.unit_ref();
        if matches!(kind, UnitKind::Function | UnitKind::Class) {
            let mangled = super::symtable::mangle(parent.private.as_deref(), name);
            if self.table.scopes[parent.scope].scope_of(&mangled) == NameScope::GlobalExplicit {
                return name.to_string();
            }
        }
        match parent.kind {
            UnitKind::Function | UnitKind::Lambda => format!("{}.<locals>.{name}", parent.qualname),
            UnitKind::Module => name.to_string(),
            UnitKind::Class | UnitKind::Comprehension => format!("{}.{name}", parent.qualname),
        }
    }

    fn scope_of_node<T>(&self, node: &T, range: TextRange) -> Result<usize> {
        self.table.scope_for(node).ok_or_else(|| {
            CodegenError::Bug(format!(
                "no scope for the definition at line {}",
                self.location(range).line
            ))
        })
    }

    /// Pushes the closure tuple of `code` (if any) and makes the function.
    pub(crate) fn make_closure(&mut self, code: CodeObject, mut make_flags: u32) -> Result<()> {
        let free = code
            .freevars()
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>();
        if !free.is_empty() {
            for name in &free {
                // A class's `__class__` cell, or a cell or free variable of this unit.
                let unit = self.unit_ref();
                let index = if let Some(i) = unit.cellvars.iter().position(|c| c == name) {
                    i
                } else if let Some(i) = unit.freevars.iter().position(|c| c == name) {
                    unit.cellvars.len() + i
                } else {
                    return Err(CodegenError::Bug(format!(
                        "free variable '{name}' not found in the enclosing scope"
                    )));
                };
                self.emit(Opcode::LOAD_CLOSURE, index as u32);
            }
            self.emit(Opcode::BUILD_TUPLE, free.len() as u32);
            make_flags |= 0x08;
        }
        self.load_code(code);
        self.emit(Opcode::MAKE_FUNCTION, make_flags);
        Ok(())
    }

    /// Positional defaults (a tuple) and keyword-only defaults (a dict); returns the flags.
    fn default_arguments(&mut self, args: &'a ast::Arguments) -> Result<u32> {
        let mut make_flags = 0;
        let defaults: Vec<&ast::Expr> = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            let folded: Option<Vec<Constant>> =
                defaults.iter().map(|d| super::constants::fold(d)).collect();
            match folded {
                Some(items) => self.load_const(Constant::Tuple(items)),
                None => {
                    for d in &defaults {
                        self.visit_expr(d)?;
                    }
                    self.emit(Opcode::BUILD_TUPLE, defaults.len() as u32);
                }
            }
            make_flags |= 0x01;
        }
        let kw: Vec<&ast::ArgWithDefault> = args
            .kwonlyargs
            .iter()
            .filter(|a| a.default.is_some())
            .collect();
        if !kw.is_empty() {
            let mut keys = Vec::new();
            for a in &kw {
                keys.push(Constant::Str(self.mangle(&a.def.arg)));
                if let Some(d) = &a.default {
                    self.visit_expr(d)?;
                }
            }
            self.load_const(Constant::Tuple(keys));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, kw.len() as u32);
            make_flags |= 0x02;
        }
        Ok(make_flags)
    }

    fn annotation_value(&mut self, ann: &'a ast::Expr) -> Result<()> {
        if self.future_annotations {
            let text = self.source_text(ann.range());
            self.load_const(Constant::Str(text));
            Ok(())
        } else {
            self.visit_expr(ann)
        }
    }

    /// Annotations as a flat tuple of name/value pairs; returns the flag.
    fn annotations(
        &mut self,
        args: &'a ast::Arguments,
        returns: Option<&'a ast::Expr>,
    ) -> Result<u32> {
        let mut count = 0;
        let plain = args.posonlyargs.iter().chain(&args.args).map(|a| &a.def);
        let all: Vec<&ast::Arg> = plain
            .chain(args.vararg.as_deref())
            .chain(args.kwonlyargs.iter().map(|a| &a.def))
            .chain(args.kwarg.as_deref())
            .collect();
        for a in all {
            if let Some(ann) = &a.annotation {
                let name = self.mangle(&a.arg);
                self.load_const(Constant::Str(name));
                self.annotation_value(ann)?;
                count += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Constant::Str("return".into()));
            self.annotation_value(r)?;
            count += 1;
        }
        if count > 0 {
            self.emit(Opcode::BUILD_TUPLE, count * 2);
            Ok(0x04)
        } else {
            Ok(0)
        }
    }

    fn set_arg_counts(&mut self, args: &ast::Arguments) {
        let unit = self.unit();
        unit.posonlyargcount = args.posonlyargs.len() as u32;
        unit.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        unit.kwonlyargcount = args.kwonlyargs.len() as u32;
        if args.vararg.is_some() {
            unit.flags |= flags::VARARGS;
        }
        if args.kwarg.is_some() {
            unit.flags |= flags::VARKEYWORDS;
        }
    }

    fn check_arguments(&self, args: &ast::Arguments, range: TextRange) -> Result<()> {
        let mut seen = std::collections::HashSet::new();
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
            .map(|a| &a.def);
        for a in all
            .chain(args.vararg.as_deref())
            .chain(args.kwarg.as_deref())
        {
            if !seen.insert(a.arg.as_str()) {
                return Err(self.syntax_error(
                    format!("duplicate argument '{}' in function definition", a.arg),
                    range,
                ));
            }
        }
        Ok(())
    }

    /// `def` and `async def` (CPython's `compiler_function`).
    pub(crate) fn function_def<T>(
        &mut self,
        node: &'a T,
        parts: FunctionParts<'a>,
        is_async: bool,
    ) -> Result<()> {
        self.check_arguments(parts.args, parts.range)?;
        let scope = self.scope_of_node(node, parts.range)?;
        for d in parts.decorators {
            self.visit_expr(d)?;
        }
        let firstlineno = match parts.decorators.first() {
            Some(d) => self.location(d.range()).line,
            None => self.location(parts.range).line,
        };
        let mut make_flags = self.default_arguments(parts.args)?;
        make_flags |= self.annotations(parts.args, parts.returns)?;
        let qualname = self.qualname(parts.name, UnitKind::Function);
        self.enter_unit(
            UnitKind::Function,
            scope,
            parts.name,
            qualname.clone(),
            firstlineno,
        );
        if self.st.is_some() {
            self.emit_check_args(&qualname);
        }
        if is_async {
            self.unit().flags |= 0;
        }
        let doc = docstring(parts.body);
        self.add_const(doc.map_or(Constant::None, |d| Constant::Str(d.to_string())));
        self.set_arg_counts(parts.args);
        let skip = usize::from(doc.is_some());
        for stmt in &parts.body[skip..] {
            self.visit_stmt(stmt)?;
        }
        self.implicit_return();
        let code = self.leave_unit()?;
        self.make_closure(code, make_flags)?;
        self.apply_decorators(parts.decorators);
        self.set_loc(parts.range);
        self.nameop(parts.name, NameCtx::Store)
    }

    /// Calls the decorators (innermost first), each at its own location.
    fn apply_decorators(&mut self, decorators: &[ast::Expr]) {
        for d in decorators.iter().rev() {
            self.set_loc(d.range());
            self.emit(Opcode::PRECALL, 0);
            self.emit(Opcode::CALL, 0);
        }
    }

    /// Ends a body with `return None` unless it already ends in a return or raise.
    pub(crate) fn implicit_return(&mut self) {
        let unit = self.unit_ref();
        let block = &unit.blocks[unit.current.0 as usize];
        let ends = block.last().is_some_and(|i| !i.op.falls_through());
        if !ends || block.instrs.is_empty() {
            self.unset_loc();
            self.load_const(Constant::None);
            self.emit_noline(Opcode::RETURN_VALUE, 0);
        }
    }

    pub(crate) fn lambda(&mut self, l: &'a ast::ExprLambda) -> Result<()> {
        self.check_arguments(&l.args, l.range)?;
        let scope = self.scope_of_node(l, l.range)?;
        let make_flags = self.default_arguments(&l.args)?;
        let qualname = self.qualname("<lambda>", UnitKind::Lambda);
        let line = self.location(l.range).line;
        self.enter_unit(UnitKind::Lambda, scope, "<lambda>", qualname, line);
        self.add_const(Constant::None);
        self.set_arg_counts(&l.args);
        self.visit_expr(&l.body)?;
        if self.scope().is_generator {
            self.emit(Opcode::POP_TOP, 0);
            self.implicit_return();
        } else {
            self.emit(Opcode::RETURN_VALUE, 0);
        }
        let code = self.leave_unit()?;
        self.make_closure(code, make_flags)
    }

    /// `class` (CPython's `compiler_class`).
    pub(crate) fn class_def(&mut self, c: &'a ast::StmtClassDef) -> Result<()> {
        let scope = self.scope_of_node(c, c.range)?;
        for d in &c.decorator_list {
            self.visit_expr(d)?;
        }
        let firstlineno = match c.decorator_list.first() {
            Some(d) => self.location(d.range()).line,
            None => self.location(c.range).line,
        };
        let qualname = self.qualname(&c.name, UnitKind::Class);
        self.enter_unit(
            UnitKind::Class,
            scope,
            &c.name,
            qualname.clone(),
            firstlineno,
        );
        self.nameop("__name__", NameCtx::Load)?;
        self.nameop("__module__", NameCtx::Store)?;
        self.load_const(Constant::Str(qualname.clone()));
        self.nameop("__qualname__", NameCtx::Store)?;
        if self.st.is_some() {
            self.emit_class_layout(&qualname)?;
        }
        self.body(&c.body, false)?;
        self.unset_loc();
        if self.scope().needs_class_closure {
            self.emit(Opcode::LOAD_CLOSURE, 0);
            self.emit(Opcode::COPY, 1);
            self.nameop("__classcell__", NameCtx::Store)?;
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.leave_unit()?;
        self.emit(Opcode::PUSH_NULL, 0);
        self.emit(Opcode::LOAD_BUILD_CLASS, 0);
        self.make_closure(code, 0)?;
        self.load_const(Constant::Str(c.name.to_string()));
        self.call_helper(2, &c.bases, &c.keywords)?;
        self.apply_decorators(&c.decorator_list);
        self.set_loc(c.range);
        self.nameop(&c.name, NameCtx::Store)
    }

    /// A comprehension or generator expression: a nested function called on the outermost
    /// iterator (CPython's `compiler_comprehension`).
    pub(crate) fn comprehension<T>(
        &mut self,
        node: &'a T,
        kind: CompKind,
        generators: &'a [ast::Comprehension],
        elt: &'a ast::Expr,
        value: Option<&'a ast::Expr>,
    ) -> Result<()> {
        let range = elt.range();
        let scope = self.scope_of_node(node, range)?;
        let Some(outermost) = generators.first() else {
            return Err(CodegenError::Bug("comprehension without generators".into()));
        };
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        };
        let is_async = self.table.scopes[scope].is_coroutine;
        let outer_async = self.scope().is_coroutine;
        if is_async && kind != CompKind::Generator && !outer_async && !self.interactive {
            let outer_is_comp = self.unit_ref().kind == UnitKind::Comprehension;
            if !outer_is_comp {
                return Err(self.syntax_error(
                    "asynchronous comprehension outside of an asynchronous function",
                    range,
                ));
            }
        }
        let loc = self.unit_ref().loc;
        let qualname = self.qualname(name, UnitKind::Comprehension);
        let line = loc.map_or(1, |l| l.line);
        self.enter_unit(UnitKind::Comprehension, scope, name, qualname, line);
        self.unit().loc = loc;
        self.unit().argcount = 1;
        match kind {
            CompKind::List => self.emit(Opcode::BUILD_LIST, 0),
            CompKind::Set => self.emit(Opcode::BUILD_SET, 0),
            CompKind::Dict => self.emit(Opcode::BUILD_MAP, 0),
            CompKind::Generator => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, value, kind)?;
        if kind != CompKind::Generator {
            self.emit(Opcode::RETURN_VALUE, 0);
        } else {
            self.implicit_return();
        }
        let code = self.leave_unit()?;
        self.make_closure(code, 0)?;
        self.visit_expr(&outermost.iter)?;
        if outermost.is_async {
            self.emit(Opcode::GET_AITER, 0);
        } else {
            self.emit(Opcode::GET_ITER, 0);
        }
        self.emit(Opcode::PRECALL, 0);
        self.emit(Opcode::CALL, 0);
        if is_async && kind != CompKind::Generator {
            self.emit(Opcode::GET_AWAITABLE, 0);
            self.load_const(Constant::None);
            self.yield_from(true);
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        index: usize,
        depth: u32,
        elt: &'a ast::Expr,
        value: Option<&'a ast::Expr>,
        kind: CompKind,
    ) -> Result<()> {
        let generator = &generators[index];
        if generator.is_async {
            return self.async_comprehension_generator(generators, index, depth, elt, value, kind);
        }
        let mut depth = depth;
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let mut start = None;
        if index == 0 {
            self.emit(Opcode::LOAD_FAST, 0);
            start = Some(self.new_block());
        } else {
            let single = match &generator.iter {
                ast::Expr::List(l)
                    if l.elts.len() == 1 && !matches!(l.elts[0], ast::Expr::Starred(_)) =>
                {
                    Some(&l.elts[0])
                }
                ast::Expr::Tuple(t)
                    if t.elts.len() == 1 && !matches!(t.elts[0], ast::Expr::Starred(_)) =>
                {
                    Some(&t.elts[0])
                }
                _ => None,
            };
            match single {
                Some(e) => self.visit_expr(e)?,
                None => {
                    self.visit_expr(&generator.iter)?;
                    self.emit(Opcode::GET_ITER, 0);
                    start = Some(self.new_block());
                }
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.use_block(start);
            self.emit_jump(Op::Real(Opcode::FOR_ITER), anchor);
        }
        self.visit_expr(&generator.target)?;
        for cond in &generator.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_generator(generators, index + 1, depth, elt, value, kind)?;
        } else {
            self.comprehension_element(depth, elt, value, kind)?;
        }
        self.use_block(if_cleanup);
        if let Some(start) = start {
            self.emit_jump(Op::Jump, start);
            self.use_block(anchor);
        }
        Ok(())
    }

    fn comprehension_element(
        &mut self,
        depth: u32,
        elt: &'a ast::Expr,
        value: Option<&'a ast::Expr>,
        kind: CompKind,
    ) -> Result<()> {
        match kind {
            CompKind::Generator => {
                self.visit_expr(elt)?;
                self.emit_yield();
                self.emit(Opcode::POP_TOP, 0);
            }
            CompKind::List => {
                self.visit_expr(elt)?;
                self.emit(Opcode::LIST_APPEND, depth + 1);
            }
            CompKind::Set => {
                self.visit_expr(elt)?;
                self.emit(Opcode::SET_ADD, depth + 1);
            }
            CompKind::Dict => {
                self.visit_expr(elt)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
                self.emit(Opcode::MAP_ADD, depth + 1);
            }
        }
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        index: usize,
        depth: u32,
        elt: &'a ast::Expr,
        value: Option<&'a ast::Expr>,
        kind: CompKind,
    ) -> Result<()> {
        let generator = &generators[index];
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        if index == 0 {
            self.emit(Opcode::LOAD_FAST, 0);
        } else {
            self.visit_expr(&generator.iter)?;
            self.emit(Opcode::GET_AITER, 0);
        }
        self.use_block(start);
        self.unit()
            .fblocks
            .push(super::FBlock::AsyncComprehensionGenerator);
        self.emit_jump(Op::SetupFinally, except);
        self.emit(Opcode::GET_ANEXT, 0);
        self.load_const(Constant::None);
        self.yield_from(true);
        self.emit_op(Op::PopBlock);
        self.visit_expr(&generator.target)?;
        for cond in &generator.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        let depth = depth + 1;
        if index + 1 < generators.len() {
            self.comprehension_generator(generators, index + 1, depth, elt, value, kind)?;
        } else {
            self.comprehension_element(depth, elt, value, kind)?;
        }
        self.use_block(if_cleanup);
        self.emit_jump(Op::Jump, start);
        self.unit().fblocks.pop();
        self.use_block(except);
        self.emit(Opcode::END_ASYNC_FOR, 0);
        Ok(())
    }
}
