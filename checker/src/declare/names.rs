//! What a name means for annotations: a class, a type variable, an alias, a special
//! form, a module or a plain value. Resolved from module symbols alone, following
//! imports across modules with a depth limit (so import cycles cannot loop).

use rustpython_parser::ast;

use crate::db::{Db, SourceFile};
use crate::declare::symbols::{SymbolDef, module_symbols};
use crate::declare::type_expr::TypeExprResolver;
use crate::resolve::{module_map, resolve_module};
use crate::types::{ClassId, Primitive, SpecialForm, Ty, TypeVarTy, Variance};

/// The meaning of a name in a type expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameRes {
    Class(ClassId),
    TypeVar(Ty),
    /// A type alias (`IntList = list[int]`), already resolved.
    Alias(Ty),
    Special(SpecialForm),
    /// A module: its name and its file (`None` when dynamic: stdlib without stub).
    Module(Box<str>, Option<SourceFile>),
    Primitive(Primitive),
    /// A function or variable: not usable as a type.
    Value,
    /// From a module that does not resolve or is dynamic: anything goes.
    Dynamic,
    /// Not defined anywhere.
    Unresolved,
}

const MAX_DEPTH: u32 = 12;

/// The dotted module name of a file (a reverse lookup of the module map).
#[salsa::tracked(returns(ref))]
pub fn file_module_names(db: &dyn Db) -> std::collections::HashMap<SourceFile, String> {
    module_map(db)
        .iter()
        .map(|(name, file)| (*file, name.clone()))
        .collect()
}

pub fn module_name_of_file(db: &dyn Db, file: SourceFile) -> Option<&str> {
    file_module_names(db).get(&file).map(String::as_str)
}

/// The file of `builtins`, if the stubs have one.
pub fn builtins_file(db: &dyn Db) -> Option<SourceFile> {
    resolve_module(db, "builtins")
}

/// The special forms of `typing` / `typing_extensions`, by name.
pub fn typing_special(name: &str) -> Option<SpecialForm> {
    Some(match name {
        "Any" => SpecialForm::Any,
        "Optional" => SpecialForm::Optional,
        "Union" => SpecialForm::Union,
        "Callable" => SpecialForm::Callable,
        "Literal" => SpecialForm::Literal,
        "Final" => SpecialForm::Final,
        "ClassVar" => SpecialForm::ClassVar,
        "Protocol" => SpecialForm::Protocol,
        "Generic" => SpecialForm::Generic,
        "Type" => SpecialForm::Type,
        "Tuple" => SpecialForm::Tuple,
        "NoReturn" => SpecialForm::NoReturn,
        "Never" => SpecialForm::Never,
        "Annotated" => SpecialForm::Annotated,
        "TypeAlias" => SpecialForm::TypeAlias,
        "Self" => SpecialForm::SelfType,
        "List" => SpecialForm::Alias("list"),
        "Dict" => SpecialForm::Alias("dict"),
        "Set" => SpecialForm::Alias("set"),
        "FrozenSet" => SpecialForm::Alias("frozenset"),
        "TypeVar" => SpecialForm::TypeVar,
        "cast" => SpecialForm::Cast,
        "reveal_type" => SpecialForm::RevealType,
        "NewType" => SpecialForm::NewType,
        "overload" | "final" | "runtime_checkable" | "no_type_check" | "type_check_only" => {
            SpecialForm::IdentityDecorator
        }
        "TYPE_CHECKING" => SpecialForm::TypeChecking,
        "Required" => SpecialForm::Required,
        "NotRequired" => SpecialForm::NotRequired,
        "ReadOnly" => SpecialForm::ReadOnly,
        _ => return None,
    })
}

fn is_typing_module(name: &str) -> bool {
    matches!(name, "typing" | "typing_extensions")
}

/// What `name` means at the top level of `file` (falling back to builtins).
pub fn resolve_global(db: &dyn Db, file: SourceFile, name: &str) -> NameRes {
    resolve_in_module(db, file, name, 0)
}

/// What `name` means in module `file`, following imports.
pub fn resolve_in_module(db: &dyn Db, file: SourceFile, name: &str, depth: u32) -> NameRes {
    if depth > MAX_DEPTH {
        return NameRes::Dynamic;
    }
    let module_name = module_name_of_file(db, file);
    if let Some(module) = module_name {
        if is_typing_module(module)
            && let Some(form) = typing_special(name)
        {
            return NameRes::Special(form);
        }
        if module == "__static__"
            && let Some(prim) = Primitive::from_name(name)
        {
            return NameRes::Primitive(prim);
        }
    }
    let symbols = module_symbols(db, file);
    match symbols.get(name) {
        Some(SymbolDef::Class) => NameRes::Class(ClassId::new(file, name)),
        Some(SymbolDef::Function) => NameRes::Value,
        Some(SymbolDef::Module { module }) => module_res(db, module),
        Some(SymbolDef::ImportFrom { module, name }) => resolve_import(db, module, name, depth + 1),
        Some(SymbolDef::Variable { annotation, value }) => variable_res(
            db,
            file,
            annotation.as_deref(),
            value.as_deref(),
            name,
            depth,
        ),
        None if !symbols.star_imports.is_empty() => {
            for module in &symbols.star_imports {
                let res = resolve_import(db, module, name, depth + 1);
                if res != NameRes::Unresolved {
                    return res;
                }
            }
            match builtins_file(db) {
                Some(builtins) if builtins != file => {
                    match resolve_in_module(db, builtins, name, depth + 1) {
                        NameRes::Unresolved => NameRes::Dynamic,
                        res => res,
                    }
                }
                _ => NameRes::Dynamic,
            }
        }
        None => {
            if module_name == Some("builtins") {
                return if name == "reveal_type" {
                    NameRes::Special(SpecialForm::RevealType)
                } else {
                    NameRes::Unresolved
                };
            }
            match builtins_file(db) {
                Some(builtins) if builtins != file => {
                    resolve_in_module(db, builtins, name, depth + 1)
                }
                _ if name == "reveal_type" => NameRes::Special(SpecialForm::RevealType),
                _ => NameRes::Unresolved,
            }
        }
    }
}

