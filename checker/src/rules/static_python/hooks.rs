//! The few places where inference itself follows Static Python: the result types of
//! primitive arithmetic, comparisons and unary operators, primitive constructors and
//! `box`/`unbox`, and annotations that resolve to `dynamic` in a static module.
//!
//! Input: operand and callee types already inferred. Output: `Some(result type)` when
//! the rule applies (inference then uses it as is), `None` to let plain inference run.
//! Errors are never reported here: the static pass ([`super::check`]) reports them from
//! the recorded types, so fixpoint passes over loops cannot duplicate them.

use rustpython_parser::ast;

use crate::db::{Db, SourceFile};
use crate::resolve::resolve_module;
use crate::types::class::{builtin_instance, is_builtin};
use crate::types::{ClassId, Literal, Primitive, SpecialForm, Ty, TyKind};

/// The primitive a type is, if it is one.
pub(crate) fn primitive_of(ty: Ty) -> Option<Primitive> {
    match ty.kind() {
        TyKind::Primitive(p) => Some(*p),
        _ => None,
    }
}

/// Whether a class is declared by the bundled `__static__` stub.
pub(crate) fn is_static_stub_class(db: &dyn Db, class: ClassId) -> bool {
    resolve_module(db, "__static__") == Some(class.file())
}

/// The primitive a `__static__` class object stands for (`int64` the class, used as a
/// constructor `int64(x)`).
pub(crate) fn primitive_class(db: &dyn Db, callee: Ty) -> Option<Primitive> {
    match callee.kind() {
        TyKind::ClassObject(c) if is_static_stub_class(db, c.class) => {
            Primitive::from_name(c.class.qualname())
        }
        _ => None,
    }
}

/// The name of a `__static__` function (`box`, `unbox`, `clen`, `crange`, `cast`...).
pub(crate) fn static_function_name(db: &dyn Db, callee: Ty) -> Option<&'static str> {
    let stub = resolve_module(db, "__static__")?;
    let def = match callee.kind() {
        TyKind::Function(f) => f.def.as_ref(),
        TyKind::Overloaded(items) => items.first().and_then(|i| match i.kind() {
            TyKind::Function(f) => f.def.as_ref(),
            _ => None,
        }),
        _ => None,
    }?;
    if def.file != stub {
        return None;
    }
    Some(match &*def.qualname {
        "box" => "box",
        "unbox" => "unbox",
        "clen" => "clen",
        "crange" => "crange",
        "cast" => "cast",
        "inline" => "inline",
        "prod_assert" => "prod_assert",
        _ => return None,
    })
}

/// The result of `left op right` when either side is a primitive.
pub(crate) fn binary_op_type(db: &dyn Db, left: Ty, op: ast::Operator, right: Ty) -> Option<Ty> {
    let (l, r) = (primitive_of(left), primitive_of(right));
    let (l, r) = match (l, r) {
        (None, None) => return None,
        (Some(Primitive::Double), None) if is_float(db, right) => {
            (Primitive::Double, Primitive::Double)
        }
        (None, Some(Primitive::Double)) if is_float(db, left) => {
            (Primitive::Double, Primitive::Double)
        }
        (Some(l), None) if is_int_literal(right) && l.is_integral() => (l, l),
        (None, Some(r)) if is_int_literal(left) && r.is_integral() => (r, r),
        (Some(l), Some(r)) => (l, r),
        _ => return Some(Ty::unknown()),
    };
    if l == Primitive::CBool || r == Primitive::CBool {
        return Some(Ty::unknown());
    }
    let result = l.arithmetic_result(r)?;
    if matches!(op, ast::Operator::Pow) {
        return Some(Ty::primitive(Primitive::Double));
    }
    Some(Ty::primitive(result))
}

/// A `float` value (a float literal in a `double` context).
pub(crate) fn is_float(db: &dyn Db, ty: Ty) -> bool {
    matches!(ty.kind(), TyKind::Instance(c) if is_builtin(db, c.class, "float"))
}

fn is_int_literal(ty: Ty) -> bool {
    matches!(ty.kind(), TyKind::Literal(Literal::Int(_)))
}

