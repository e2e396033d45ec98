//! Lowering of static modules: the static opcodes emitted from the checker's facts.
//!
//! Input: an expression, a call, a return or a condition of a module compiled with a
//! [`StaticInfo`]. Output: static instructions (`PRIMITIVE_*`, `INVOKE_*`, `LOAD_FIELD`,
//! `CAST`, `CHECK_ARGS`...) with their operands as [`crate::format::static_ops`] defines
//! them; `false` from a hook means "not static here", and the ordinary lowering runs (our
//! primitives are ordinary `int`/`float`/`bool` values, so that is always sound).

use rustpython_ast as ast;

use cinder_checker::CallFact;

use super::constants::fold;
use super::static_facts::{Key, code_of, key_of};
use super::{Compiler, Result};
use crate::format::static_ops::{
    self as so, FuncOwner, TypeRef, binop, compare, encode_counted, encode_field, encode_func,
    encode_primitive_const, encode_type, type_code, unary,
};
use crate::format::{Constant, Opcode};
use crate::ir::{Label, Op};

impl<'a> Compiler<'a> {
    /// The type code of `e` when it has a primitive type.
    pub(crate) fn static_prim(&self, key: Key) -> Option<u32> {
        self.st.as_ref()?.prims.get(&key).copied()
    }

    /// `visit_expr` for a static module: static lowering where the facts say so, then a
    /// `CAST` (or an unbox) where a dynamic value enters a typed place.
    pub(crate) fn visit_expr_static(&mut self, e: &'a ast::Expr) -> Result<()> {
        if !self.static_expr(e)? {
            self.visit_expr_inner(e)?;
        }
        let key = key_of(e);
        let cast = self.st.as_ref().and_then(|st| st.casts.get(&key).cloned());
        if let Some(ty) = cast {
            match ty.primitive_code() {
                Some(code) => self.emit(Opcode::PRIMITIVE_UNBOX, code),
                None => {
                    let index = self.add_const(encode_type(&ty));
                    self.emit(Opcode::CAST, index);
                }
            }
        }
        Ok(())
    }

