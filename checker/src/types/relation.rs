//! Assignability: may a value of type `from` be used where `to` is expected?
//!
//! Nominal for classes (with variance of type arguments), structural for `Protocol`
//! classes, gradual for `Any`/`Unknown`, with PEP 484's numeric promotions
//! (`int` → `float` → `complex`). Recursive protocol checks assume success when they
//! meet a pair already being checked.

use std::cell::RefCell;

use crate::db::Db;
use crate::declare::{MemberKind, class_decl};
use crate::types::class::{
    builtin_class, builtin_instance, is_builtin, is_subclass, literal_fallback, lookup_member,
    upcast,
};
use crate::types::{
    ClassTy, Literal, ParamKind, Primitive, Signature, TupleTy, Ty, TyKind, Variance,
};

thread_local! {
    static IN_PROGRESS: RefCell<Vec<(Ty, Ty)>> = const { RefCell::new(Vec::new()) };
}

/// Whether a value of type `from` may be assigned to a target of type `to`.
pub fn is_assignable(db: &dyn Db, from: Ty, to: Ty) -> bool {
    assignable(db, from, to, 0)
}

fn assignable(db: &dyn Db, from: Ty, to: Ty, depth: u32) -> bool {
    if from == to || depth > 24 {
        return true;
    }
    let d = depth + 1;
    match (from.kind(), to.kind()) {
        (_, TyKind::Any | TyKind::Unknown) | (TyKind::Any | TyKind::Unknown | TyKind::Never, _) => {
            true
        }
        (TyKind::Union(members), _) => members.iter().all(|&m| assignable(db, m, to, d)),
        (_, TyKind::Union(members)) => members.iter().any(|&m| assignable(db, from, m, d)),
        (_, TyKind::Instance(c)) if is_builtin(db, c.class, "object") => true,
        (TyKind::TypeVar(tv), _) => match (tv.bound, tv.constraints.is_empty()) {
            (Some(bound), _) => assignable(db, bound, to, d),
            (None, false) => tv.constraints.iter().all(|&c| assignable(db, c, to, d)),
            _ => false,
        },
        (_, TyKind::TypeVar(_)) => false,
        (TyKind::None, TyKind::Instance(c)) => {
            protocol_accepts(db, from, c, d) || is_builtin(db, c.class, "NoneType")
        }
        (TyKind::None, _) => false,
        (TyKind::Literal(a), TyKind::Literal(b)) => a == b,
        (TyKind::Literal(lit), TyKind::Primitive(p)) => match lit {
            Literal::Int(_) => p.is_integer(),
            Literal::Bool(_) => matches!(p, Primitive::CBool) || p.is_integer(),
            _ => false,
        },
        (TyKind::Instance(c), TyKind::Primitive(p)) | (TyKind::Exact(c), TyKind::Primitive(p)) => {
            primitive_matches_class(db, *p, c.class)
        }
        // Static Python hook: an integral primitive indexes a sequence.
        (TyKind::Primitive(p), TyKind::Instance(c))
            if p.is_integral() && c.class.qualname() == "SupportsIndex" =>
        {
            true
        }
        (TyKind::Primitive(p), TyKind::Instance(c)) => primitive_matches_class(db, *p, c.class),
        (TyKind::Literal(lit), _) => assignable(db, literal_fallback(db, lit), to, d),
        (TyKind::Primitive(a), TyKind::Primitive(b)) => a.widens_to(*b),
        (TyKind::Exact(a), TyKind::Exact(b)) => a.class == b.class && args_assignable(db, a, b, d),
        (TyKind::Exact(a), _) => assignable(db, Ty::instance(a.class, a.args.to_vec()), to, d),
        (TyKind::Instance(a), TyKind::Instance(b)) => instance_assignable(db, a, b, from, d),
        (TyKind::Tuple(a), TyKind::Tuple(b)) => tuple_assignable(db, a, b, d),
        // `type[T]` is the class of its bound (of `object` when unbounded).
        (TyKind::ClassOfVar(var), _) => {
            let bound = match var.kind() {
                TyKind::TypeVar(tv) => tv.bound.map(Ty::class_of),
                _ => None,
            };
            match bound {
                Some(class) if matches!(class.kind(), TyKind::ClassObject(_)) => {
                    assignable(db, class, to, d)
                }
                _ => match crate::types::class::builtin_class(db, "object") {
                    Some(object) => assignable(db, Ty::class_object(object, Vec::new()), to, d),
                    None => true,
                },
            }
        }
        // `tuple(xs)` is the class instance `tuple[int]` (or a subclass of `tuple`): it
        // fits `tuple[int, ...]`.
        (TyKind::Instance(a), TyKind::Tuple(TupleTy::Variadic(y))) => {
            match crate::types::class::builtin_class(db, "tuple")
                .and_then(|t| crate::types::class::upcast(db, a, t))
            {
                Some(args) => args
                    .first()
                    .is_none_or(|&element| assignable(db, element, *y, d)),
                None => false,
            }
        }
        (TyKind::Tuple(t), TyKind::Instance(_)) => {
            let element = tuple_element_union(t);
            let as_instance = builtin_instance(db, "tuple", vec![element]);
            !as_instance.is_unknown() && assignable(db, as_instance, to, d)
        }
        (TyKind::ClassObject(a), TyKind::ClassObject(b)) => is_subclass(db, a.class, b.class),
        (TyKind::ClassObject(_), TyKind::Instance(c)) => {
            is_builtin(db, c.class, "type") || protocol_accepts(db, from, c, d)
        }
        (TyKind::ClassObject(_), TyKind::Callable(_)) => true,
        (TyKind::Function(f), TyKind::Callable(sig)) => signature_assignable(db, &f.sig, sig, d),
        (TyKind::Callable(a), TyKind::Callable(b)) => signature_assignable(db, a, b, d),
        (TyKind::BoundMethod { func, .. }, TyKind::Callable(sig)) => match func.kind() {
            TyKind::Function(f) => signature_assignable(db, &f.sig.bind_first(), sig, d),
            _ => true,
        },
        (TyKind::Overloaded(items), TyKind::Callable(_)) => {
            items.iter().any(|&i| assignable(db, i, to, d))
        }
        (TyKind::Instance(c), TyKind::Callable(_)) => lookup_member(db, c, "__call__").is_some(),
        (
            TyKind::Function(_)
            | TyKind::Callable(_)
            | TyKind::BoundMethod { .. }
            | TyKind::Overloaded(_),
            TyKind::Instance(c),
        ) => {
            protocol_accepts(db, from, c, d)
                || matches!(c.class.qualname(), "function" | "Callable" | "type")
        }
        (TyKind::Module(_), TyKind::Instance(c)) => c.class.qualname() == "ModuleType",
        (TyKind::SpecialForm(_), _) => true,
        _ => false,
    }
}

