//! Assignability in a static module: plain assignability plus the primitive rules.
//! A primitive flows only into a primitive it widens to; a literal fits a primitive only
//! within its range; a non-primitive (dynamic included) never becomes a primitive
//! implicitly (that takes `int64(x)` or `unbox(x)`).

use crate::db::Db;
use crate::types::class::is_builtin;
use crate::types::relation::is_assignable;
use crate::types::{Literal, Primitive, Ty, TyKind};

/// Whether a value of type `from` may flow into a slot of type `to` in a static module.
pub(super) fn static_assignable(db: &dyn Db, from: Ty, to: Ty) -> bool {
    match (from.kind(), to.kind()) {
        (TyKind::Primitive(a), TyKind::Primitive(b)) => a.widens_to(*b),
        (TyKind::Never, _) => true,
        (TyKind::Primitive(_), _) => false,
        (TyKind::Literal(Literal::Int(v)), TyKind::Primitive(p)) => p.fits(i128::from(*v)),
        (TyKind::Literal(Literal::Bool(_)), TyKind::Primitive(p)) => *p == Primitive::CBool,
        (TyKind::Instance(c), TyKind::Primitive(Primitive::Double)) => {
            is_builtin(db, c.class, "float")
        }
        // `3 if c else 2` into an `int64`: each branch is loaded as the primitive.
        (TyKind::Union(members), TyKind::Primitive(_)) => members
            .iter()
            .all(|m| matches!(m.kind(), TyKind::Literal(_)) && static_assignable(db, *m, to)),
        (_, TyKind::Primitive(_)) => false,
        (TyKind::Union(members), _)
            if members
                .iter()
                .any(|m| matches!(m.kind(), TyKind::Primitive(_))) =>
        {
            false
        }
        _ => is_assignable(db, from, to),
    }
}

/// Whether a value of this type needs a runtime `CAST` to enter a slot of type `to`
/// (a dynamic value flowing into a typed, non-primitive, non-`object` slot).
pub(super) fn needs_cast(db: &dyn Db, from: Ty, to: Ty) -> bool {
    from.is_dynamic()
        && !to.is_dynamic()
        && !matches!(to.kind(), TyKind::Primitive(_))
        && !matches!(to.kind(), TyKind::Instance(c) if is_builtin(db, c.class, "object"))
}
