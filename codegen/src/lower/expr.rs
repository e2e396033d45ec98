//! Expressions: names, constants, operators, comparisons, boolean logic, containers,
//! subscripts, attributes, f-strings, `await`/`yield`, walrus, and conditional jumps
//! (`jump_if`, CPython's `compiler_jump_if`).

use rustpython_ast::{self as ast, Ranged};

use super::constants::{fold, truthiness};
use super::{Compiler, NameCtx, Result};
use crate::format::{Constant, Opcode};
use crate::ir::{Label, Op};

/// The `BINARY_OP` argument of an operator.
pub(crate) fn binary_op_arg(op: ast::Operator) -> u32 {
    use ast::Operator as O;
    match op {
        O::Add => 0,
        O::BitAnd => 1,
        O::FloorDiv => 2,
        O::LShift => 3,
        O::MatMult => 4,
        O::Mult => 5,
        O::Mod => 6,
        O::BitOr => 7,
        O::Pow => 8,
        O::RShift => 9,
        O::Sub => 10,
        O::Div => 11,
        O::BitXor => 12,
    }
}

/// Stack items at most before CPython switches to incremental building.
pub(crate) const STACK_USE_GUIDELINE: usize = 30;

impl<'a> Compiler<'a> {
    /// Compiles `e`, leaving its value on the stack. Instructions get `e`'s location.
    pub(crate) fn visit_expr(&mut self, e: &'a ast::Expr) -> Result<()> {
        let saved = self.unit_ref().loc;
        self.set_loc(e.range());
        let result = if self.st.is_some() {
            self.visit_expr_static(e)
        } else {
            self.visit_expr_inner(e)
        };
        self.unit().loc = saved;
        result
    }

