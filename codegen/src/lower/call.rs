//! Calls: `PRECALL`/`CALL` with `KW_NAMES`, the `LOAD_METHOD` form for `obj.meth(...)`, and
//! `CALL_FUNCTION_EX` when arguments are unpacked (CPython's `compiler_call_helper`).

use rustpython_ast::{self as ast, Ranged};

use super::expr::STACK_USE_GUIDELINE;
use super::{Compiler, Result};
use crate::format::{Constant, Opcode};

impl<'a> Compiler<'a> {
    pub(crate) fn call(&mut self, c: &'a ast::ExprCall) -> Result<()> {
        if self.method_call(c)? {
            return Ok(());
        }
        let call_loc = self.unit_ref().loc;
        let saved = self.unit_ref().loc;
        self.set_loc(c.func.range());
        self.emit(Opcode::PUSH_NULL, 0);
        self.unit().loc = saved;
        self.visit_expr(&c.func)?;
        // PUSH_NULL + LOAD_GLOBAL fold into LOAD_GLOBAL (NULL + name), as CPython's optimizer does.
        let unit = self.unit();
        let block = &mut unit.blocks[unit.current.0 as usize].instrs;
        let n = block.len();
        if n >= 2
            && block[n - 2].op == crate::ir::Op::Real(Opcode::PUSH_NULL)
            && block[n - 1].op == crate::ir::Op::Real(Opcode::LOAD_GLOBAL)
            && block[n - 1].arg & 1 == 0
        {
            block[n - 1].arg |= 1;
            block.remove(n - 2);
        }
        self.unit().loc = call_loc;
        self.call_helper(0, &c.args, &c.keywords)
    }

    /// `obj.meth(args)` as `LOAD_METHOD` + `CALL` (CPython's `maybe_optimize_method_call`).
    fn method_call(&mut self, c: &'a ast::ExprCall) -> Result<bool> {
        let ast::Expr::Attribute(meth) = c.func.as_ref() else {
            return Ok(false);
        };
        // Attributes of names imported at module level are loaded as attributes (3.11's
        // `is_import_originated`).
        if let ast::Expr::Name(base) = meth.value.as_ref()
            && self.table.scopes[0].flags_of(&base.id) & super::symtable::DEF_IMPORT != 0
        {
            return Ok(false);
        }
        if !matches!(meth.ctx, ast::ExprContext::Load)
            || c.args.len() + c.keywords.len() >= STACK_USE_GUIDELINE
            || c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)))
            || c.keywords.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        self.visit_expr(&meth.value)?;
        let call_loc = self.unit_ref().loc;
        self.set_loc(c.func.range());
        self.attr_loc(&c.func);
        self.emit_name(Opcode::LOAD_METHOD, &meth.attr);
        for a in &c.args {
            self.visit_expr(a)?;
        }
        if !c.keywords.is_empty() {
            for k in &c.keywords {
                self.visit_expr(&k.value)?;
            }
            self.kw_names(&c.keywords);
        }
        self.unit().loc = call_loc;
        self.attr_loc(&c.func);
        let n = (c.args.len() + c.keywords.len()) as u32;
        self.emit(Opcode::PRECALL, n);
        self.emit(Opcode::CALL, n);
        self.unit().loc = call_loc;
        Ok(true)
    }

    fn kw_names(&mut self, keywords: &[ast::Keyword]) {
        let names: Vec<Constant> = keywords
            .iter()
            .map(|k| Constant::Str(k.arg.as_ref().map(|a| a.to_string()).unwrap_or_default()))
            .collect();
        let index = self.add_const(Constant::Tuple(names));
        self.emit(Opcode::KW_NAMES, index);
    }

    /// Arguments and the call itself; `n` items (a NULL, or a class name) are already
    /// counted as arguments.
    pub(crate) fn call_helper(
        &mut self,
        n: u32,
        args: &'a [ast::Expr],
        keywords: &'a [ast::Keyword],
    ) -> Result<()> {
        let simple = args.len() + keywords.len() * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(|a| matches!(a, ast::Expr::Starred(_)))
            && !keywords.iter().any(|k| k.arg.is_none());
        if let Some(dup) = duplicate_keyword(keywords) {
            return Err(self.syntax_error(format!("keyword argument repeated: {}", dup.0), dup.1));
        }
        if simple {
            for a in args {
                self.visit_expr(a)?;
            }
            if !keywords.is_empty() {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.kw_names(keywords);
            }
            let total = n + (args.len() + keywords.len()) as u32;
            self.emit(Opcode::PRECALL, total);
            self.emit(Opcode::CALL, total);
            return Ok(());
        }
        // Positional arguments as a tuple.
        if n == 0 && args.len() == 1 && matches!(args[0], ast::Expr::Starred(_)) {
            if let ast::Expr::Starred(s) = &args[0] {
                self.visit_expr(&s.value)?;
            }
        } else {
            self.starunpack(
                args,
                n,
                Opcode::BUILD_LIST,
                Opcode::LIST_APPEND,
                Opcode::LIST_EXTEND,
                true,
            )?;
        }
        // Keyword arguments as a dict.
        if !keywords.is_empty() {
            let mut have_dict = false;
            let mut seen = 0usize;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if seen > 0 {
                        self.subkwargs(&keywords[i - seen..i])?;
                        if have_dict {
                            self.emit(Opcode::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        seen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.visit_expr(&k.value)?;
                    self.emit(Opcode::DICT_MERGE, 1);
                } else {
                    seen += 1;
                }
            }
            if seen > 0 {
                self.subkwargs(&keywords[keywords.len() - seen..])?;
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1);
                }
            }
        }
        self.emit(Opcode::CALL_FUNCTION_EX, u32::from(!keywords.is_empty()));
        Ok(())
    }

    fn subkwargs(&mut self, keywords: &'a [ast::Keyword]) -> Result<()> {
        let n = keywords.len();
        if n > 1 {
            for k in keywords {
                self.visit_expr(&k.value)?;
            }
            let names: Vec<Constant> = keywords
                .iter()
                .map(|k| Constant::Str(k.arg.as_ref().map(|a| a.to_string()).unwrap_or_default()))
                .collect();
            self.load_const(Constant::Tuple(names));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32);
        } else {
            for k in keywords {
                self.load_const(Constant::Str(
                    k.arg.as_ref().map(|a| a.to_string()).unwrap_or_default(),
                ));
                self.visit_expr(&k.value)?;
            }
            self.emit(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }
}

fn duplicate_keyword(
    keywords: &[ast::Keyword],
) -> Option<(String, rustpython_ast::text_size::TextRange)> {
    let mut seen = std::collections::HashSet::new();
    for k in keywords {
        if let Some(name) = &k.arg
            && !seen.insert(name.as_str())
        {
            return Some((name.to_string(), k.range));
        }
    }
    None
}