    fn static_expr(&mut self, e: &'a ast::Expr) -> Result<bool> {
        use ast::Expr as E;
        let key = key_of(e);
        let Some(st) = self.st.as_ref() else {
            return Ok(false);
        };
        match e {
            E::Name(_) => {
                let value = st
                    .finals
                    .get(&key)
                    .and_then(|name| st.final_values.get(name))
                    .cloned();
                if let Some(value) = value {
                    self.load_const(value);
                    return Ok(true);
                }
            }
            E::Call(c) => {
                if let Some(fact) = st.calls.get(&key).cloned() {
                    return self.static_call(c, fact);
                }
            }
            E::Subscript(s) if s.ctx != ast::ExprContext::Del => {
                let kind = self
                    .static_prim(key_of(s.slice.as_ref()))
                    .and_then(|_| st.seq_kind(key_of(s.value.as_ref())));
                if let Some(kind) = kind {
                    self.visit_expr(&s.value)?;
                    self.visit_expr(&s.slice)?;
                    let op = if s.ctx == ast::ExprContext::Load {
                        Opcode::SEQUENCE_GET
                    } else {
                        Opcode::SEQUENCE_SET
                    };
                    self.emit(op, kind);
                    return Ok(true);
                }
            }
            E::Attribute(a) if a.ctx != ast::ExprContext::Del => {
                if let Some((class, field)) = st.fields.get(&key).cloned() {
                    self.visit_expr(&a.value)?;
                    self.attr_loc(e);
                    let index = self.add_const(encode_field(&class, &field));
                    let op = if a.ctx == ast::ExprContext::Load {
                        Opcode::LOAD_FIELD
                    } else {
                        Opcode::STORE_FIELD
                    };
                    self.emit(op, index);
                    return Ok(true);
                }
            }
            _ => {}
        }
        let Some(code) = self.static_prim(key) else {
            return Ok(false);
        };
        if let Some(value) = fold(e).and_then(|c| primitive_const(c, code)) {
            let index = self.add_const(encode_primitive_const(value, code));
            self.emit(Opcode::PRIMITIVE_LOAD_CONST, index);
            return Ok(true);
        }
        match e {
            E::BinOp(b) => {
                let Some(op) = binop_id(b.op, code) else {
                    return Ok(false);
                };
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
                self.emit(Opcode::PRIMITIVE_BINARY_OP, op);
                if matches!(
                    op,
                    binop::ADD_INT | binop::SUB_INT | binop::MUL_INT | binop::LSHIFT_INT
                ) {
                    self.wrap(code);
                }
                Ok(true)
            }
            E::UnaryOp(u) => {
                self.visit_expr(&u.operand)?;
                let double = code == type_code::DOUBLE;
                match u.op {
                    ast::UnaryOp::UAdd => {}
                    ast::UnaryOp::USub if double => {
                        self.emit(Opcode::PRIMITIVE_UNARY_OP, unary::NEG_DBL)
                    }
                    ast::UnaryOp::USub => {
                        self.emit(Opcode::PRIMITIVE_UNARY_OP, unary::NEG_INT);
                        self.wrap(code);
                    }
                    ast::UnaryOp::Invert => {
                        self.emit(Opcode::PRIMITIVE_UNARY_OP, unary::INV_INT);
                        self.wrap(code);
                    }
                    ast::UnaryOp::Not => self.emit(Opcode::PRIMITIVE_UNARY_OP, unary::NOT_INT),
                }
                Ok(true)
            }
            E::Compare(c) if c.ops.len() == 1 && c.comparators.len() == 1 => {
                let right = &c.comparators[0];
                let operand = self
                    .static_prim(key_of(c.left.as_ref()))
                    .or_else(|| self.static_prim(key_of(right)));
                let Some(id) = operand.and_then(|o| compare_id(c.ops[0], o)) else {
                    return Ok(false);
                };
                self.visit_expr(&c.left)?;
                self.visit_expr(right)?;
                self.emit(Opcode::PRIMITIVE_COMPARE_OP, id);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// The `LOAD_FIELD`/`STORE_FIELD` descriptor constant of a static field attribute
    /// (`obj.x` where the checker recorded the field), for `obj.x op= v`.
    pub(crate) fn static_field_const(&mut self, target: &'a ast::Expr) -> Option<u32> {
        let (class, field) = self.st.as_ref()?.fields.get(&key_of(target)).cloned()?;
        Some(self.add_const(encode_field(&class, &field)))
    }

    /// The operator of `x op= v` on a primitive (`x` and `v` already on the stack):
    /// `PRIMITIVE_BINARY_OP`, wrapped to the type.
    pub(crate) fn static_aug_op(&mut self, a: &'a ast::StmtAugAssign) -> Result<bool> {
        if self.st.is_none() {
            return Ok(false);
        }
        let Some(code) = self
            .static_prim(key_of(a.target.as_ref()))
            .or_else(|| self.static_prim(key_of(a.value.as_ref())))
        else {
            return Ok(false);
        };
        let Some(op) = binop_id(a.op, code) else {
            return Ok(false);
        };
        self.emit(Opcode::PRIMITIVE_BINARY_OP, op);
        if matches!(
            op,
            binop::ADD_INT | binop::SUB_INT | binop::MUL_INT | binop::LSHIFT_INT
        ) {
            self.wrap(code);
        }
        Ok(true)
    }

    /// Wraps the integer on the stack to a type narrower than 64 bits.
    fn wrap(&mut self, code: u32) {
        if type_code::is_integer(code) && type_code::bits(code) < 64 {
            self.emit(Opcode::CONVERT_PRIMITIVE, so::convert_oparg(code, code));
        }
    }

    fn static_call(&mut self, c: &'a ast::ExprCall, fact: CallFact) -> Result<bool> {
        let simple =
            c.keywords.is_empty() && !c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)));
        if !simple {
            return Ok(false);
        }
        let Some(st) = self.st.as_ref() else {
            return Ok(false);
        };
        let nargs_given = c.args.len();
        if let Some(name) = st.inlines.get(&key_of(c)).cloned()
            && self.inline_call(c, &name)?
        {
            return Ok(true);
        }
        let Some(st) = self.st.as_ref() else {
            return Ok(false);
        };
        if let Some((ty, dict)) = st.checked_builds.get(&key_of(c)).cloned()
            && self.checked_build(c, &ty, dict)?
        {
            return Ok(true);
        }
        let Some(st) = self.st.as_ref() else {
            return Ok(false);
        };
        match fact {
            CallFact::InvokeFunction { func, nargs } => {
                let Some(f) = st.func_ref(&func) else {
                    return Ok(false);
                };
                if matches!(c.func.as_ref(), ast::Expr::Attribute(a) if is_super_call(&a.value)) {
                    return Ok(false);
                }
                let receiver = match (c.func.as_ref(), &f.owner) {
                    (ast::Expr::Attribute(a), FuncOwner::Class(_)) if nargs == nargs_given + 1 => {
                        Some(&a.value)
                    }
                    _ if nargs == nargs_given => None,
                    _ => return Ok(false),
                };
                if let Some(r) = receiver {
                    self.visit_expr(r)?;
                }
                for arg in &c.args {
                    self.visit_expr(arg)?;
                }
                let index = self.add_const(encode_counted(encode_func(&f), nargs));
                self.emit(Opcode::INVOKE_FUNCTION, index);
                Ok(true)
            }
            CallFact::InvokeMethod { func, nargs } => {
                let Some(f) = st.func_ref(&func) else {
                    return Ok(false);
                };
                let ast::Expr::Attribute(a) = c.func.as_ref() else {
                    return Ok(false);
                };
                // `super().m()` is not virtual on the receiver's type: an ordinary call.
                if nargs != nargs_given || is_super_call(&a.value) {
                    return Ok(false);
                }
                self.visit_expr(&a.value)?;
                for arg in &c.args {
                    self.visit_expr(arg)?;
                }
                let index = self.add_const(encode_counted(encode_func(&f), nargs));
                self.emit(Opcode::INVOKE_METHOD, index);
                Ok(true)
            }
            CallFact::Construct { class, nargs } => {
                if nargs != nargs_given {
                    return Ok(false);
                }
                let ty = st.type_ref(&class);
                let init = self.st_class_has_init(&ty);
                let class_index = self.add_const(encode_type(&ty));
                if init {
                    self.emit(Opcode::TP_ALLOC, class_index);
                    self.emit(Opcode::COPY, 1);
                    for arg in &c.args {
                        self.visit_expr(arg)?;
                    }
                    let f = so::FuncRef {
                        owner: FuncOwner::Class(ty),
                        name: "__init__".to_string(),
                    };
                    let index = self.add_const(encode_counted(encode_func(&f), nargs + 1));
                    self.emit(Opcode::INVOKE_FUNCTION, index);
                    self.emit(Opcode::POP_TOP, 0);
                } else {
                    self.emit(Opcode::PUSH_NULL, 0);
                    self.emit(Opcode::LOAD_CLASS, class_index);
                    for arg in &c.args {
                        self.visit_expr(arg)?;
                    }
                    self.emit(Opcode::PRECALL, nargs as u32);
                    self.emit(Opcode::CALL, nargs as u32);
                }
                Ok(true)
            }
            CallFact::PrimitiveConversion { to, from } => {
                let [arg] = c.args.as_slice() else {
                    return Ok(false);
                };
                self.visit_expr(arg)?;
                let to = code_of(to);
                match from.map(code_of) {
                    Some(from) if from == to => {}
                    Some(from) => self.emit(Opcode::CONVERT_PRIMITIVE, so::convert_oparg(from, to)),
                    None => self.emit(Opcode::PRIMITIVE_UNBOX, to),
                }
                Ok(true)
            }
            CallFact::Box { from } => {
                let [arg] = c.args.as_slice() else {
                    return Ok(false);
                };
                self.visit_expr(arg)?;
                self.emit(Opcode::PRIMITIVE_BOX, code_of(from));
                Ok(true)
            }
            CallFact::Clen => {
                let [arg] = c.args.as_slice() else {
                    return Ok(false);
                };
                let kind = st.fast_len_kind(key_of(arg));
                self.visit_expr(arg)?;
                self.emit(Opcode::FAST_LEN, kind);
                Ok(true)
            }
            CallFact::Cast { to } => {
                let [_, value] = c.args.as_slice() else {
                    return Ok(false);
                };
                let ty = st.type_ref(&to);
                self.visit_expr(value)?;
                let index = self.add_const(encode_type(&ty));
                self.emit(Opcode::CAST, index);
                Ok(true)
            }
            CallFact::LoadType => {
                let [arg] = c.args.as_slice() else {
                    return Ok(false);
                };
                self.visit_expr(arg)?;
                self.emit(Opcode::LOAD_TYPE, 0);
                Ok(true)
            }
            CallFact::Dynamic => Ok(false),
        }
    }

