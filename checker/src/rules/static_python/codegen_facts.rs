//! Facts for code generation that the diagnostic rules do not produce themselves:
//! explicit `cast(T, x)` calls (lowered to `CAST T`), reads of the module's own `Final`
//! globals (inlined), container kinds (`FAST_LEN`, `SEQUENCE_GET`/`SET`) and checked
//! container constructions (`BUILD_CHECKED_LIST`/`MAP`).
//!
//! Input: an expression of a static module during the static pass. Output: entries pushed
//! into [`super::facts::StaticFacts`]; no diagnostics.

use rustpython_parser::ast::{self, Ranged};

use crate::diagnostics::Span;

use crate::types::class::is_builtin;
use crate::types::{Ty, TyKind};

use super::descr::type_descr;
use super::facts::{CallFact, CheckedBuild, ClassLayout, ContainerFact, ContainerKind, TypeDescr};
use super::hooks::{is_static_stub_class, primitive_of, static_function_name};
use super::walk::{ScopeKind, StaticPass};
use crate::declare::MemberKind;

impl StaticPass<'_> {
    /// `cast(T, x)` with a runtime-checkable `T`: a [`CallFact::Cast`] for the call.
    pub(super) fn codegen_call_facts(&mut self, e: &ast::Expr, c: &ast::ExprCall) {
        self.checked_build_fact(e, c);
        self.inline_fact(e, c);
        self.load_type_fact(e, c);
        let name = static_function_name(self.db, self.ty(&c.func));
        if name == Some("clen")
            && let [arg] = c.args.as_slice()
        {
            self.container_fact(arg);
        }
        if c.args.len() != 2 || !c.keywords.is_empty() || name != Some("cast") {
            return;
        }
        if let Some(to) = type_descr(self, self.ty(e))
            && !to.primitive
        {
            self.facts
                .calls
                .push((Span::from(e.range()), CallFact::Cast { to }));
        }
    }
}

impl StaticPass<'_> {
    /// A read of a module-level `Final` name of this module (not shadowed by a local):
    /// recorded in `finals` so that codegen inlines its value.
    pub(super) fn codegen_expr_facts(&mut self, e: &ast::Expr) {
        if let ast::Expr::Subscript(s) = e
            && primitive_of(self.ty(&s.slice)).is_some()
        {
            self.container_fact(&s.value);
        }
        let ast::Expr::Name(n) = e else { return };
        if n.ctx != ast::ExprContext::Load {
            return;
        }
        let name = n.id.as_str();
        let scope = self.scope();
        match scope.kind {
            ScopeKind::Class => return,
            ScopeKind::Function if scope.locals.contains(name) && !scope.globals.contains(name) => {
                return;
            }
            _ => {}
        }
        let Some(global) = self.decls.globals.get(name) else {
            return;
        };
        if global.is_final && global.import.is_none() {
            self.facts
                .finals
                .push((Span::from(e.range()), name.to_string()));
        }
    }
}

