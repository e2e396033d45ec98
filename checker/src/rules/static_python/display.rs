//! Types as Cinder's messages write them: `int`, `Literal[42]`, `Optional[int]`,
//! `Exact[main.C]`, `chklist[int]`, `chkdict[str, int]`, `dynamic`, `Type[main.C]`.
//! Classes of user modules are qualified with their module name; builtins and
//! `__static__` classes are bare.

use crate::db::Db;
use crate::declare::names::{builtins_file, module_name_of_file};
use crate::types::{ClassTy, Literal, TupleTy, Ty, TyKind};

/// A type in the words of Static Python's messages.
pub(crate) fn static_display(db: &dyn Db, ty: Ty) -> String {
    match ty.kind() {
        TyKind::Any | TyKind::Unknown => "dynamic".to_string(),
        TyKind::Never => "NoReturn".to_string(),
        TyKind::None => "None".to_string(),
        TyKind::Instance(c) => class_name(db, c),
        TyKind::Exact(c) => format!("Exact[{}]", class_name(db, c)),
        TyKind::ClassObject(c) => format!("Type[{}]", class_name(db, c)),
        TyKind::Literal(Literal::Int(i)) => format!("Literal[{i}]"),
        TyKind::Literal(Literal::Bool(b)) => {
            format!("Literal[{}]", if *b { "True" } else { "False" })
        }
        TyKind::Literal(Literal::Str(_)) => "str".to_string(),
        TyKind::Literal(Literal::Bytes(_)) => "bytes".to_string(),
        TyKind::Literal(_) => ty.display().to_string(),
        TyKind::Tuple(TupleTy::Fixed(items)) => {
            let items: Vec<String> = items.iter().map(|&t| static_display(db, t)).collect();
            format!("tuple[{}]", items.join(", "))
        }
        TyKind::Tuple(TupleTy::Variadic(_)) => "tuple".to_string(),
        TyKind::Union(members) => {
            let rest: Vec<Ty> = members.iter().copied().filter(|m| !m.is_none()).collect();
            if rest.len() == 1 && rest.len() < members.len() {
                return format!("Optional[{}]", static_display(db, rest[0]));
            }
            let items: Vec<String> = members.iter().map(|&t| static_display(db, t)).collect();
            format!("Union[{}]", items.join(", "))
        }
        TyKind::Primitive(p) => p.name().to_string(),
        _ => ty.display().to_string(),
    }
}

/// `main.C`, `int`, `chkdict[str, int]`.
pub(crate) fn class_name(db: &dyn Db, c: &ClassTy) -> String {
    let mut out = qualified_class(db, c.class);
    if !c.args.is_empty() {
        let args: Vec<String> = c.args.iter().map(|&t| static_display(db, t)).collect();
        out = format!("{out}[{}]", args.join(", "));
    }
    out
}

/// A class name qualified by its module, unless it is a builtin or a `__static__` class.
pub(crate) fn qualified_class(db: &dyn Db, class: crate::types::ClassId) -> String {
    if Some(class.file()) == builtins_file(db) || super::hooks::is_static_stub_class(db, class) {
        return class.qualname().to_string();
    }
    match module_name_of_file(db, class.file()) {
        Some(module) => format!("{module}.{}", class.qualname()),
        None => class.qualname().to_string(),
    }
}
