//! Control flow: `for`/`async for`/`while`, `return`/`break`/`continue` with the unwinding
//! of enclosing blocks, `try`/`except`/`finally`, `except*`, `with`/`async with`.
//! Sequences follow CPython 3.11's `compiler_for`, `compiler_try_except`,
//! `compiler_try_finally`, `compiler_with` and `compiler_unwind_fblock`.

use rustpython_ast::text_size::TextRange;
use rustpython_ast::{self as ast, Ranged};

use super::{Compiler, FBlock, NameCtx, Result};
use crate::format::line_table::Location;
use crate::format::{Constant, Opcode};
use crate::ir::{Label, Op};

impl<'a> Compiler<'a> {
    pub(crate) fn for_loop(&mut self, f: &'a ast::StmtFor) -> Result<()> {
        let start = self.new_block();
        let body = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.unit()
            .fblocks
            .push(FBlock::ForLoop { start, exit: end });
        self.visit_expr_for_iter(&f.iter)?;
        self.emit(Opcode::GET_ITER, 0);
        self.use_block(start);
        self.emit_jump(Op::Real(Opcode::FOR_ITER), cleanup);
        self.use_block(body);
        self.visit_expr(&f.target)?;
        self.visit_stmts(&f.body)?;
        self.unset_loc();
        self.emit_jump(Op::Jump, start);
        self.use_block(cleanup);
        self.unit().fblocks.pop();
        self.visit_stmts(&f.orelse)?;
        self.use_block(end);
        Ok(())
    }

    /// The iterable of a `for`: a list literal of constants is a tuple constant.
    fn visit_expr_for_iter(&mut self, iter: &'a ast::Expr) -> Result<()> {
        if let ast::Expr::List(l) = iter
            && let Some(items) = l
                .elts
                .iter()
                .map(super::constants::fold)
                .collect::<Option<Vec<_>>>()
        {
            let saved = self.unit_ref().loc;
            self.set_loc(iter.range());
            self.load_const(Constant::Tuple(items));
            self.unit().loc = saved;
            return Ok(());
        }
        self.visit_expr(iter)
    }

    pub(crate) fn async_for(&mut self, f: &'a ast::StmtAsyncFor) -> Result<()> {
        if !self.scope().is_coroutine {
            return Err(self.syntax_error("'async for' outside async function", f.range));
        }
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.visit_expr(&f.iter)?;
        self.emit(Opcode::GET_AITER, 0);
        self.use_block(start);
        self.unit()
            .fblocks
            .push(FBlock::ForLoop { start, exit: end });
        self.emit_jump(Op::SetupFinally, except);
        self.emit(Opcode::GET_ANEXT, 0);
        self.load_const(Constant::None);
        self.yield_from(true);
        self.emit_op(Op::PopBlock);
        self.visit_expr(&f.target)?;
        self.visit_stmts(&f.body)?;
        self.unset_loc();
        self.emit_jump(Op::Jump, start);
        self.unit().fblocks.pop();
        self.use_block(except);
        self.set_loc(f.iter.range());
        self.emit(Opcode::END_ASYNC_FOR, 0);
        self.visit_stmts(&f.orelse)?;
        self.use_block(end);
        Ok(())
    }

    pub(crate) fn while_loop(&mut self, w: &'a ast::StmtWhile) -> Result<()> {
        let stmt_loc = self.unit_ref().loc;
        let lp = self.new_block();
        let body = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_block(lp);
        self.unit().fblocks.push(FBlock::WhileLoop {
            start: lp,
            exit: end,
        });
        self.jump_if(&w.test, anchor, false)?;
        self.use_block(body);
        self.visit_stmts(&w.body)?;
        self.unit().loc = stmt_loc;
        self.jump_if(&w.test, body, true)?;
        self.unit().fblocks.pop();
        self.use_block(anchor);
        self.visit_stmts(&w.orelse)?;
        self.use_block(end);
        Ok(())
    }

