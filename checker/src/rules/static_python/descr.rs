//! Descriptors for code generation: type descriptors (`builtins.int`, `main.C?`,
//! `__static__.int64#`), function descriptors, argument checks and field facts.

use crate::declare::MemberKind;
use crate::declare::names::{builtins_file, module_name_of_file};
use crate::types::class::{is_builtin, lookup_member};
use crate::types::{ClassTy, FunctionTy, ParamKind, Ty, TyKind};

use super::exprs::is_static_class;
use super::facts::{FieldFact, FunctionDescr, TypeDescr};
use super::walk::StaticPass;

pub(super) fn module_of(pass: &StaticPass<'_>, file: crate::db::SourceFile) -> String {
    if Some(file) == builtins_file(pass.db) {
        return "builtins".to_string();
    }
    module_name_of_file(pass.db, file)
        .unwrap_or("__main__")
        .to_string()
}

pub(super) fn function_descr(
    pass: &StaticPass<'_>,
    file: crate::db::SourceFile,
    qualname: &str,
) -> FunctionDescr {
    FunctionDescr {
        module: module_of(pass, file),
        qualname: qualname.to_string(),
    }
}

/// The descriptor of a type, `None` for types that are not checked (dynamic, unions,
/// type variables, callables...).
pub(super) fn type_descr(pass: &StaticPass<'_>, ty: Ty) -> Option<TypeDescr> {
    let (inner, optional) = match ty.kind() {
        TyKind::Union(members) if members.len() == 2 && ty.contains_none() => {
            (ty.without_none(), true)
        }
        _ => (ty, false),
    };
    let (class, exact) = match inner.kind() {
        TyKind::Primitive(p) => {
            return Some(TypeDescr {
                module: "__static__".to_string(),
                name: p.name().to_string(),
                primitive: true,
                optional,
                exact: false,
            });
        }
        TyKind::Instance(c) => (c, false),
        TyKind::Exact(c) => (c, true),
        TyKind::Tuple(_) => {
            return Some(TypeDescr {
                module: "builtins".into(),
                name: "tuple".into(),
                primitive: false,
                optional,
                exact: false,
            });
        }
        _ => return None,
    };
    Some(TypeDescr {
        module: module_of(pass, class.class.file()),
        name: class.class.qualname().to_string(),
        primitive: false,
        optional,
        exact,
    })
}

/// The `(local index, descriptor)` pairs checked on entry to a function.
pub(super) fn arg_checks(
    pass: &StaticPass<'_>,
    f: &FunctionTy,
    _is_method: bool,
) -> Vec<(i32, TypeDescr)> {
    let mut out = Vec::new();
    let mut ordered: Vec<&crate::types::Param> = f
        .sig
        .params
        .iter()
        .filter(|p| !matches!(p.kind, ParamKind::VarPositional | ParamKind::VarKeyword))
        .collect();
    ordered.sort_by_key(|p| p.kind == ParamKind::KeywordOnly);
    for (index, p) in (0i32..).zip(ordered) {
        if p.annotated
            && !matches!(p.ty.kind(), TyKind::Instance(c) if is_builtin(pass.db, c.class, "object"))
            && let Some(descr) = type_descr(pass, p.ty)
        {
            out.push((index, descr));
        }
    }
    out
}

/// The field fact of `object.name` when `object` is an instance of a static class and
/// `name` one of its fields.
pub(super) fn field_fact(
    pass: &StaticPass<'_>,
    object: Ty,
    name: &str,
    store: bool,
) -> Option<FieldFact> {
    let c: &ClassTy = match object.kind() {
        TyKind::Instance(c) | TyKind::Exact(c) => c,
        _ => return None,
    };
    if !is_static_class(pass, c.class) {
        return None;
    }
    let found = lookup_member(pass.db, c, name)?;
    if found.member.kind != MemberKind::InstanceVar {
        return None;
    }
    let class = type_descr(pass, Ty::instance(found.owner, Vec::new()))?;
    Some(FieldFact {
        class,
        field: name.to_string(),
        ty: pass.show(found.ty()),
        store,
    })
}
