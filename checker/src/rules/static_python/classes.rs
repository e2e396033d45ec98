//! Class rules of the static pass: subclassing a `@final` class (24), members declared
//! twice (25), a method and a field with one name (26), an inherited field's type
//! changed (27), `Final` attributes never initialised, and method overrides
//! incompatible with the base method (29 and its suffixes, §1.6).
//!
//! Input: a class statement and its declaration. Output: diagnostics on the pass.

use std::collections::HashMap;

use rustpython_parser::ast::{self, Ranged};

use crate::declare::function::decorator_name;
use crate::declare::{MemberKind, class_decl, module_declarations};
use crate::diagnostics::{Span, codes};
use crate::types::class::mro_of;
use crate::types::relation::is_assignable;
use crate::types::{ClassId, FunctionTy, ParamKind, Ty, TyKind};

use super::display::qualified_class;
use super::walk::StaticPass;

/// Checks one class statement of a static module.
pub(super) fn check_class(pass: &mut StaticPass<'_>, c: &ast::StmtClassDef, class: ClassId) {
    let db = pass.db;
    let name = qualified_class(db, class);
    for base in &c.bases {
        if let TyKind::ClassObject(b) = pass.ty(base).kind()
            && class_decl(db, b.class).is_some_and(|d| d.flags.is_final)
        {
            let message = format!(
                "Class `{name}` cannot subclass a Final class: `{}`",
                qualified_class(db, b.class)
            );
            pass.report(
                codes::FINAL_CLASS_SUBCLASSED,
                Span::from(base.range()),
                message,
            );
        }
    }
    let Some(decl) = class_decl(db, class).cloned() else {
        return;
    };
    let mut fields: HashMap<&str, Span> = HashMap::new();
    let mut methods: HashMap<&str, Span> = HashMap::new();
    let mut finals: Vec<(&str, Span)> = Vec::new();
    for stmt in &c.body {
        match stmt {
            ast::Stmt::AnnAssign(a) => {
                let ast::Expr::Name(n) = &*a.target else {
                    continue;
                };
                let field = n.id.as_str();
                let span = Span::from(a.target.range());
                if fields.contains_key(field) {
                    pass.report(
                        codes::MEMBER_REDECLARED,
                        span,
                        format!("Cannot re-declare member '{field}' in '{name}'"),
                    );
                } else if methods.contains_key(field) {
                    pass.report(
                        codes::MEMBER_CONFLICT,
                        span,
                        format!("function conflicts with other member {field} in Type[{name}]"),
                    );
                }
                fields.insert(field, span);
                let ann = pass.annotation(&a.annotation);
                if ann.is_final && a.value.is_none() {
                    finals.push((field, span));
                }
                if !ann.is_class_var {
                    inherited_type(pass, &decl.bases, field, ann.ty, span);
                }
            }
            ast::Stmt::FunctionDef(_) | ast::Stmt::AsyncFunctionDef(_) => {
                let Some(syntax) = crate::declare::function::FunctionSyntax::from_stmt(stmt) else {
                    continue;
                };
                let span = Span::from(stmt.range());
                let is_accessor = syntax.decorators.iter().any(|d| {
                    matches!(
                        decorator_name(d),
                        "setter" | "getter" | "deleter" | "overload"
                    )
                });
                if fields.contains_key(syntax.name) && !is_accessor {
                    let message = format!(
                        "function conflicts with other member {} in Type[{name}]",
                        syntax.name
                    );
                    pass.report(codes::MEMBER_CONFLICT, span, message);
                }
                methods.insert(syntax.name, span);
                if syntax.name == "__init__" {
                    init_redeclarations(pass, syntax.body, syntax.args, &fields, &name);
                }
                check_override(pass, class, syntax.name, span);
            }
            _ => {}
        }
    }
    for (field, span) in finals {
        let assigned_in_init =
            decl.members.get(field).is_some_and(|m| !m.in_class_body) || init_assigns(c, field);
        if !assigned_in_init {
            pass.report(
                codes::FINAL_UNINITIALIZED,
                span,
                format!("Final attribute not initialized: {name}:{field}"),
            );
        }
    }
}

