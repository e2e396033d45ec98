//! `match` statements (CPython 3.11's `compiler_match` and `compiler_pattern_*`).
//!
//! The subject stays on the stack while each case's pattern runs; captured values are kept
//! on the stack (rotated under the items still needed) and stored only when the whole
//! pattern matched. A failing check jumps to a "fail pop" block that pops exactly what is on
//! the stack at that point.

use rustpython_ast::{self as ast, Ranged};

use super::{Compiler, NameCtx, Result};
use crate::format::{Constant, Opcode};
use crate::ir::{Label, Op};

/// CPython's `pattern_context`.
#[derive(Default, Clone)]
struct PatternContext {
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<Label>,
    on_top: usize,
}

fn is_wildcard(p: &ast::Pattern) -> bool {
    matches!(p, ast::Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &ast::Pattern) -> bool {
    matches!(p, ast::Pattern::MatchStar(s) if s.name.is_none())
}

impl<'a> Compiler<'a> {
    pub(crate) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> Result<()> {
        self.visit_expr(&m.subject)?;
        let end = self.new_block();
        let cases = m.cases.len();
        let Some(last) = m.cases.last() else {
            return Ok(());
        };
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        let mut pc = PatternContext::default();
        for (i, case) in m.cases[..cases - usize::from(has_default)]
            .iter()
            .enumerate()
        {
            self.set_loc(case.pattern.range());
            let not_last = i != cases - usize::from(has_default) - 1;
            if not_last {
                self.emit(Opcode::COPY, 1);
            }
            pc.stores = Vec::new();
            pc.allow_irrefutable = case.guard.is_some() || i == cases - 1;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.pattern(&case.pattern, &mut pc)?;
            for name in pc.stores.clone() {
                self.nameop(&name, NameCtx::Store)?;
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(guard, target, false)?;
            }
            if not_last {
                self.emit(Opcode::POP_TOP, 0);
            }
            self.visit_stmts(&case.body)?;
            self.emit_jump(Op::Jump, end);
            self.set_loc(case.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            self.set_loc(last.pattern.range());
            if cases == 1 {
                self.emit(Opcode::POP_TOP, 0);
            } else {
                self.emit(Opcode::NOP, 0);
            }
            if let Some(guard) = &last.guard {
                self.jump_if(guard, end, false)?;
            }
            self.visit_stmts(&last.body)?;
        }
        self.use_block(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let block = self.new_block();
            pc.fail_pop.push(block);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(op, pc.fail_pop[pops]);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.use_block(pc.fail_pop[i]);
            self.emit(Opcode::POP_TOP, 0);
        }
        self.use_block(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit(Opcode::SWAP, count as u32);
            count -= 1;
        }
    }

    fn store_capture(
        &mut self,
        name: Option<&str>,
        pc: &mut PatternContext,
        range: ast::text_size::TextRange,
    ) -> Result<()> {
        let Some(name) = name else {
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        };
        if pc.stores.iter().any(|s| s == name) {
            return Err(self.syntax_error(
                format!("multiple assignments to name '{name}' in pattern"),
                range,
            ));
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name.to_string());
        Ok(())
    }

    fn subpattern(&mut self, p: &'a ast::Pattern, pc: &mut PatternContext) -> Result<()> {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn pattern(&mut self, p: &'a ast::Pattern, pc: &mut PatternContext) -> Result<()> {
        use ast::Pattern as P;
        self.set_loc(p.range());
        match p {
            P::MatchValue(v) => {
                if !matches!(
                    v.value.as_ref(),
                    ast::Expr::Constant(_)
                        | ast::Expr::Attribute(_)
                        | ast::Expr::UnaryOp(_)
                        | ast::Expr::BinOp(_)
                ) {
                    return Err(self.syntax_error(
                        "patterns may only match literals and attribute lookups",
                        v.range,
                    ));
                }
                self.visit_expr(&v.value)?;
                self.compare_op(ast::CmpOp::Eq);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            P::MatchSingleton(s) => {
                if matches!(s.value, ast::Constant::None) {
                    self.jump_to_fail_pop(pc, Op::PopJumpIfNotNone);
                } else {
                    self.load_const(super::constants::from_ast(&s.value));
                    self.compare_op(ast::CmpOp::Is);
                    self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
                }
            }
            P::MatchSequence(s) => self.pattern_sequence(&s.patterns, pc, s.range)?,
            P::MatchMapping(m) => self.pattern_mapping(m, pc)?,
            P::MatchClass(c) => self.pattern_class(c, pc)?,
            P::MatchStar(s) => self.store_capture(s.name.as_deref(), pc, s.range)?,
            P::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let message = match &a.name {
                            Some(n) => {
                                format!("name capture '{n}' makes remaining patterns unreachable")
                            }
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return Err(self.syntax_error(message, a.range));
                    }
                    self.store_capture(a.name.as_deref(), pc, a.range)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Opcode::COPY, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_capture(a.name.as_deref(), pc, a.range)?;
                }
            },
            P::MatchOr(o) => self.pattern_or(o, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(
        &mut self,
        patterns: &'a [ast::Pattern],
        pc: &mut PatternContext,
        range: ast::text_size::TextRange,
    ) -> Result<()> {
        let size = patterns.len();
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p, ast::Pattern::MatchStar(_)) {
                if star.is_some() {
                    return Err(
                        self.syntax_error("multiple starred names in sequence pattern", range)
                    );
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.emit(Opcode::MATCH_SEQUENCE, 0);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        match star {
            None => {
                self.emit(Opcode::GET_LEN, 0);
                self.load_const(Constant::Int(size as i64));
                self.compare_op(ast::CmpOp::Eq);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.emit(Opcode::GET_LEN, 0);
                self.load_const(Constant::Int(size as i64 - 1));
                self.compare_op(ast::CmpOp::GtE);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::POP_TOP, 0);
        } else if star_wildcard {
            let star = star.unwrap_or(0);
            pc.on_top += 1;
            for (i, p) in patterns.iter().enumerate() {
                if is_wildcard(p) || i == star {
                    continue;
                }
                self.emit(Opcode::COPY, 1);
                if i < star {
                    self.load_const(Constant::Int(i as i64));
                } else {
                    self.emit(Opcode::GET_LEN, 0);
                    self.load_const(Constant::Int((size - i) as i64));
                    self.emit(Opcode::BINARY_OP, 10);
                }
                self.emit(Opcode::BINARY_SUBSCR, 0);
                self.subpattern(p, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, 0);
        } else {
            match star {
                Some(i) => {
                    if i >= 256 {
                        return Err(self.syntax_error(
                            "too many expressions in star-unpacking sequence pattern",
                            range,
                        ));
                    }
                    self.emit(
                        Opcode::UNPACK_EX,
                        (i as u32) | (((size - i - 1) as u32) << 8),
                    );
                }
                None => self.emit(Opcode::UNPACK_SEQUENCE, size as u32),
            }
            pc.on_top += size;
            for p in patterns {
                pc.on_top -= 1;
                self.subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        m: &'a ast::PatternMatchMapping,
        pc: &mut PatternContext,
    ) -> Result<()> {
        let size = m.keys.len();
        pc.on_top += 1;
        self.emit(Opcode::MATCH_MAPPING, 0);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GET_LEN, 0);
            self.load_const(Constant::Int(size as i64));
            self.compare_op(ast::CmpOp::GtE);
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        }
        let mut seen = Vec::new();
        for key in &m.keys {
            match key {
                ast::Expr::Constant(c) => {
                    let k = super::constants::from_ast(&c.value).identity_key();
                    if seen.contains(&k) {
                        let shown = crate::repr::repr(&super::constants::from_ast(&c.value));
                        return Err(self.syntax_error(
                            format!("mapping pattern checks duplicate key ({shown})"),
                            key.range(),
                        ));
                    }
                    seen.push(k);
                }
                ast::Expr::Attribute(_) => {}
                other => {
                    if super::constants::fold(other).is_none() {
                        return Err(self.syntax_error(
                            "mapping pattern keys may only match literals and attribute lookups",
                            other.range(),
                        ));
                    }
                }
            }
            self.visit_expr(key)?;
        }
        self.emit(Opcode::BUILD_TUPLE, size as u32);
        self.emit(Opcode::MATCH_KEYS, 0);
        pc.on_top += 2;
        // `COPY 1; LOAD_CONST None; IS_OP 1; POP_JUMP_IF_FALSE` as CPython's optimizer leaves it.
        self.emit(Opcode::COPY, 1);
        self.jump_to_fail_pop(pc, Op::PopJumpIfNone);
        self.emit(Opcode::UNPACK_SEQUENCE, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in &m.patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        match &m.rest {
            Some(rest) => {
                self.emit(Opcode::BUILD_MAP, 0);
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::DICT_UPDATE, 2);
                self.emit(Opcode::UNPACK_SEQUENCE, size as u32);
                let mut left = size;
                while left > 0 {
                    self.emit(Opcode::COPY, 1 + left as u32);
                    left -= 1;
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::DELETE_SUBSCR, 0);
                }
                self.store_capture(Some(rest), pc, m.range)?;
            }
            None => {
                self.emit(Opcode::POP_TOP, 0);
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        Ok(())
    }

    fn pattern_class(
        &mut self,
        c: &'a ast::PatternMatchClass,
        pc: &mut PatternContext,
    ) -> Result<()> {
        let nargs = c.patterns.len();
        let nattrs = c.kwd_attrs.len();
        for (i, attr) in c.kwd_attrs.iter().enumerate() {
            if c.kwd_attrs[i + 1..].iter().any(|other| other == attr) {
                return Err(self.syntax_error(
                    format!("attribute name repeated in class pattern: {attr}"),
                    c.range,
                ));
            }
        }
        self.visit_expr(&c.cls)?;
        let names: Vec<Constant> = c
            .kwd_attrs
            .iter()
            .map(|a| Constant::Str(a.to_string()))
            .collect();
        self.load_const(Constant::Tuple(names));
        self.emit(Opcode::MATCH_CLASS, nargs as u32);
        self.emit(Opcode::COPY, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::PopJumpIfNone);
        self.emit(Opcode::UNPACK_SEQUENCE, (nargs + nattrs) as u32);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for p in c.patterns.iter().chain(&c.kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Opcode::POP_TOP, 0);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternContext) -> Result<()> {
        let end = self.new_block();
        let old = pc.clone();
        let mut control: Option<Vec<String>> = None;
        let size = o.patterns.len();
        for (i, alt) in o.patterns.iter().enumerate() {
            self.set_loc(alt.range());
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old.allow_irrefutable;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Opcode::COPY, 1);
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctrl) => {
                    if ctrl.len() != pc.stores.len() {
                        return Err(self.syntax_error(
                            "alternative patterns bind different names",
                            alt.range(),
                        ));
                    }
                    let n = pc.stores.len();
                    for icontrol in (0..n).rev() {
                        let name = &ctrl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(self.syntax_error(
                                "alternative patterns bind different names",
                                alt.range(),
                            ));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(0..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.emit_jump(Op::Jump, end);
            self.emit_and_reset_fail_pop(pc);
        }
        let fail_pop_inner = std::mem::take(&mut pc.fail_pop);
        *pc = old;
        let _ = fail_pop_inner;
        self.emit(Opcode::POP_TOP, 0);
        self.jump_to_fail_pop(pc, Op::Jump);
        self.use_block(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.syntax_error(
                    format!("multiple assignments to name '{name}' in pattern"),
                    o.range,
                ));
            }
            pc.stores.push(name);
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }
}