/// The result of a unary operator on a primitive: `not` gives `cbool`, the others the
/// operand's type.
pub(crate) fn unary_op_type(op: ast::UnaryOp, operand: Ty) -> Option<Ty> {
    let p = primitive_of(operand)?;
    Some(match op {
        ast::UnaryOp::Not if p == Primitive::Double => Ty::unknown(),
        ast::UnaryOp::Not => Ty::primitive(Primitive::CBool),
        ast::UnaryOp::Invert if !p.is_integral() => Ty::unknown(),
        _ => operand,
    })
}

/// A comparison with a primitive operand gives `cbool`.
pub(crate) fn compare_type(left: Ty, right: Ty) -> Option<Ty> {
    (primitive_of(left).is_some() || primitive_of(right).is_some())
        .then(|| Ty::primitive(Primitive::CBool))
}

/// The result of calling a `__static__` primitive constructor or `box`/`unbox`.
pub(crate) fn call_type(db: &dyn Db, callee: Ty, args: &[Ty]) -> Option<Ty> {
    if let Some(p) = primitive_class(db, callee) {
        return Some(Ty::primitive(p));
    }
    match static_function_name(db, callee)? {
        "box" => Some(match args.first().copied().and_then(primitive_of) {
            Some(Primitive::CBool) => builtin_instance(db, "bool", Vec::new()),
            Some(Primitive::Double) => builtin_instance(db, "float", Vec::new()),
            Some(_) => builtin_instance(db, "int", Vec::new()),
            None => Ty::unknown(),
        }),
        "cast" => Some(match args.first().map(|a| a.kind()) {
            Some(TyKind::ClassObject(c)) => Ty::instance(c.class, c.args.to_vec()),
            _ => Ty::unknown(),
        }),
        "unbox" => Some(match args.first().map(|a| a.kind()) {
            Some(TyKind::Instance(c)) if is_builtin(db, c.class, "bool") => {
                Ty::primitive(Primitive::CBool)
            }
            Some(TyKind::Instance(c)) if is_builtin(db, c.class, "float") => {
                Ty::primitive(Primitive::Double)
            }
            Some(TyKind::Literal(Literal::Bool(_))) => Ty::primitive(Primitive::CBool),
            _ => Ty::primitive(Primitive::Int64),
        }),
        _ => None,
    }
}

/// What an annotation's type means in a static module: plain `float`, unions other than
/// `Optional[T]`, `Callable`, type variables, the builtins `bytearray`, `slice`,
/// `enumerate`, `map`, `zip`, and classes of modules that are not static (other than
/// `builtins` and `__static__`) are `dynamic`.
pub(crate) fn static_annotation(db: &dyn Db, ty: Ty) -> Ty {
    match ty.kind() {
        TyKind::Instance(c) if is_builtin(db, c.class, "float") => Ty::unknown(),
        TyKind::Instance(c)
            if ["bytearray", "slice", "enumerate", "map", "zip"]
                .iter()
                .any(|n| is_builtin(db, c.class, n)) =>
        {
            Ty::unknown()
        }
        TyKind::TypeVar(_) => Ty::unknown(),
        TyKind::Instance(c) | TyKind::Exact(c) if !is_trusted_class(db, c.class) => Ty::unknown(),
        TyKind::ClassObject(_) | TyKind::Callable(_) | TyKind::Any => Ty::unknown(),
        TyKind::Union(members) => {
            let rest: Vec<Ty> = members.iter().copied().filter(|m| !m.is_none()).collect();
            match rest.as_slice() {
                [one] if !one.is_dynamic() && members.len() == 2 => ty,
                _ => Ty::unknown(),
            }
        }
        _ => ty,
    }
}

/// Classes whose declared types static code trusts: builtins, `__static__`, and
/// classes of static modules.
pub(crate) fn is_trusted_class(db: &dyn Db, class: ClassId) -> bool {
    let file = class.file();
    Some(file) == crate::declare::names::builtins_file(db)
        || is_static_stub_class(db, class)
        || super::is_static_module(db, file)
}

/// The file of the `__static__` stub.
pub(crate) fn static_stub(db: &dyn Db) -> Option<SourceFile> {
    resolve_module(db, "__static__")
}