/// Whether a primitive and a class stand for the same values: the `__static__` class
/// of the same name, or `int` for integer primitives, `float` for `double`.
fn primitive_matches_class(db: &dyn Db, prim: Primitive, class: crate::types::ClassId) -> bool {
    class.qualname() == prim.name()
        || (prim.is_integer() && is_builtin(db, class, "int"))
        || (matches!(prim, Primitive::Double) && is_builtin(db, class, "float"))
}

fn instance_assignable(db: &dyn Db, a: &ClassTy, b: &ClassTy, from: Ty, d: u32) -> bool {
    // PEP 484 numeric promotions.
    if (is_builtin(db, b.class, "float") && is_builtin(db, a.class, "int"))
        || (is_builtin(db, b.class, "complex")
            && (is_builtin(db, a.class, "int") || is_builtin(db, a.class, "float")))
    {
        return true;
    }
    if let Some(args) = upcast(db, a, b.class) {
        let upcast_ty = ClassTy {
            class: b.class,
            args,
        };
        return args_assignable(db, &upcast_ty, b, d);
    }
    protocol_accepts(db, from, b, d)
}

/// Compares the type arguments of two instances of the same class by variance.
fn args_assignable(db: &dyn Db, a: &ClassTy, b: &ClassTy, d: u32) -> bool {
    if a.args.is_empty() || b.args.is_empty() {
        return true;
    }
    let params = class_decl(db, b.class)
        .map(|c| c.type_params.clone())
        .unwrap_or_default();
    a.args
        .iter()
        .zip(b.args.iter())
        .enumerate()
        .all(|(i, (&x, &y))| {
            let variance = match params.get(i).map(|p| p.kind()) {
                Some(TyKind::TypeVar(tv)) => tv.variance,
                _ => Variance::Invariant,
            };
            match variance {
                Variance::Covariant => assignable(db, x, y, d),
                Variance::Contravariant => assignable(db, y, x, d),
                Variance::Invariant => {
                    x == y || x.is_dynamic() || y.is_dynamic() || is_equivalent(db, x, y, d)
                }
            }
        })
}

fn is_equivalent(db: &dyn Db, a: Ty, b: Ty, d: u32) -> bool {
    assignable(db, a, b, d) && assignable(db, b, a, d)
}

fn tuple_element_union(t: &TupleTy) -> Ty {
    match t {
        TupleTy::Fixed(items) if items.is_empty() => Ty::never(),
        TupleTy::Fixed(items) => Ty::union(items.iter().copied()),
        TupleTy::Variadic(item) => *item,
    }
}