    pub(crate) fn visit_expr_inner(&mut self, e: &'a ast::Expr) -> Result<()> {
        use ast::Expr as E;
        if !matches!(e, E::Constant(_))
            && let Some(c) = fold(e)
        {
            self.load_const(c);
            return Ok(());
        }
        match e {
            E::Constant(c) => self.load_const(super::constants::from_ast(&c.value)),
            E::Name(n) => {
                let ctx = match n.ctx {
                    ast::ExprContext::Load => NameCtx::Load,
                    ast::ExprContext::Store => NameCtx::Store,
                    ast::ExprContext::Del => NameCtx::Del,
                };
                self.nameop(&n.id, ctx)?;
            }
            E::BoolOp(b) => {
                let jump = if b.op == ast::BoolOp::And {
                    Opcode::JUMP_IF_FALSE_OR_POP
                } else {
                    Opcode::JUMP_IF_TRUE_OR_POP
                };
                let end = self.new_block();
                let n = b.values.len();
                let jumps_on_true = b.op == ast::BoolOp::Or;
                for value in &b.values[..n.saturating_sub(1)] {
                    // A constant operand decides at compile time, as CPython's optimizer does.
                    if let Some(truth) = fold(value).as_ref().and_then(truthiness) {
                        if truth == jumps_on_true {
                            self.visit_expr(value)?;
                            self.emit_jump(Op::Jump, end);
                            self.next_block();
                        } else {
                            let saved = self.unit_ref().loc;
                            self.set_loc(value.range());
                            self.emit(Opcode::NOP, 0);
                            self.unit().loc = saved;
                            self.emit(Opcode::NOP, 0);
                        }
                        continue;
                    }
                    self.visit_expr(value)?;
                    self.emit_jump(Op::Real(jump), end);
                    self.next_block();
                }
                if let Some(last) = b.values.last() {
                    self.visit_expr(last)?;
                }
                self.use_block(end);
            }
            E::NamedExpr(n) => {
                self.visit_expr(&n.value)?;
                self.emit(Opcode::COPY, 1);
                self.visit_expr(&n.target)?;
            }
            E::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
                self.emit(Opcode::BINARY_OP, binary_op_arg(b.op));
            }
            E::UnaryOp(u) => {
                self.visit_expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => Opcode::UNARY_INVERT,
                    ast::UnaryOp::Not => Opcode::UNARY_NOT,
                    ast::UnaryOp::UAdd => Opcode::UNARY_POSITIVE,
                    ast::UnaryOp::USub => Opcode::UNARY_NEGATIVE,
                };
                self.emit(op, 0);
            }
            E::Lambda(l) => self.lambda(l)?,
            E::IfExp(i) => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(&i.test, next, false)?;
                self.visit_expr(&i.body)?;
                self.emit_jump_noline(Op::Jump, end);
                self.use_block(next);
                self.visit_expr(&i.orelse)?;
                self.use_block(end);
            }
            E::Dict(d) => self.dict(d)?,
            E::Set(s) => self.starunpack(
                &s.elts,
                0,
                Opcode::BUILD_SET,
                Opcode::SET_ADD,
                Opcode::SET_UPDATE,
                false,
            )?,
            E::List(l) => match l.ctx {
                ast::ExprContext::Load => self.starunpack(
                    &l.elts,
                    0,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    false,
                )?,
                ast::ExprContext::Store => self.unpack_store(&l.elts, e)?,
                ast::ExprContext::Del => {
                    for elt in &l.elts {
                        self.visit_expr(elt)?;
                    }
                }
            },
            E::Tuple(t) => match t.ctx {
                ast::ExprContext::Load => self.starunpack(
                    &t.elts,
                    0,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    true,
                )?,
                ast::ExprContext::Store => self.unpack_store(&t.elts, e)?,
                ast::ExprContext::Del => {
                    for elt in &t.elts {
                        self.visit_expr(elt)?;
                    }
                }
            },
            E::ListComp(c) => self.comprehension(
                c,
                super::function::CompKind::List,
                &c.generators,
                &c.elt,
                None,
            )?,
            E::SetComp(c) => self.comprehension(
                c,
                super::function::CompKind::Set,
                &c.generators,
                &c.elt,
                None,
            )?,
            E::DictComp(c) => self.comprehension(
                c,
                super::function::CompKind::Dict,
                &c.generators,
                &c.key,
                Some(&c.value),
            )?,
            E::GeneratorExp(c) => self.comprehension(
                c,
                super::function::CompKind::Generator,
                &c.generators,
                &c.elt,
                None,
            )?,
            E::Await(a) => {
                if !self.scope().is_function_like() {
                    return Err(self.syntax_error("'await' outside function", e.range()));
                }
                self.visit_expr(&a.value)?;
                self.emit(Opcode::GET_AWAITABLE, 0);
                self.load_const(Constant::None);
                self.yield_from(true);
            }
            E::Yield(y) => {
                if !self.scope().is_function_like() {
                    return Err(self.syntax_error("'yield' outside function", e.range()));
                }
                match &y.value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.emit_yield();
            }
            E::YieldFrom(y) => {
                if !self.scope().is_function_like() {
                    return Err(self.syntax_error("'yield' outside function", e.range()));
                }
                if self.scope().is_coroutine {
                    return Err(self.syntax_error("'yield from' inside async function", e.range()));
                }
                self.visit_expr(&y.value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER, 0);
                self.load_const(Constant::None);
                self.yield_from(false);
            }
            E::Compare(c) => self.compare(c)?,
            E::Call(c) => self.call(c)?,
            E::FormattedValue(f) => self.formatted_value(f)?,
            E::JoinedStr(j) => {
                if j.values.is_empty() {
                    self.load_const(Constant::Str(String::new()));
                } else if j.values.len() > STACK_USE_GUIDELINE {
                    self.load_const(Constant::Str(String::new()));
                    self.emit_name(Opcode::LOAD_METHOD, "join");
                    self.emit(Opcode::BUILD_LIST, 0);
                    for v in &j.values {
                        self.visit_expr(v)?;
                        self.emit(Opcode::LIST_APPEND, 1);
                    }
                    self.emit(Opcode::PRECALL, 1);
                    self.emit(Opcode::CALL, 1);
                } else {
                    for v in &j.values {
                        self.visit_expr(v)?;
                    }
                    if j.values.len() != 1 {
                        self.emit(Opcode::BUILD_STRING, j.values.len() as u32);
                    }
                }
            }
            E::Attribute(a) => {
                self.visit_expr(&a.value)?;
                self.attr_loc(e);
                match a.ctx {
                    ast::ExprContext::Load => self.emit_name(Opcode::LOAD_ATTR, &a.attr),
                    ast::ExprContext::Store => self.emit_name(Opcode::STORE_ATTR, &a.attr),
                    ast::ExprContext::Del => self.emit_name(Opcode::DELETE_ATTR, &a.attr),
                }
            }
            E::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
                match s.ctx {
                    ast::ExprContext::Load => self.emit(Opcode::BINARY_SUBSCR, 0),
                    ast::ExprContext::Store => self.emit(Opcode::STORE_SUBSCR, 0),
                    ast::ExprContext::Del => self.emit(Opcode::DELETE_SUBSCR, 0),
                }
            }
            E::Starred(s) => match s.ctx {
                ast::ExprContext::Store => {
                    return Err(self.syntax_error(
                        "starred assignment target must be in a list or tuple",
                        e.range(),
                    ));
                }
                _ => return Err(self.syntax_error("can't use starred expression here", e.range())),
            },
            E::Slice(s) => {
                let mut n = 2;
                match &s.lower {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Constant::None),
                }
                match &s.upper {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Constant::None),
                }
                if let Some(step) = &s.step {
                    self.visit_expr(step)?;
                    n = 3;
                }
                self.emit(Opcode::BUILD_SLICE, n);
            }
        }
        Ok(())
    }

    /// For an attribute that spans lines, CPython reports the attribute's own line and
    /// columns (`update_start_location_to_match_attr`).
    pub(crate) fn attr_loc(&mut self, e: &ast::Expr) {
        let ast::Expr::Attribute(a) = e else { return };
        let attr_end = self.location(e.range());
        let Some(mut loc) = self.unit_ref().loc else {
            return;
        };
        if loc.line != attr_end.end_line {
            loc.line = attr_end.end_line;
            let len = a.attr.chars().count() as u32;
            match attr_end.end_col {
                Some(end) if len <= end => loc.col = Some(end - len),
                _ => {
                    loc.col = None;
                    loc.end_col = None;
                }
            }
            loc.end_line = loc.end_line.max(loc.line);
            if loc.line == loc.end_line
                && let (Some(c), Some(ec)) = (loc.col, loc.end_col)
            {
                loc.end_col = Some(ec.max(c));
            }
            self.unit().loc = Some(loc);
        }
    }

    pub(crate) fn emit_yield(&mut self) {
        if self.scope().is_coroutine {
            self.emit(Opcode::ASYNC_GEN_WRAP, 0);
        }
        self.emit(Opcode::YIELD_VALUE, 0);
        self.emit(Opcode::RESUME, 1);
    }

    /// `SEND`/`YIELD_VALUE` loop of `yield from` and `await` (CPython's `compiler_add_yield_from`).
    pub(crate) fn yield_from(&mut self, is_await: bool) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_block(start);
        self.emit_jump(Op::Real(Opcode::SEND), exit);
        self.use_block(resume);
        self.emit(Opcode::YIELD_VALUE, 0);
        self.emit(Opcode::RESUME, if is_await { 3 } else { 2 });
        self.emit_jump(Op::JumpNoInterrupt, start);
        self.use_block(exit);
    }

    fn formatted_value(&mut self, f: &'a ast::ExprFormattedValue) -> Result<()> {
        self.visit_expr(&f.value)?;
        let mut arg = match f.conversion {
            ast::ConversionFlag::None => 0,
            ast::ConversionFlag::Str => 1,
            ast::ConversionFlag::Repr => 2,
            ast::ConversionFlag::Ascii => 3,
        };
        if let Some(spec) = &f.format_spec {
            self.visit_expr(spec)?;
            arg |= 4;
        }
        self.emit(Opcode::FORMAT_VALUE, arg);
        Ok(())
    }

    pub(crate) fn compare_op(&mut self, op: ast::CmpOp) {
        use ast::CmpOp as C;
        match op {
            C::Eq => self.emit(Opcode::COMPARE_OP, 2),
            C::NotEq => self.emit(Opcode::COMPARE_OP, 3),
            C::Lt => self.emit(Opcode::COMPARE_OP, 0),
            C::LtE => self.emit(Opcode::COMPARE_OP, 1),
            C::Gt => self.emit(Opcode::COMPARE_OP, 4),
            C::GtE => self.emit(Opcode::COMPARE_OP, 5),
            C::Is => self.emit(Opcode::IS_OP, 0),
            C::IsNot => self.emit(Opcode::IS_OP, 1),
            C::In => self.emit(Opcode::CONTAINS_OP, 0),
            C::NotIn => self.emit(Opcode::CONTAINS_OP, 1),
        }
    }

    /// The right operand of `in`/`not in`: a list or set literal of constants becomes a
    /// tuple or frozenset constant, as CPython's optimizer does.
    fn visit_comparator(&mut self, op: ast::CmpOp, e: &'a ast::Expr) -> Result<()> {
        if matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) {
            let folded = match e {
                ast::Expr::List(l) => l
                    .elts
                    .iter()
                    .map(fold)
                    .collect::<Option<Vec<_>>>()
                    .map(Constant::Tuple),
                ast::Expr::Set(s) => s
                    .elts
                    .iter()
                    .map(fold)
                    .collect::<Option<Vec<_>>>()
                    .map(Constant::FrozenSet),
                _ => None,
            };
            if let Some(c) = folded {
                let saved = self.unit_ref().loc;
                self.set_loc(e.range());
                self.load_const(c);
                self.unit().loc = saved;
                return Ok(());
            }
        }
        self.visit_expr(e)
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> Result<()> {
        self.visit_expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.visit_comparator(c.ops[0], &c.comparators[0])?;
            self.compare_op(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_block();
        for i in 0..n - 1 {
            self.visit_comparator(c.ops[i], &c.comparators[i])?;
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::COPY, 2);
            self.compare_op(c.ops[i]);
            self.emit_jump(Op::Real(Opcode::JUMP_IF_FALSE_OR_POP), cleanup);
        }
        self.visit_comparator(c.ops[n - 1], &c.comparators[n - 1])?;
        self.compare_op(c.ops[n - 1]);
        let end = self.new_block();
        self.emit_jump_noline(Op::Jump, end);
        self.use_block(cleanup);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_TOP, 0);
        self.use_block(end);
        Ok(())
    }

    /// Jumps to `next` when `e`'s truth equals `cond`, else falls through.
    pub(crate) fn jump_if(&mut self, e: &'a ast::Expr, next: Label, cond: bool) -> Result<()> {
        use ast::Expr as E;
        if self.st.is_some() && self.static_jump_if(e, next, cond)? {
            return Ok(());
        }
        if let Some(c) = fold(e)
            && let Some(truth) = truthiness(&c)
        {
            // CPython folds the constant test away; the expression still marks its line.
            let saved = self.unit_ref().loc;
            self.set_loc(e.range());
            self.emit(Opcode::NOP, 0);
            self.unit().loc = saved;
            if truth == cond {
                self.emit_jump(Op::Jump, next);
            } else {
                // The conditional jump became a NOP ending its block, as in CPython.
                self.emit(Opcode::NOP, 0);
                self.next_block();
            }
            return Ok(());
        }
        match e {
            E::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                return self.jump_if(&u.operand, next, !cond);
            }
            E::BoolOp(b) => {
                let is_or = b.op == ast::BoolOp::Or;
                let next2 = if is_or == cond {
                    next
                } else {
                    self.new_block()
                };
                let n = b.values.len();
                for value in &b.values[..n - 1] {
                    self.jump_if(value, next2, is_or)?;
                }
                self.jump_if(&b.values[n - 1], next, cond)?;
                if next2 != next {
                    self.use_block(next2);
                }
                return Ok(());
            }
            E::IfExp(i) => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(&i.test, next2, false)?;
                self.jump_if(&i.body, next, cond)?;
                self.emit_jump_noline(Op::Jump, end);
                self.use_block(next2);
                self.jump_if(&i.orelse, next, cond)?;
                self.use_block(end);
                return Ok(());
            }
            E::Compare(c) if c.ops.len() > 1 => {
                let cleanup = self.new_block();
                self.visit_expr(&c.left)?;
                let n = c.ops.len() - 1;
                for i in 0..n {
                    self.visit_comparator(c.ops[i], &c.comparators[i])?;
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::COPY, 2);
                    self.compare_op(c.ops[i]);
                    self.emit_jump(Op::PopJumpIfFalse, cleanup);
                }
                self.visit_comparator(c.ops[n], &c.comparators[n])?;
                self.compare_op(c.ops[n]);
                self.emit_jump(
                    if cond {
                        Op::PopJumpIfTrue
                    } else {
                        Op::PopJumpIfFalse
                    },
                    next,
                );
                let end = self.new_block();
                self.emit_jump_noline(Op::Jump, end);
                self.use_block(cleanup);
                self.emit(Opcode::POP_TOP, 0);
                if !cond {
                    self.emit_jump_noline(Op::Jump, next);
                }
                self.use_block(end);
                return Ok(());
            }
            E::Compare(c)
                if matches!(c.ops[0], ast::CmpOp::Is | ast::CmpOp::IsNot)
                    && matches!(&c.comparators[0], E::Constant(k) if matches!(k.value, ast::Constant::None)) =>
            {
                self.visit_expr(&c.left)?;
                // `x is None` jumps on None when cond, on not-None otherwise.
                let is = c.ops[0] == ast::CmpOp::Is;
                let op = if is == cond {
                    Op::PopJumpIfNone
                } else {
                    Op::PopJumpIfNotNone
                };
                self.set_loc(e.range());
                self.emit_jump(op, next);
                return Ok(());
            }
            _ => {}
        }
        self.visit_expr(e)?;
        // In CPython 3.11 a single comparison used as a condition leaves its location in
        // place for the jump and what follows in the same statement.
        if matches!(e, E::Compare(_)) {
            self.set_loc(e.range());
        }
        self.emit_jump(
            if cond {
                Op::PopJumpIfTrue
            } else {
                Op::PopJumpIfFalse
            },
            next,
        );
        Ok(())
    }

    fn dict(&mut self, d: &'a ast::ExprDict) -> Result<()> {
        let n = d.values.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            if d.keys[i].is_none() {
                if elements > 0 {
                    self.subdict(d, i - elements, i)?;
                    if have_dict {
                        self.emit(Opcode::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.visit_expr(&d.values[i])?;
                self.emit(Opcode::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(d, i - elements, i + 1)?;
                if have_dict {
                    self.emit(Opcode::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(d, n - elements, n)?;
            if have_dict {
                self.emit(Opcode::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        Ok(())
    }

    fn subdict(&mut self, d: &'a ast::ExprDict, begin: usize, end: usize) -> Result<()> {
        let n = end - begin;
        let keys: Option<Vec<Constant>> = d.keys[begin..end]
            .iter()
            .map(|k| k.as_ref().and_then(fold))
            .collect();
        if n > 1
            && let Some(keys) = keys
        {
            for v in &d.values[begin..end] {
                self.visit_expr(v)?;
            }
            self.load_const(Constant::Tuple(keys));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        for i in begin..end {
            if let Some(k) = &d.keys[i] {
                self.visit_expr(k)?;
            }
            self.visit_expr(&d.values[i])?;
        }
        self.emit(Opcode::BUILD_MAP, n as u32);
        Ok(())
    }

    /// Builds a list, tuple or set from elements that may be starred (CPython's
    /// `starunpack_helper`); `pushed` items are already on the stack.
    pub(crate) fn starunpack(
        &mut self,
        elts: &'a [ast::Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> Result<()> {
        let n = elts.len();
        if n > 2
            && let Some(items) = elts.iter().map(fold).collect::<Option<Vec<_>>>()
        {
            if tuple && pushed == 0 {
                self.load_const(Constant::Tuple(items));
            } else {
                let folded = if add == Opcode::SET_ADD {
                    Constant::FrozenSet(items)
                } else {
                    Constant::Tuple(items)
                };
                self.emit(build, pushed);
                self.load_const(folded);
                self.emit(extend, 1);
                if tuple {
                    self.emit(Opcode::LIST_TO_TUPLE, 0);
                }
            }
            return Ok(());
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e, ast::Expr::Starred(_)));
        if !seen_star && !big {
            // A tuple of constants is one constant (CPython's `fold_tuple_on_constants`).
            if tuple
                && pushed == 0
                && let Some(items) = elts.iter().map(fold).collect::<Option<Vec<_>>>()
            {
                self.load_const(Constant::Tuple(items));
                return Ok(());
            }
            for e in elts {
                self.visit_expr(e)?;
            }
            let op = if tuple { Opcode::BUILD_TUPLE } else { build };
            self.emit(op, n as u32 + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ast::Expr::Starred(s) = e {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.visit_expr(&s.value)?;
                self.emit(extend, 1);
            } else {
                self.visit_expr(e)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Opcode::LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    /// Unpacks the value on the stack into targets (`a, *b, c = ...`).
    fn unpack_store(&mut self, elts: &'a [ast::Expr], whole: &ast::Expr) -> Result<()> {
        let n = elts.len();
        let mut star = None;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e, ast::Expr::Starred(_)) {
                if star.is_some() {
                    return Err(self.syntax_error(
                        "multiple starred expressions in assignment",
                        whole.range(),
                    ));
                }
                star = Some(i);
            }
        }
        match star {
            Some(i) => {
                let after = n - i - 1;
                if i >= 256 || after >= (1 << 23) {
                    return Err(self.syntax_error(
                        "too many expressions in star-unpacking assignment",
                        whole.range(),
                    ));
                }
                self.emit(Opcode::UNPACK_EX, (i as u32) | ((after as u32) << 8));
            }
            None => self.emit(Opcode::UNPACK_SEQUENCE, n as u32),
        }
        for e in elts {
            match e {
                ast::Expr::Starred(s) => self.visit_expr(&s.value)?,
                _ => self.visit_expr(e)?,
            }
        }
        Ok(())
    }
}
