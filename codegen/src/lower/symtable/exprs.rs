//! The first pass of scope analysis over expressions and patterns: names bound by
//! patterns, walrus targets and comprehensions (each comprehension is its own scope), and
//! names used. Input: the expression; output: the bindings and uses recorded in the scopes.

use super::*;

impl Builder {
    pub(super) fn pattern(&mut self, p: &ast::Pattern) -> Result<(), CodegenError> {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value)?,
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => {
                for p in &s.patterns {
                    self.pattern(p)?;
                }
            }
            P::MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k)?;
                }
                for p in &m.patterns {
                    self.pattern(p)?;
                }
                if let Some(r) = &m.rest {
                    self.add_def(r, DEF_LOCAL)?;
                }
            }
            P::MatchClass(c) => {
                self.expr(&c.cls)?;
                for p in c.patterns.iter().chain(&c.kwd_patterns) {
                    self.pattern(p)?;
                }
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add_def(n, DEF_LOCAL)?;
                }
            }
            P::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p)?;
                }
                if let Some(n) = &a.name {
                    self.add_def(n, DEF_LOCAL)?;
                }
            }
            P::MatchOr(o) => {
                for p in &o.patterns {
                    self.pattern(p)?;
                }
            }
        }
        Ok(())
    }

    pub(super) fn comprehension<T>(
        &mut self,
        node: &T,
        name: &str,
        generators: &[ast::Comprehension],
        elts: &[&ast::Expr],
        is_generator: bool,
    ) -> Result<(), CodegenError> {
        let Some(first) = generators.first() else {
            return Ok(());
        };
        self.expr(&first.iter)?;
        self.enter(node, ScopeKind::Comprehension, name);
        if generators.iter().any(|g| g.is_async) {
            self.current().is_coroutine = true;
        }
        self.current().is_generator = is_generator;
        self.add_def(".0", DEF_PARAM)?;
        for (i, generator) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&generator.iter)?;
            }
            self.comp_target(&generator.target)?;
            for cond in &generator.ifs {
                self.expr(cond)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        self.leave();
        Ok(())
    }

    pub(super) fn comp_target(&mut self, target: &ast::Expr) -> Result<(), CodegenError> {
        match target {
            ast::Expr::Name(n) => self.add_def(&n.id, DEF_LOCAL | DEF_COMP_ITER),
            ast::Expr::Tuple(t) => t.elts.iter().try_for_each(|e| self.comp_target(e)),
            ast::Expr::List(t) => t.elts.iter().try_for_each(|e| self.comp_target(e)),
            ast::Expr::Starred(s) => self.comp_target(&s.value),
            other => self.expr(other),
        }
    }

    pub(super) fn named_target(&mut self, name: &str) -> Result<(), CodegenError> {
        for depth in (0..self.stack.len()).rev() {
            let id = self.stack[depth];
            let kind = self.scopes[id].kind;
            match kind {
                ScopeKind::Comprehension => {
                    if self.scopes[id].flags_of(name) & DEF_COMP_ITER != 0 {
                        return Err(syntax(format!(
                            "assignment expression cannot rebind comprehension iteration variable '{name}'"
                        )));
                    }
                }
                ScopeKind::Function => {
                    let global = self.scopes[id].flags_of(name) & DEF_GLOBAL != 0;
                    self.add_def(name, if global { DEF_GLOBAL } else { DEF_NONLOCAL })?;
                    let entry = self.scopes[id]
                        .symbols
                        .entry(name.to_string())
                        .or_insert(Symbol {
                            flags: 0,
                            scope: NameScope::Unknown,
                        });
                    entry.flags |= DEF_LOCAL;
                    return Ok(());
                }
                ScopeKind::Module => {
                    self.add_def(name, DEF_GLOBAL)?;
                    let entry = self.scopes[id]
                        .symbols
                        .entry(name.to_string())
                        .or_insert(Symbol {
                            flags: 0,
                            scope: NameScope::Unknown,
                        });
                    entry.flags |= DEF_GLOBAL;
                    return Ok(());
                }
                ScopeKind::Class => {
                    return Err(syntax(
                        "assignment expression within a comprehension cannot be used in a class body",
                    ));
                }
            }
        }
        Ok(())
    }

    pub(super) fn expr(&mut self, e: &ast::Expr) -> Result<(), CodegenError> {
        use ast::Expr as E;
        match e {
            E::BoolOp(b) => b.values.iter().try_for_each(|v| self.expr(v))?,
            E::NamedExpr(n) => {
                self.expr(&n.value)?;
                if let E::Name(name) = n.target.as_ref() {
                    if self.current().kind == ScopeKind::Comprehension {
                        self.named_target(&name.id)?;
                    } else {
                        self.add_def(&name.id, DEF_LOCAL)?;
                    }
                }
            }
            E::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            E::UnaryOp(u) => self.expr(&u.operand)?,
            E::Lambda(l) => {
                self.arguments_outer(&l.args)?;
                self.enter(l, ScopeKind::Function, "lambda");
                self.params(&l.args)?;
                self.expr(&l.body)?;
                self.leave();
            }
            E::IfExp(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            E::Dict(d) => {
                for (k, v) in d.keys.iter().zip(&d.values) {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
            }
            E::Set(s) => s.elts.iter().try_for_each(|v| self.expr(v))?,
            E::ListComp(c) => self.comprehension(c, "listcomp", &c.generators, &[&c.elt], false)?,
            E::SetComp(c) => self.comprehension(c, "setcomp", &c.generators, &[&c.elt], false)?,
            E::DictComp(c) => {
                self.comprehension(c, "dictcomp", &c.generators, &[&c.key, &c.value], false)?
            }
            E::GeneratorExp(c) => {
                self.comprehension(c, "genexpr", &c.generators, &[&c.elt], true)?
            }
            E::Await(a) => {
                self.current().is_coroutine = true;
                self.expr(&a.value)?;
            }
            E::Yield(y) => {
                self.current().is_generator = true;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            E::YieldFrom(y) => {
                self.current().is_generator = true;
                self.expr(&y.value)?;
            }
            E::Compare(c) => {
                self.expr(&c.left)?;
                c.comparators.iter().try_for_each(|v| self.expr(v))?;
            }
            E::Call(c) => {
                self.expr(&c.func)?;
                c.args.iter().try_for_each(|v| self.expr(v))?;
                c.keywords.iter().try_for_each(|k| self.expr(&k.value))?;
            }
            E::FormattedValue(f) => {
                self.expr(&f.value)?;
                if let Some(s) = &f.format_spec {
                    self.expr(s)?;
                }
            }
            E::JoinedStr(j) => j.values.iter().try_for_each(|v| self.expr(v))?,
            E::Constant(_) => {}
            E::Attribute(a) => self.expr(&a.value)?,
            E::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            E::Starred(s) => self.expr(&s.value)?,
            E::Name(n) => {
                let flag = if matches!(n.ctx, ast::ExprContext::Load) {
                    USE
                } else {
                    DEF_LOCAL
                };
                self.add_def(&n.id, flag)?;
                let in_function = matches!(
                    self.current().kind,
                    ScopeKind::Function | ScopeKind::Comprehension
                );
                if matches!(n.ctx, ast::ExprContext::Load)
                    && in_function
                    && n.id.as_str() == "super"
                {
                    self.add_def("__class__", USE)?;
                }
            }
            E::List(l) => l.elts.iter().try_for_each(|v| self.expr(v))?,
            E::Tuple(t) => t.elts.iter().try_for_each(|v| self.expr(v))?,
            E::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(part)?;
                }
            }
        }
        let _ = e.range();
        Ok(())
    }
}