fn tuple_assignable(db: &dyn Db, a: &TupleTy, b: &TupleTy, d: u32) -> bool {
    match (a, b) {
        (TupleTy::Fixed(x), TupleTy::Fixed(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|(&p, &q)| assignable(db, p, q, d))
        }
        (TupleTy::Fixed(x), TupleTy::Variadic(y)) => x.iter().all(|&p| assignable(db, p, *y, d)),
        (TupleTy::Variadic(x), TupleTy::Variadic(y)) => assignable(db, *x, *y, d),
        (TupleTy::Variadic(x), TupleTy::Fixed(_)) => x.is_dynamic(),
    }
}

/// Whether `to`'s class is a protocol that `from` satisfies structurally.
fn protocol_accepts(db: &dyn Db, from: Ty, to: &ClassTy, d: u32) -> bool {
    let Some(decl) = class_decl(db, to.class) else {
        return false;
    };
    if !decl.flags.is_protocol {
        return false;
    }
    let to_ty = Ty::instance(to.class, to.args.to_vec());
    let seen = IN_PROGRESS.with(|stack| stack.borrow().contains(&(from, to_ty)));
    if seen {
        return true;
    }
    IN_PROGRESS.with(|stack| stack.borrow_mut().push((from, to_ty)));
    let result = protocol_members(db, to)
        .into_iter()
        .all(|(name, expected)| {
            let Some(actual) = member_type_of(db, from, &name) else {
                return false;
            };
            assignable(db, actual, expected, d)
        });
    IN_PROGRESS.with(|stack| {
        stack.borrow_mut().pop();
    });
    result
}

/// The members a protocol requires, with methods bound (self removed).
fn protocol_members(db: &dyn Db, protocol: &ClassTy) -> Vec<(Box<str>, Ty)> {
    let mut out: Vec<(Box<str>, Ty)> = Vec::new();
    for entry in crate::types::class::mro_of(db, protocol) {
        let Some(decl) = class_decl(db, entry.class) else {
            continue;
        };
        if !decl.flags.is_protocol {
            continue;
        }
        for name in decl.members.keys() {
            if out.iter().any(|(n, _)| n == name)
                || matches!(&**name, "__init__" | "__slots__" | "__class_getitem__")
            {
                continue;
            }
            if let Some(found) = lookup_member(db, protocol, name) {
                out.push((
                    name.clone(),
                    bind_for_comparison(found.ty(), found.member.kind),
                ));
            }
        }
    }
    out
}

fn bind_for_comparison(ty: Ty, kind: MemberKind) -> Ty {
    match (ty.kind(), kind) {
        (TyKind::Function(f), MemberKind::Method | MemberKind::ClassMethod) => {
            Ty::callable(f.sig.bind_first())
        }
        (TyKind::Function(f), MemberKind::StaticMethod) => Ty::callable(f.sig.clone()),
        (TyKind::Property { getter, .. }, _) => *getter,
        _ => ty,
    }
}

/// The type of member `name` of a value of type `ty`, methods bound, for protocol checks.
fn member_type_of(db: &dyn Db, ty: Ty, name: &str) -> Option<Ty> {
    let class = match ty.kind() {
        TyKind::Instance(c) | TyKind::Exact(c) => c.clone(),
        TyKind::Literal(lit) => literal_fallback(db, lit).as_instance()?.clone(),
        TyKind::None => ClassTy {
            class: builtin_class(db, "object")?,
            args: Box::new([]),
        },
        TyKind::Any | TyKind::Unknown => return Some(Ty::unknown()),
        _ => return Some(Ty::unknown()),
    };
    let found = lookup_member(db, &class, name)?;
    Some(bind_for_comparison(found.ty(), found.member.kind))
}

/// Whether a function with signature `from` can be used as a callable of type `to`:
/// parameters contravariant, return covariant.
fn signature_assignable(db: &dyn Db, from: &Signature, to: &Signature, d: u32) -> bool {
    if !assignable(db, from.ret, to.ret, d) {
        return false;
    }
    if to.gradual || from.gradual {
        return true;
    }
    let from_positional: Vec<_> = from
        .params
        .iter()
        .filter(|p| p.kind.is_positional())
        .collect();
    let from_star = from
        .params
        .iter()
        .find(|p| p.kind == ParamKind::VarPositional);
    let to_positional: Vec<_> = to
        .params
        .iter()
        .filter(|p| p.kind.is_positional())
        .collect();
    for (i, expected) in to_positional.iter().enumerate() {
        let actual = match from_positional.get(i) {
            Some(p) => p.ty,
            None => match from_star {
                Some(star) => star.ty,
                None => return false,
            },
        };
        if !assignable(db, expected.ty, actual, d) {
            return false;
        }
    }
    // Extra parameters of `from` must have defaults.
    from_positional
        .iter()
        .skip(to_positional.len())
        .all(|p| p.has_default)
        && from
            .params
            .iter()
            .filter(|p| p.kind == ParamKind::KeywordOnly)
            .all(|p| p.has_default)
}