    pub(crate) fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> Result<()> {
        if !self.scope().is_function_like() {
            return Err(self.syntax_error("'return' outside function", r.range));
        }
        let value = r.value.as_deref();
        if let Some(v) = value {
            if self.scope().is_coroutine && self.scope().is_generator {
                return Err(self.syntax_error("'return' with value in async generator", r.range));
            }
            let _ = v;
        }
        let preserve = value.is_some_and(|v| !matches!(v, ast::Expr::Constant(_)));
        let stmt_loc = self.location(r.range);
        if preserve {
            if let Some(v) = value {
                self.visit_expr(v)?;
            }
        } else if let Some(v) = value {
            // The constant's location stays for the return itself (as in CPython).
            self.set_loc(v.range());
            self.emit(Opcode::NOP, 0);
        }
        if value.is_none_or(|v| self.location(v.range()).line != stmt_loc.line) {
            self.unit().loc = Some(stmt_loc);
            self.emit(Opcode::NOP, 0);
        }
        self.unwind_fblock_stack(preserve, false)?;
        let primitive = self.static_return(value);
        match value {
            None => self.load_const(Constant::None),
            Some(v @ ast::Expr::Constant(_)) if primitive.is_some() => self.visit_expr(v)?,
            Some(ast::Expr::Constant(c)) => self.load_const(super::constants::from_ast(&c.value)),
            Some(_) => {}
        }
        match primitive {
            Some(code) => self.emit(Opcode::RETURN_PRIMITIVE, code),
            None => self.emit(Opcode::RETURN_VALUE, 0),
        }
        Ok(())
    }