    /// A call of an `@inline` function `name` whose body is `return <expr>` over its
    /// positional parameters only: the arguments go to hidden locals and the expression is
    /// compiled in place (inside functions; elsewhere, and for other shapes, `false`).
    fn inline_call(&mut self, c: &'a ast::ExprCall, name: &str) -> Result<bool> {
        if !self.scope().is_function_like() {
            return Ok(false);
        }
        let Some(f) = self.st_functions.get(name).copied() else {
            return Ok(false);
        };
        let args = &f.args;
        let simple_params = args.vararg.is_none()
            && args.kwarg.is_none()
            && args.kwonlyargs.is_empty()
            && args.posonlyargs.is_empty()
            && args.args.len() == c.args.len();
        let body: Vec<&ast::Stmt> = f
            .body
            .iter()
            .filter(|s| !matches!(s, ast::Stmt::Expr(e) if matches!(e.value.as_ref(), ast::Expr::Constant(_))))
            .collect();
        let [ast::Stmt::Return(ret)] = body.as_slice() else {
            return Ok(false);
        };
        let Some(value) = ret.value.as_deref() else {
            return Ok(false);
        };
        let params: Vec<String> = args.args.iter().map(|a| a.def.arg.to_string()).collect();
        if !simple_params || !only_names(value, &params) {
            return Ok(false);
        }
        // The facts of the body are keyed by ranges of this module's text (the function
        // is one of its top-level statements), so it lowers statically in place.
        let site = self.st.as_ref().map_or(0, |st| st.inlined);
        let mut subst = std::collections::HashMap::new();
        for (param, arg) in params.iter().zip(&c.args) {
            self.visit_expr(arg)?;
            let hidden = format!("{param}$inline{site}");
            let index = self.unit().varnames.insert_full(hidden).0 as u32;
            self.emit(Opcode::STORE_FAST, index);
            subst.insert(param.clone(), index);
        }
        let saved = match self.st.as_mut() {
            Some(st) => {
                st.inlined += 1;
                std::mem::replace(&mut st.subst, subst)
            }
            None => return Ok(false),
        };
        let result = self.visit_expr(value);
        if let Some(st) = self.st.as_mut() {
            st.subst = saved;
        }
        result?;
        Ok(true)
    }