/// The special form a value is, if it is one.
pub(crate) fn special_form(ty: Ty) -> Option<SpecialForm> {
    match ty.kind() {
        TyKind::SpecialForm(form) => Some(*form),
        _ => None,
    }
}

/// Whether a name that a static module imports from `module` is dynamic there: values
/// of modules that are not static are, except those of `builtins`, `typing` and
/// `__static__` (and special forms, which are not values).
pub(crate) fn import_is_dynamic(
    db: &dyn Db,
    importer: SourceFile,
    module: &str,
    res: &crate::declare::NameRes,
) -> bool {
    if matches!(
        res,
        crate::declare::NameRes::Special(_) | crate::declare::NameRes::Primitive(_)
    ) || matches!(
        module,
        "__static__" | "typing" | "typing_extensions" | "builtins" | "__future__"
    ) || module.starts_with("__static__.")
        || !super::is_static_module(db, importer)
    {
        return false;
    }
    match resolve_module(db, module) {
        Some(target) => !super::is_static_module(db, target),
        None => true,
    }
}

/// The type of a module `Final` constant of a static module whose value is a literal
/// (`X: Final[int] = 2`): Cinder inlines the constant, so each use is `Literal[2]`.
/// `None` when the rule does not apply (not static, not a literal, or the literal does
/// not fit the declared type).
pub(crate) fn final_constant_type(
    db: &dyn Db,
    file: SourceFile,
    declared: Ty,
    value: &ast::Expr,
) -> Option<Ty> {
    if !super::is_static_module(db, file) {
        return None;
    }
    let literal = match value {
        ast::Expr::Constant(c) => match &c.value {
            ast::Constant::Int(i) => Literal::Int(i64::try_from(i).ok()?),
            ast::Constant::Bool(b) => Literal::Bool(*b),
            _ => return None,
        },
        ast::Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::USub) => match &*u.operand {
            ast::Expr::Constant(c) => match &c.value {
                ast::Constant::Int(i) => Literal::Int(i64::try_from(i).ok()?.checked_neg()?),
                _ => return None,
            },
            _ => return None,
        },
        _ => return None,
    };
    let ty = Ty::literal(literal);
    (declared.is_dynamic() || crate::types::relation::is_assignable(db, ty, declared)).then_some(ty)
}

/// The `__static__` class of a primitive as a value (`size_t = uint64`, then
/// `size_t(n)` converts like `uint64(n)`).
pub(crate) fn primitive_class_object(db: &dyn Db, p: Primitive) -> Ty {
    match static_stub(db) {
        Some(stub) => Ty::class_object(ClassId::new(stub, p.name()), Vec::new()),
        None => Ty::unknown(),
    }
}

/// The checked container a `dict`/`list` display (or comprehension) of a static module
/// is built as: the `CheckedDict`/`CheckedList` its context expects, or any display when
/// the module imports the `checked_dicts`/`checked_lists` compiler flag.
pub(crate) fn checked_display_class(
    db: &dyn Db,
    file: SourceFile,
    class: &str,
    expected: Option<Ty>,
) -> Option<ClassId> {
    let (checked, flag) = match class {
        "dict" => ("chkdict", "checked_dicts"),
        "list" => ("chklist", "checked_lists"),
        _ => return None,
    };
    let stub = static_stub(db)?;
    let wanted = expected.is_some_and(|e| {
        e.union_members().iter().any(|m| {
            matches!(m.kind(), TyKind::Instance(c) | TyKind::Exact(c)
                if c.class.file() == stub && c.class.qualname() == checked)
        })
    });
    (wanted || has_compiler_flag(db, file, flag)).then(|| ClassId::new(stub, checked))
}

/// Whether a module imports a compiler flag (`from __static__.compiler_flags import x`).
fn has_compiler_flag(db: &dyn Db, file: SourceFile, flag: &str) -> bool {
    crate::parse::parsed_module(db, file)
        .suite()
        .iter()
        .any(|stmt| match stmt {
            ast::Stmt::ImportFrom(i) => {
                i.module.as_deref() == Some("__static__.compiler_flags")
                    && i.names.iter().any(|a| a.name.as_str() == flag)
            }
            _ => false,
        })
}