/// `self.x: T` in `__init__` for a field the class body already annotates.
fn init_redeclarations(
    pass: &mut StaticPass<'_>,
    body: &[ast::Stmt],
    args: &ast::Arguments,
    fields: &HashMap<&str, Span>,
    class_name: &str,
) {
    let Some(self_name) = args
        .posonlyargs
        .iter()
        .chain(&args.args)
        .next()
        .map(|a| a.def.arg.as_str())
    else {
        return;
    };
    let mut seen: Vec<&str> = Vec::new();
    crate::index::for_each_stmt(body, &mut |stmt| {
        if let ast::Stmt::AnnAssign(a) = stmt
            && let ast::Expr::Attribute(attr) = &*a.target
            && matches!(&*attr.value, ast::Expr::Name(n) if n.id.as_str() == self_name)
        {
            let field = attr.attr.as_str();
            if fields.contains_key(field) || seen.contains(&field) {
                pass.report(
                    codes::MEMBER_REDECLARED,
                    Span::from(attr.range),
                    format!("Cannot re-declare member '{field}' in '{class_name}'"),
                );
            }
            seen.push(field);
        }
    });
}

/// Whether `__init__` assigns `self.<field>`.
fn init_assigns(c: &ast::StmtClassDef, field: &str) -> bool {
    c.body.iter().any(|stmt| match stmt {
        ast::Stmt::FunctionDef(f) if f.name.as_str() == "__init__" => {
            let self_name = f
                .args
                .args
                .first()
                .map(|a| a.def.arg.as_str())
                .unwrap_or("self");
            let mut out = Vec::new();
            crate::index::self_assignments(&f.body, self_name, &mut out);
            out.iter().any(|(name, _, _)| *name == field)
        }
        _ => false,
    })
}

/// Message 27: a field whose type differs from the same field of a base class.
fn inherited_type(pass: &mut StaticPass<'_>, bases: &[Ty], field: &str, ty: Ty, span: Span) {
    for base in bases {
        let Some(b) = base.as_instance() else {
            continue;
        };
        let Some(found) = crate::types::class::lookup_member(pass.db, b, field) else {
            continue;
        };
        if found.member.kind == MemberKind::InstanceVar && found.member.declared && found.ty() != ty
        {
            let message = format!(
                "Cannot change type of inherited attribute (inherited type '{}')",
                pass.show(found.ty())
            );
            pass.report(codes::INHERITED_TYPE_CHANGED, span, message);
            return;
        }
    }
}

/// The declared function of `qualname` in the module of `class`.
fn method_of(pass: &StaticPass<'_>, class: ClassId, method: &str) -> Option<FunctionTy> {
    let decls = module_declarations(pass.db, class.file());
    let func = decls
        .functions
        .get(format!("{}.{method}", class.qualname()).as_str())?;
    match func.func.kind() {
        TyKind::Function(f) => Some(f.clone()),
        _ => None,
    }
}

/// Message 29: compares a method with the nearest base method of the same name.
fn check_override(pass: &mut StaticPass<'_>, class: ClassId, method: &str, span: Span) {
    if matches!(
        method,
        "__init__" | "__new__" | "__init_subclass__" | "__class_getitem__"
    ) {
        return;
    }
    let Some(mine) = method_of(pass, class, method) else {
        return;
    };
    let Some(decl) = class_decl(pass.db, class) else {
        return;
    };
    let Some(own) = decl.self_instance().as_instance().cloned() else {
        return;
    };
    let base = mro_of(pass.db, &own).into_iter().skip(1).find_map(|entry| {
        let member = class_decl(pass.db, entry.class)?
            .members
            .get(method)?
            .clone();
        Some((entry.class, member))
    });
    let Some((base_class, member)) = base else {
        return;
    };
    if member.kind != MemberKind::Method {
        return;
    }
    let Some(theirs) = method_of(pass, base_class, method) else {
        return;
    };
    let derived = format!("{}.{method}", qualified_class(pass.db, class));
    if theirs.flags.is_final {
        pass.report(
            codes::STATIC_BAD_OVERRIDE,
            span,
            format!("Cannot assign to a Final attribute of {derived}"),
        );
        return;
    }
    if mine.flags.is_staticmethod != theirs.flags.is_staticmethod
        || mine.flags.is_classmethod != theirs.flags.is_classmethod
    {
        return;
    }
    let based = format!("{}.{method}", qualified_class(pass.db, base_class));
    let prefix = format!("{derived} overrides {based} inconsistently.");
    if let Some(suffix) = incompatibility(pass, &mine, &theirs) {
        pass.report(
            codes::STATIC_BAD_OVERRIDE,
            span,
            format!("{prefix} {suffix}"),
        );
    }
}