    /// `CheckedList[T]([a, b])`, `CheckedList[T]()`, `CheckedDict[K, V]({k: v})`,
    /// `CheckedDict[K, V]()`: the items, then `BUILD_CHECKED_LIST`/`MAP`. Other argument
    /// shapes stay ordinary calls (`false`).
    fn checked_build(&mut self, c: &'a ast::ExprCall, ty: &TypeRef, dict: bool) -> Result<bool> {
        let n = match (c.args.as_slice(), dict) {
            ([], _) => 0,
            ([ast::Expr::List(l)], false)
                if !l.elts.iter().any(|e| matches!(e, ast::Expr::Starred(_))) =>
            {
                for item in &l.elts {
                    self.visit_expr(item)?;
                }
                l.elts.len()
            }
            ([ast::Expr::Dict(d)], true) if d.keys.iter().all(Option::is_some) => {
                for (k, v) in d.keys.iter().zip(&d.values) {
                    if let Some(k) = k {
                        self.visit_expr(k)?;
                    }
                    self.visit_expr(v)?;
                }
                d.values.len()
            }
            _ => return Ok(false),
        };
        let index = self.add_const(encode_counted(encode_type(ty), n));
        let op = if dict {
            Opcode::BUILD_CHECKED_MAP
        } else {
            Opcode::BUILD_CHECKED_LIST
        };
        self.emit(op, index);
        Ok(true)
    }

    /// Whether the class `ty` is defined at the top level of this module with its own
    /// `__init__` (then construction is `TP_ALLOC` + a direct `__init__` invoke).
    fn st_class_has_init(&self, ty: &TypeRef) -> bool {
        let Some(st) = self.st.as_ref() else {
            return false;
        };
        if ty.path.len() != 1 || !st.is_own_module(&ty.module) {
            return false;
        }
        st.classes_with_init.contains(&ty.path[0])
    }

    /// In a static class body: `__slot_types__ = {field: descr, ...}` and
    /// `__final_methods__ = (name, ...)` from the class's layout fact.
    pub(crate) fn emit_class_layout(&mut self, qualname: &str) -> Result<()> {
        let Some((fields, finals)) = self
            .st
            .as_ref()
            .and_then(|st| st.layouts.get(qualname).cloned())
        else {
            return Ok(());
        };
        for (name, ty) in &fields {
            self.load_const(Constant::Str(name.clone()));
            self.load_const(encode_type(ty));
        }
        self.emit(Opcode::BUILD_MAP, fields.len() as u32);
        self.nameop("__slot_types__", super::NameCtx::Store)?;
        self.load_const(Constant::Tuple(
            finals.into_iter().map(Constant::Str).collect(),
        ));
        self.nameop("__final_methods__", super::NameCtx::Store)
    }