    pub(crate) fn break_stmt(&mut self, range: TextRange) -> Result<()> {
        self.emit(Opcode::NOP, 0);
        let Some((_, exit)) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.syntax_error("'break' outside loop", range));
        };
        // The loop itself: a `for` loop drops its iterator.
        if let Some(FBlock::ForLoop { .. }) = self.innermost_loop() {
            self.emit(Opcode::POP_TOP, 0);
        }
        self.emit_jump(Op::Jump, exit);
        Ok(())
    }

    pub(crate) fn continue_stmt(&mut self, range: TextRange) -> Result<()> {
        self.emit(Opcode::NOP, 0);
        let Some((start, _)) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.syntax_error("'continue' not properly in loop", range));
        };
        self.emit_jump(Op::Jump, start);
        Ok(())
    }

    fn innermost_loop(&self) -> Option<FBlock<'a>> {
        self.unit_ref()
            .fblocks
            .iter()
            .rev()
            .find(|b| matches!(b, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }))
            .cloned()
    }

    /// Unwinds frame blocks from the innermost outwards. With `to_loop`, stops at the first
    /// loop (unwinding the loop itself for `break`... the caller decides) and returns its
    /// start and exit labels; the loop's own iterator is popped here for `break`.
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        to_loop: bool,
    ) -> Result<Option<(Label, Label)>> {
        let Some(top) = self.unit_ref().fblocks.last().cloned() else {
            return Ok(None);
        };
        if matches!(top, FBlock::ExceptionGroupHandler) {
            return Err(CodegenErrorExt::syntax(
                "'break', 'continue' and 'return' cannot appear in an except* block",
                self.unit_ref().loc,
            ));
        }
        if to_loop {
            match top {
                FBlock::WhileLoop { start, exit } => return Ok(Some((start, exit))),
                FBlock::ForLoop { start, exit } => {
                    // `break` pops the iterator; `continue` must not. The caller jumps to
                    // `start` (continue) or `exit` (break); both paths are handled by
                    // returning here and letting break pop below.
                    return Ok(Some((start, exit)));
                }
                _ => {}
            }
        }
        let popped = self.unit().fblocks.pop();
        if let Some(block) = &popped {
            self.unwind_fblock(block, preserve_tos)?;
        }
        let result = self.unwind_fblock_stack(preserve_tos, to_loop);
        if let Some(block) = popped {
            self.unit().fblocks.push(block);
        }
        result
    }

    fn unwind_fblock(&mut self, block: &FBlock<'a>, preserve_tos: bool) -> Result<()> {
        match block {
            FBlock::WhileLoop { .. } | FBlock::ExceptionHandler | FBlock::ExceptionGroupHandler => {
            }
            FBlock::AsyncComprehensionGenerator => {}
            FBlock::ForLoop { .. } => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
            FBlock::TryExcept => self.emit_op(Op::PopBlock),
            FBlock::FinallyTry { body } => {
                self.emit_op(Op::PopBlock);
                if preserve_tos {
                    self.unit().fblocks.push(FBlock::PopValue);
                }
                self.visit_stmts(body)?;
                if preserve_tos {
                    self.unit().fblocks.pop();
                }
                self.unset_loc();
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit_op(Op::PopBlock);
                self.emit(Opcode::POP_EXCEPT, 0);
            }
            FBlock::With { loc, is_async } => {
                self.unit().loc = Some(*loc);
                self.emit_op(Op::PopBlock);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.call_exit_with_nones();
                if *is_async {
                    self.emit(Opcode::GET_AWAITABLE, 2);
                    self.load_const(Constant::None);
                    self.yield_from(true);
                }
                self.emit(Opcode::POP_TOP, 0);
                self.unset_loc();
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.emit_op(Op::PopBlock);
                }
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit_op(Op::PopBlock);
                self.emit(Opcode::POP_EXCEPT, 0);
                if let Some(name) = name {
                    self.load_const(Constant::None);
                    self.nameop(name, NameCtx::Store)?;
                    self.nameop(name, NameCtx::Del)?;
                }
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        Ok(())
    }

    pub(crate) fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Opcode::PRECALL, 2);
        self.emit(Opcode::CALL, 2);
    }

    fn pop_except_and_reraise(&mut self) {
        self.emit_noline(Opcode::COPY, 3);
        self.emit_noline(Opcode::POP_EXCEPT, 0);
        self.emit_noline(Opcode::RERAISE, 1);
    }

    pub(crate) fn try_finally(
        &mut self,
        body: &'a [ast::Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [ast::Stmt],
        finalbody: &'a [ast::Stmt],
        star: bool,
    ) -> Result<()> {
        let body_block = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.emit_jump(Op::SetupFinally, end);
        self.use_block(body_block);
        self.unit()
            .fblocks
            .push(FBlock::FinallyTry { body: finalbody });
        if !handlers.is_empty() {
            if star {
                self.try_star_except(body, handlers, orelse)?;
            } else {
                self.try_except(body, handlers, orelse)?;
            }
        } else {
            self.visit_stmts(body)?;
        }
        self.push_noline(Op::PopBlock);
        self.unit().fblocks.pop();
        self.visit_stmts(finalbody)?;
        self.emit_jump_noline(Op::Jump, exit);
        self.use_block(end);
        self.unset_loc();
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.unit().fblocks.push(FBlock::FinallyEnd);
        self.visit_stmts(finalbody)?;
        self.unit().fblocks.pop();
        self.emit(Opcode::RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(exit);
        Ok(())
    }

    fn push_noline(&mut self, op: Op) {
        let saved = self.unit_ref().loc;
        self.unset_loc();
        self.emit_op(op);
        self.unit().loc = saved;
    }

    pub(crate) fn try_except(
        &mut self,
        body: &'a [ast::Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [ast::Stmt],
    ) -> Result<()> {
        let body_block = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.emit_jump(Op::SetupFinally, except);
        self.use_block(body_block);
        self.unit().fblocks.push(FBlock::TryExcept);
        self.visit_stmts(body)?;
        self.unit().fblocks.pop();
        self.push_noline(Op::PopBlock);
        self.visit_stmts(orelse)?;
        self.emit_jump_noline(Op::Jump, end);
        self.use_block(except);
        self.unset_loc();
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.unit().fblocks.push(FBlock::ExceptionHandler);
        let n = handlers.len();
        for (i, handler) in handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = handler;
            self.set_loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.syntax_error("default 'except:' must be last", h.range));
            }
            except = self.new_block();
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
                self.emit(Opcode::CHECK_EXC_MATCH, 0);
                self.emit_jump(Op::PopJumpIfFalse, except);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.nameop(name, NameCtx::Store)?;
                self.emit_jump(Op::SetupCleanup, cleanup_end);
                self.use_block(cleanup_body);
                self.unit().fblocks.push(FBlock::HandlerCleanup {
                    name: Some(name.to_string()),
                });
                self.visit_stmts(&h.body)?;
                self.unit().fblocks.pop();
                self.unset_loc();
                self.emit_op(Op::PopBlock);
                self.emit_op(Op::PopBlock);
                self.emit(Opcode::POP_EXCEPT, 0);
                self.load_const(Constant::None);
                self.nameop(name, NameCtx::Store)?;
                self.nameop(name, NameCtx::Del)?;
                self.emit_jump(Op::Jump, end);
                self.use_block(cleanup_end);
                self.unset_loc();
                self.load_const(Constant::None);
                self.nameop(name, NameCtx::Store)?;
                self.nameop(name, NameCtx::Del)?;
                self.emit(Opcode::RERAISE, 1);
            } else {
                let cleanup_body = self.new_block();
                self.emit(Opcode::POP_TOP, 0);
                self.use_block(cleanup_body);
                self.unit()
                    .fblocks
                    .push(FBlock::HandlerCleanup { name: None });
                self.visit_stmts(&h.body)?;
                self.unit().fblocks.pop();
                self.unset_loc();
                self.emit_op(Op::PopBlock);
                self.emit(Opcode::POP_EXCEPT, 0);
                self.emit_jump(Op::Jump, end);
            }
            self.use_block(except);
        }
        self.unset_loc();
        self.unit().fblocks.pop();
        self.emit(Opcode::RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(end);
        Ok(())
    }

    /// `try`/`except*` (CPython's `compiler_try_star_except`).
    pub(crate) fn try_star_except(
        &mut self,
        body: &'a [ast::Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [ast::Stmt],
    ) -> Result<()> {
        let body_block = self.new_block();
        let except = self.new_block();
        let orelse_block = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();
        self.emit_jump(Op::SetupFinally, except);
        self.use_block(body_block);
        self.unit().fblocks.push(FBlock::TryExcept);
        self.visit_stmts(body)?;
        self.unit().fblocks.pop();
        self.push_noline(Op::PopBlock);
        self.emit_jump_noline(Op::Jump, orelse_block);
        let n = handlers.len();
        self.use_block(except);
        self.unset_loc();
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.unit().fblocks.push(FBlock::ExceptionGroupHandler);
        for (i, handler) in handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = handler;
            self.set_loc(h.range);
            let next_except = self.new_block();
            let except_with_error = self.new_block();
            let no_match = self.new_block();
            if i == 0 {
                // [exc] -> [orig, [], exc]
                self.emit(Opcode::COPY, 1);
                self.emit(Opcode::BUILD_LIST, 0);
                self.emit(Opcode::SWAP, 2);
            }
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
                self.emit(Opcode::CHECK_EG_MATCH, 0);
                self.emit(Opcode::COPY, 1);
                self.emit_jump(Op::PopJumpIfNone, no_match);
            }
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            match &h.name {
                Some(name) => self.nameop(name, NameCtx::Store)?,
                None => self.emit(Opcode::POP_TOP, 0),
            }
            self.emit_jump(Op::SetupCleanup, cleanup_end);
            self.use_block(cleanup_body);
            self.unit().fblocks.push(FBlock::HandlerCleanup {
                name: h.name.as_ref().map(|n| n.to_string()),
            });
            self.visit_stmts(&h.body)?;
            self.unit().fblocks.pop();
            self.unset_loc();
            self.emit_op(Op::PopBlock);
            if let Some(name) = &h.name {
                self.load_const(Constant::None);
                self.nameop(name, NameCtx::Store)?;
                self.nameop(name, NameCtx::Del)?;
            }
            self.emit_jump(Op::Jump, next_except);
            self.use_block(cleanup_end);
            self.unset_loc();
            if let Some(name) = &h.name {
                self.load_const(Constant::None);
                self.nameop(name, NameCtx::Store)?;
                self.nameop(name, NameCtx::Del)?;
            }
            // The exception raised in the handler joins the list.
            self.emit(Opcode::LIST_APPEND, 3);
            self.emit(Opcode::POP_TOP, 0);
            self.emit_jump(Op::Jump, except_with_error);
            self.use_block(next_except);
            self.emit(Opcode::NOP, 0);
            self.emit_jump(Op::Jump, except_with_error);
            self.use_block(no_match);
            self.emit(Opcode::POP_TOP, 0);
            self.use_block(except_with_error);
            if i + 1 == n {
                // The unhandled rest (or None) joins the list too.
                self.emit(Opcode::LIST_APPEND, 1);
                self.emit_jump(Op::Jump, reraise_star);
            }
        }
        self.unset_loc();
        self.unit().fblocks.pop();
        let reraise = self.new_block();
        self.use_block(reraise_star);
        self.emit(Opcode::PREP_RERAISE_STAR, 0);
        self.emit(Opcode::COPY, 1);
        self.emit_jump(Op::PopJumpIfNotNone, reraise);
        self.emit(Opcode::POP_TOP, 0);
        self.emit_op(Op::PopBlock);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit_jump(Op::Jump, end);
        self.use_block(reraise);
        self.emit_op(Op::PopBlock);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(orelse_block);
        self.visit_stmts(orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn with_except_finish(&mut self, cleanup: Label) {
        let exit = self.new_block();
        self.emit_jump(Op::PopJumpIfTrue, exit);
        self.emit(Opcode::RERAISE, 2);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(exit);
        self.emit(Opcode::POP_TOP, 0);
        self.emit_op(Op::PopBlock);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_TOP, 0);
    }

    pub(crate) fn with_stmt(&mut self, w: &'a ast::StmtWith, pos: usize) -> Result<()> {
        let Some(item) = w.items.get(pos) else {
            return Ok(());
        };
        let stmt_loc: Location = self.location(w.range);
        let block = self.new_block();
        let final_block = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.emit(Opcode::BEFORE_WITH, 0);
        self.emit_jump(Op::SetupWith, final_block);
        self.use_block(block);
        self.unit().fblocks.push(FBlock::With {
            loc: stmt_loc,
            is_async: false,
        });
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.emit(Opcode::POP_TOP, 0),
        }
        if pos + 1 == w.items.len() {
            self.visit_stmts(&w.body)?;
        } else {
            self.with_stmt(w, pos + 1)?;
        }
        self.unset_loc();
        self.emit_op(Op::PopBlock);
        self.unit().fblocks.pop();
        self.unit().loc = Some(stmt_loc);
        self.call_exit_with_nones();
        self.emit(Opcode::POP_TOP, 0);
        self.emit_jump(Op::Jump, exit);
        self.use_block(final_block);
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        self.with_except_finish(cleanup);
        self.use_block(exit);
        Ok(())
    }

    pub(crate) fn async_with(&mut self, w: &'a ast::StmtAsyncWith, pos: usize) -> Result<()> {
        if !self.scope().is_coroutine {
            return Err(self.syntax_error("'async with' outside async function", w.range));
        }
        let Some(item) = w.items.get(pos) else {
            return Ok(());
        };
        let stmt_loc: Location = self.location(w.range);
        let block = self.new_block();
        let final_block = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.emit(Opcode::BEFORE_ASYNC_WITH, 0);
        self.emit(Opcode::GET_AWAITABLE, 1);
        self.load_const(Constant::None);
        self.yield_from(true);
        self.emit_jump(Op::SetupWith, final_block);
        self.use_block(block);
        self.unit().fblocks.push(FBlock::With {
            loc: stmt_loc,
            is_async: true,
        });
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.emit(Opcode::POP_TOP, 0),
        }
        if pos + 1 == w.items.len() {
            self.visit_stmts(&w.body)?;
        } else {
            self.async_with(w, pos + 1)?;
        }
        self.unit().fblocks.pop();
        self.unset_loc();
        self.emit_op(Op::PopBlock);
        self.unit().loc = Some(stmt_loc);
        self.call_exit_with_nones();
        self.emit(Opcode::GET_AWAITABLE, 2);
        self.load_const(Constant::None);
        self.yield_from(true);
        self.emit(Opcode::POP_TOP, 0);
        self.emit_jump(Op::Jump, exit);
        self.use_block(final_block);
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        self.emit(Opcode::GET_AWAITABLE, 2);
        self.load_const(Constant::None);
        self.yield_from(true);
        self.with_except_finish(cleanup);
        self.use_block(exit);
        Ok(())
    }
}

/// Builds a syntax error from a location.
struct CodegenErrorExt;

impl CodegenErrorExt {
    fn syntax(message: &str, location: Option<Location>) -> crate::error::CodegenError {
        crate::error::CodegenError::Syntax {
            message: message.to_string(),
            location,
        }
    }
}