/// `from module import name`.
pub fn resolve_import(db: &dyn Db, module: &str, name: &str, depth: u32) -> NameRes {
    if is_typing_module(module)
        && let Some(form) = typing_special(name)
    {
        return NameRes::Special(form);
    }
    match resolve_module(db, module) {
        Some(file) => {
            let symbols = module_symbols(db, file);
            if symbols.get(name).is_none() && symbols.star_imports.is_empty() {
                let sub = format!("{module}.{name}");
                if let Some(sub_file) = resolve_module(db, &sub) {
                    return NameRes::Module(sub.into(), Some(sub_file));
                }
                return NameRes::Unresolved;
            }
            resolve_in_module(db, file, name, depth)
        }
        None => NameRes::Dynamic,
    }
}

/// `import module`: the module, resolved or dynamic.
pub fn module_res(db: &dyn Db, module: &str) -> NameRes {
    NameRes::Module(module.into(), resolve_module(db, module))
}

fn variable_res(
    db: &dyn Db,
    file: SourceFile,
    annotation: Option<&ast::Expr>,
    value: Option<&ast::Expr>,
    name: &str,
    depth: u32,
) -> NameRes {
    let Some(value) = value else {
        return NameRes::Value;
    };
    if let Some(annotation) = annotation {
        let is_alias = match annotation {
            ast::Expr::Name(n) => n.id.as_str() == "TypeAlias",
            ast::Expr::Attribute(a) => a.attr.as_str() == "TypeAlias",
            _ => false,
        };
        if !is_alias {
            return NameRes::Value;
        }
    }
    if let ast::Expr::Call(call) = value {
        let callee = match &*call.func {
            ast::Expr::Name(n) => n.id.as_str(),
            ast::Expr::Attribute(a) => a.attr.as_str(),
            _ => "",
        };
        if callee == "TypeVar" || callee == "ParamSpec" {
            return NameRes::TypeVar(type_var_from_call(db, file, name, call, depth));
        }
        if crate::declare::functional::is_class_call(call) {
            return NameRes::Class(ClassId::new(file, name));
        }
        return NameRes::Value;
    }
    if !looks_like_type(value) {
        return NameRes::Value;
    }
    let mut resolver = TypeExprResolver::for_module(db, file, depth + 1);
    match resolver.try_alias(value) {
        Some(ty) => NameRes::Alias(ty),
        None => NameRes::Value,
    }
}

/// Whether an unannotated assignment's value could be a type alias.
pub fn looks_like_type(value: &ast::Expr) -> bool {
    match value {
        ast::Expr::Name(_) | ast::Expr::Attribute(_) => true,
        ast::Expr::Subscript(s) => looks_like_type(&s.value),
        ast::Expr::BinOp(b) => {
            matches!(b.op, ast::Operator::BitOr)
                && looks_like_type(&b.left)
                && looks_like_type(&b.right)
        }
        ast::Expr::Constant(c) => matches!(c.value, ast::Constant::None),
        _ => false,
    }
}

/// `T = TypeVar("T", int, str, bound=..., covariant=True)`.
pub fn type_var_from_call(
    db: &dyn Db,
    file: SourceFile,
    name: &str,
    call: &ast::ExprCall,
    depth: u32,
) -> Ty {
    let mut resolver = TypeExprResolver::for_module(db, file, depth + 1);
    let constraints: Vec<Ty> = call
        .args
        .iter()
        .skip(1)
        .map(|a| resolver.silent_type(a))
        .collect();
    let mut bound = None;
    let mut variance = Variance::Invariant;
    for kw in &call.keywords {
        let is_true = matches!(&kw.value, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Bool(true)));
        match kw.arg.as_ref().map(|a| a.as_str()) {
            Some("bound") => bound = Some(resolver.silent_type(&kw.value)),
            Some("covariant") if is_true => variance = Variance::Covariant,
            Some("contravariant") if is_true => variance = Variance::Contravariant,
            _ => {}
        }
    }
    Ty::type_var(TypeVarTy {
        name: name.into(),
        file: Some(file),
        bound,
        constraints: constraints.into_boxed_slice(),
        variance,
        param_spec: call_name(call) == "ParamSpec",
    })
}

fn call_name(call: &ast::ExprCall) -> &str {
    match &*call.func {
        ast::Expr::Name(n) => n.id.as_str(),
        ast::Expr::Attribute(a) => a.attr.as_str(),
        _ => "",
    }
}