    /// `__final_constants__ = (name, ...)` at the start of a static module: the names of
    /// its `Final` globals (the runtime freezes a module that defines it).
    pub(crate) fn emit_final_constants(&mut self, body: &[ast::Stmt]) -> Result<()> {
        let mut names = Vec::new();
        for stmt in body {
            if let ast::Stmt::AnnAssign(a) = stmt
                && let ast::Expr::Name(n) = a.target.as_ref()
                && is_final_annotation(&a.annotation)
            {
                names.push(Constant::Str(n.id.to_string()));
            }
        }
        self.load_const(Constant::Tuple(names));
        self.nameop("__final_constants__", super::NameCtx::Store)
    }

    /// `CHECK_ARGS` for the function being compiled, when it checks anything.
    pub(crate) fn emit_check_args(&mut self, qualname: &str) {
        let Some(checks) = self.st.as_ref().and_then(|st| st.arg_checks.get(qualname)) else {
            return;
        };
        let cells = &self.unit_ref().cellvars;
        let varnames = &self.unit_ref().varnames;
        // A parameter that is also a cell lives in its cell after `MAKE_CELL`: not checked.
        let kept: Vec<(i32, TypeRef)> = checks
            .iter()
            .filter(|(i, _)| {
                usize::try_from(*i)
                    .ok()
                    .and_then(|i| varnames.get_index(i))
                    .is_some_and(|name| !cells.contains(name))
            })
            .cloned()
            .collect();
        if kept.is_empty() {
            return;
        }
        let index = self.add_const(so::encode_arg_checks(&kept));
        self.emit(Opcode::CHECK_ARGS, index);
    }

    /// The return instruction for `value`: `RETURN_PRIMITIVE` for a primitive.
    pub(crate) fn static_return(&self, value: Option<&ast::Expr>) -> Option<u32> {
        self.static_prim(key_of(value?))
    }

    /// A condition of primitive type (`cbool` or a number): `POP_JUMP_IF_ZERO`/`NONZERO`.
    pub(crate) fn static_jump_if(
        &mut self,
        e: &'a ast::Expr,
        next: Label,
        cond: bool,
    ) -> Result<bool> {
        if matches!(e, ast::Expr::BoolOp(_))
            || matches!(e, ast::Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not)
            || self.static_prim(key_of(e)).is_none()
        {
            return Ok(false);
        }
        self.visit_expr(e)?;
        let op = if cond {
            Op::PopJumpIfNonZero
        } else {
            Op::PopJumpIfZero
        };
        self.emit_jump(op, next);
        Ok(true)
    }
}

/// Whether every name `e` reads is one of `params` (no globals, no nested scopes).
fn only_names(e: &ast::Expr, params: &[String]) -> bool {
    use ast::Expr as E;
    match e {
        E::Name(n) => params.iter().any(|p| p == n.id.as_str()),
        E::Constant(_) => true,
        E::BinOp(b) => only_names(&b.left, params) && only_names(&b.right, params),
        E::UnaryOp(u) => only_names(&u.operand, params),
        E::BoolOp(b) => b.values.iter().all(|v| only_names(v, params)),
        E::Compare(c) => {
            only_names(&c.left, params) && c.comparators.iter().all(|v| only_names(v, params))
        }
        E::IfExp(i) => {
            only_names(&i.test, params)
                && only_names(&i.body, params)
                && only_names(&i.orelse, params)
        }
        E::Attribute(a) => only_names(&a.value, params),
        E::Subscript(s) => only_names(&s.value, params) && only_names(&s.slice, params),
        E::Tuple(t) => t.elts.iter().all(|v| only_names(v, params)),
        _ => false,
    }
}

/// `Final`, `Final[T]`, `typing.Final[T]`.
fn is_final_annotation(e: &ast::Expr) -> bool {
    match e {
        ast::Expr::Name(n) => n.id.as_str() == "Final",
        ast::Expr::Attribute(a) => a.attr.as_str() == "Final",
        ast::Expr::Subscript(s) => is_final_annotation(&s.value),
        _ => false,
    }
}

/// `super()` (or `super(...)`): a receiver whose methods are not dispatched on its type.
fn is_super_call(e: &ast::Expr) -> bool {
    matches!(e, ast::Expr::Call(c) if matches!(c.func.as_ref(), ast::Expr::Name(n) if n.id.as_str() == "super"))
}