/// The first way in which `mine` does not accept what `theirs` accepts, in Cinder's
/// words (§1.6).
fn incompatibility(
    pass: &StaticPass<'_>,
    mine: &FunctionTy,
    theirs: &FunctionTy,
) -> Option<String> {
    let db = pass.db;
    if !mine.sig.ret.is_dynamic()
        && !theirs.sig.ret.is_dynamic()
        && !is_assignable(db, mine.sig.ret, theirs.sig.ret)
    {
        return Some(format!(
            "Returned type `{}` is not a subtype of the overridden return `{}`",
            pass.show(mine.sig.ret),
            pass.show(theirs.sig.ret)
        ));
    }
    let has = |f: &FunctionTy, kind: ParamKind| f.sig.params.iter().any(|p| p.kind == kind);
    let fixed = |f: &FunctionTy| -> Vec<crate::types::Param> {
        f.sig
            .params
            .iter()
            .filter(|p| !matches!(p.kind, ParamKind::VarPositional | ParamKind::VarKeyword))
            .cloned()
            .collect()
    };
    let (mp, tp) = (fixed(mine), fixed(theirs));
    let their_kwargs = has(theirs, ParamKind::VarKeyword);
    let extra_ok =
        their_kwargs && mp.len() > tp.len() && mp[tp.len()..].iter().all(|p| p.has_default);
    if mp.len() != tp.len() && !extra_ok {
        return Some("Number of arguments differ".to_string());
    }
    if has(mine, ParamKind::VarPositional) != has(theirs, ParamKind::VarPositional) {
        return Some("Functions differ by including *args".to_string());
    }
    if has(mine, ParamKind::VarKeyword) != has(theirs, ParamKind::VarKeyword) {
        return Some("Functions differ by including **kwargs".to_string());
    }
    for (i, (m, t)) in mp.iter().zip(&tp).enumerate().skip(1) {
        let (mn, tn) = (
            m.name.as_deref().unwrap_or("?"),
            t.name.as_deref().unwrap_or("?"),
        );
        if (m.kind == ParamKind::KeywordOnly) != (t.kind == ParamKind::KeywordOnly) {
            return Some(if t.kind == ParamKind::KeywordOnly {
                format!("`{tn}` is overridden as a positional argument")
            } else {
                format!("`{tn}` is overridden as a keyword-only argument")
            });
        }
        if t.kind == ParamKind::KeywordOnly && mn != tn {
            return Some(format!(
                "Keyword only argument `{tn}` is overridden as `{mn}`"
            ));
        }
        if t.kind != ParamKind::PositionalOnly && mn != tn {
            return Some(format!(
                "Positional argument {} named `{tn}` is overridden as `{mn}`",
                i + 1
            ));
        }
        if m.kind == ParamKind::PositionalOnly && t.kind != ParamKind::PositionalOnly {
            return Some(format!(
                "`{tn}` is overridden as a positional-only argument"
            ));
        }
        if m.annotated && t.annotated && !is_assignable(db, t.ty, m.ty) {
            return Some(format!(
                "Parameter {mn} of type `{}` is not a supertype of the overridden parameter `{}`",
                pass.show(m.ty),
                pass.show(t.ty)
            ));
        }
    }
    None
}