impl StaticPass<'_> {
    /// Records the container kind of `e` when its type is a known container.
    fn container_fact(&mut self, e: &ast::Expr) {
        let ty = self.ty(e);
        let (class, exact) = match ty.kind() {
            TyKind::Tuple(_) => {
                let fact = ContainerFact {
                    kind: ContainerKind::Tuple,
                    exact: true,
                };
                self.facts.containers.push((Span::from(e.range()), fact));
                return;
            }
            TyKind::Instance(c) => (c.clone(), false),
            TyKind::Exact(c) => (c.clone(), true),
            _ => return,
        };
        let kind = if is_static_stub_class(self.db, class.class) {
            match class.class.qualname() {
                "chklist" => ContainerKind::CheckedList,
                "chkdict" => ContainerKind::CheckedDict,
                "staticarray" | "Array" => {
                    match class.args.first().and_then(|a| primitive_of(*a)) {
                        Some(p) => ContainerKind::Array(p),
                        None => return,
                    }
                }
                _ => return,
            }
        } else {
            let builtins = [
                ("list", ContainerKind::List),
                ("tuple", ContainerKind::Tuple),
                ("dict", ContainerKind::Dict),
                ("set", ContainerKind::Set),
                ("str", ContainerKind::Str),
            ];
            match builtins
                .iter()
                .find(|(name, _)| is_builtin(self.db, class.class, name))
            {
                Some((_, kind)) => *kind,
                None => return,
            }
        };
        self.facts
            .containers
            .push((Span::from(e.range()), ContainerFact { kind, exact }));
    }

    /// `CheckedList[T](...)` / `CheckedDict[K, V](...)` building a checked container.
    fn checked_build_fact(&mut self, e: &ast::Expr, c: &ast::ExprCall) {
        if !matches!(c.func.as_ref(), ast::Expr::Subscript(_)) || !c.keywords.is_empty() {
            return;
        }
        let ty = self.ty(e);
        let class = match ty.kind() {
            TyKind::Instance(c) | TyKind::Exact(c) => c.clone(),
            _ => return,
        };
        if !is_static_stub_class(self.db, class.class) {
            return;
        }
        let dict = match class.class.qualname() {
            "chklist" => false,
            "chkdict" => true,
            _ => return,
        };
        let args = class
            .args
            .iter()
            .map(|a| self.descr_or_object(*a))
            .collect();
        self.facts
            .checked_builds
            .push((Span::from(e.range()), CheckedBuild { dict, args }));
    }

    fn descr_or_object(&self, ty: Ty) -> TypeDescr {
        type_descr(self, ty).unwrap_or_else(|| TypeDescr {
            module: "builtins".to_string(),
            name: "object".to_string(),
            primitive: false,
            optional: false,
            exact: false,
        })
    }
}

impl StaticPass<'_> {
    /// A call of an `@inline` function defined at the top of this module: `inlines`.
    fn inline_fact(&mut self, e: &ast::Expr, c: &ast::ExprCall) {
        let TyKind::Function(f) = self.ty(&c.func).kind() else {
            return;
        };
        let Some(def) = f.def.as_ref() else { return };
        if def.file != self.file || def.qualname.contains('.') {
            return;
        }
        let parsed = crate::parse::parsed_module(self.db, self.file);
        let inline = parsed.suite().iter().any(|stmt| match stmt {
            ast::Stmt::FunctionDef(d) if d.name.as_str() == &*def.qualname => {
                d.decorator_list.iter().any(|dec| match dec {
                    ast::Expr::Name(n) => n.id.as_str() == "inline",
                    ast::Expr::Attribute(a) => a.attr.as_str() == "inline",
                    _ => false,
                })
            }
            _ => false,
        });
        if inline {
            self.facts
                .inlines
                .push((Span::from(e.range()), def.qualname.to_string()));
        }
    }
}

impl StaticPass<'_> {
    /// `type(x)` with one positional argument: [`CallFact::LoadType`] in place of the
    /// dynamic call recorded for it.
    fn load_type_fact(&mut self, e: &ast::Expr, c: &ast::ExprCall) {
        let [arg] = c.args.as_slice() else { return };
        if !c.keywords.is_empty() || matches!(arg, ast::Expr::Starred(_)) {
            return;
        }
        let TyKind::ClassObject(class) = self.ty(&c.func).kind() else {
            return;
        };
        if !is_builtin(self.db, class.class, "type") {
            return;
        }
        let span = Span::from(e.range());
        match self.facts.calls.iter_mut().find(|(s, _)| *s == span) {
            Some(entry) => entry.1 = CallFact::LoadType,
            None => self.facts.calls.push((span, CallFact::LoadType)),
        }
    }
}

impl StaticPass<'_> {
    /// The layouts of the module's top-level classes: own instance fields without a class
    /// default (their descriptors; `builtins.object` when dynamic) and `@final` methods.
    pub(super) fn layout_facts(&mut self) {
        let mut layouts = Vec::new();
        for (qualname, class) in &self.decls.classes {
            if qualname.contains('.') {
                continue;
            }
            let mut fields = Vec::new();
            let mut final_methods = Vec::new();
            for (name, member) in &class.members {
                match member.kind {
                    MemberKind::InstanceVar if !member.has_default => {
                        fields.push((name.to_string(), self.descr_or_object(member.ty)));
                    }
                    MemberKind::Method if member.is_final => final_methods.push(name.to_string()),
                    _ => {}
                }
            }
            layouts.push(ClassLayout {
                qualname: qualname.to_string(),
                fields,
                final_methods,
            });
        }
        self.facts.classes = layouts;
    }
}