/// A folded constant as the value of a primitive constant of type `code`.
fn primitive_const(c: Constant, code: u32) -> Option<Constant> {
    match (c, code) {
        (Constant::Bool(b), type_code::BOOL) => Some(Constant::Bool(b)),
        (Constant::Int(i), type_code::DOUBLE) => Some(Constant::Float(i as f64)),
        (Constant::Float(f), type_code::DOUBLE) => Some(Constant::Float(f)),
        (Constant::Int(i), code) if type_code::is_integer(code) => Some(Constant::Int(i)),
        (Constant::BigInt(i), type_code::UINT64) => Some(Constant::BigInt(i)),
        (Constant::Bool(b), code) if type_code::is_integer(code) => {
            Some(Constant::Int(i64::from(b)))
        }
        _ => None,
    }
}

/// The `PRIMITIVE_BINARY_OP` id of `op` on operands of type `code`.
fn binop_id(op: ast::Operator, code: u32) -> Option<u32> {
    use ast::Operator as O;
    if code == type_code::DOUBLE {
        return Some(match op {
            O::Add => binop::ADD_DBL,
            O::Sub => binop::SUB_DBL,
            O::Mult => binop::MUL_DBL,
            O::Div => binop::DIV_DBL,
            _ => return None,
        });
    }
    if !type_code::is_integer(code) {
        return None;
    }
    let signed = type_code::is_signed(code);
    Some(match op {
        O::Add => binop::ADD_INT,
        O::Sub => binop::SUB_INT,
        O::Mult => binop::MUL_INT,
        O::Div | O::FloorDiv if signed => binop::DIV_INT,
        O::Div | O::FloorDiv => binop::DIV_UN_INT,
        O::Mod if signed => binop::MOD_INT,
        O::Mod => binop::MOD_UN_INT,
        O::LShift => binop::LSHIFT_INT,
        O::RShift if signed => binop::RSHIFT_INT,
        O::RShift => binop::RSHIFT_UN_INT,
        O::BitXor => binop::XOR_INT,
        O::BitOr => binop::OR_INT,
        O::BitAnd => binop::AND_INT,
        _ => return None,
    })
}

/// The `PRIMITIVE_COMPARE_OP` id of `op` on operands of type `code`.
fn compare_id(op: ast::CmpOp, code: u32) -> Option<u32> {
    use ast::CmpOp as C;
    if code == type_code::DOUBLE {
        return Some(match op {
            C::Eq => compare::EQ_DBL,
            C::NotEq => compare::NE_DBL,
            C::Lt => compare::LT_DBL,
            C::LtE => compare::LE_DBL,
            C::Gt => compare::GT_DBL,
            C::GtE => compare::GE_DBL,
            _ => return None,
        });
    }
    if !type_code::is_integer(code) && code != type_code::BOOL {
        return None;
    }
    let unsigned = !type_code::is_signed(code) && code != type_code::BOOL;
    Some(match op {
        C::Eq => compare::EQ_INT,
        C::NotEq => compare::NE_INT,
        C::Lt if unsigned => compare::LT_UN_INT,
        C::LtE if unsigned => compare::LE_UN_INT,
        C::Gt if unsigned => compare::GT_UN_INT,
        C::GtE if unsigned => compare::GE_UN_INT,
        C::Lt => compare::LT_INT,
        C::LtE => compare::LE_INT,
        C::Gt => compare::GT_INT,
        C::GtE => compare::GE_INT,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operator_ids_follow_signedness() {
        assert_eq!(
            binop_id(ast::Operator::RShift, type_code::UINT32),
            Some(binop::RSHIFT_UN_INT)
        );
        assert_eq!(
            binop_id(ast::Operator::Div, type_code::INT8),
            Some(binop::DIV_INT)
        );
        assert_eq!(binop_id(ast::Operator::Pow, type_code::INT64), None);
        assert_eq!(
            binop_id(ast::Operator::Mult, type_code::DOUBLE),
            Some(binop::MUL_DBL)
        );
        assert_eq!(
            compare_id(ast::CmpOp::Lt, type_code::UINT64),
            Some(compare::LT_UN_INT)
        );
        assert_eq!(
            compare_id(ast::CmpOp::GtE, type_code::DOUBLE),
            Some(compare::GE_DBL)
        );
        assert_eq!(compare_id(ast::CmpOp::Is, type_code::INT64), None);
        assert_eq!(
            primitive_const(Constant::Int(3), type_code::DOUBLE),
            Some(Constant::Float(3.0))
        );
        assert_eq!(primitive_const(Constant::Str("x".into()), 7), None);
    }
}
