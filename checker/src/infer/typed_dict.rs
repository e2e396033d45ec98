//! TypedDict values: a dict display checked against the TypedDict it is assigned to
//! (unknown keys, missing required keys, value types), and subscripts with a literal
//! key (the key's own type on read and write; an unknown key is an error).

use rustpython_parser::ast::{self, Ranged};

use crate::declare::{MemberKind, class_decl};
use crate::diagnostics::{Span, codes};
use crate::infer::builder::Infer;
use crate::types::class::{is_typed_dict, mro_of};
use crate::types::relation::is_assignable;
use crate::types::{ClassTy, Literal, Substitution, Ty, TyKind};

/// One key of a TypedDict: its name, its value type, whether it must be present.
pub(super) struct Key {
    pub name: Box<str>,
    pub ty: Ty,
    pub required: bool,
}

/// The keys of a TypedDict class (its own and its TypedDict bases'), or `None` when
/// the class is not a TypedDict.
pub(super) fn typed_dict_keys(db: &dyn crate::Db, class: &ClassTy) -> Option<Vec<Key>> {
    if !is_typed_dict(db, class.class) {
        return None;
    }
    let mut keys: Vec<Key> = Vec::new();
    for entry in mro_of(db, class).iter().rev() {
        let Some(decl) = class_decl(db, entry.class) else {
            continue;
        };
        if !is_typed_dict(db, entry.class) {
            continue;
        }
        let subst = Substitution::for_class(&decl.type_params, &entry.args);
        for (name, member) in &decl.members {
            if member.kind != MemberKind::InstanceVar || !member.in_class_body || !member.declared {
                continue;
            }
            keys.retain(|k| k.name != *name);
            keys.push(Key {
                name: name.clone(),
                ty: subst.apply(member.ty),
                // A TypedDict key "with a default" is one that may be left out.
                required: !member.has_default,
            });
        }
    }
    Some(keys)
}

/// The TypedDict among the members of an expected type.
fn expected_typed_dict(db: &dyn crate::Db, expected: Ty) -> Option<(Ty, &'static ClassTy)> {
    expected
        .union_members()
        .iter()
        .find_map(|&m| match m.kind() {
            TyKind::Instance(c) if is_typed_dict(db, c.class) => Some((m, c)),
            _ => None,
        })
}

fn literal_key(expr: &ast::Expr) -> Option<&str> {
    match expr {
        ast::Expr::Constant(c) => match &c.value {
            ast::Constant::Str(s) => Some(s.as_str()),
            _ => None,
        },
        _ => None,
    }
}

impl<'db, 'a> Infer<'db, 'a> {
    /// A dict display where a TypedDict is expected: `Some(the TypedDict)` after
    /// checking its keys and values, `None` when no TypedDict is expected.
    pub(super) fn typed_dict_display(
        &mut self,
        dict: &'a ast::ExprDict,
        expected: Option<Ty>,
    ) -> Option<Ty> {
        let (td, class) = expected_typed_dict(self.db, expected?)?;
        let keys = typed_dict_keys(self.db, class)?;
        let mut seen: Vec<&str> = Vec::new();
        let mut open = false;
        for (key, value) in dict.keys.iter().zip(&dict.values) {
            let Some(key) = key else {
                // `**other`: its keys are not known here.
                self.infer_expr(value);
                open = true;
                continue;
            };
            self.infer_expr(key);
            let Some(name) = literal_key(key) else {
                self.infer_expr(value);
                open = true;
                continue;
            };
            match keys.iter().find(|k| &*k.name == name) {
                Some(k) => {
                    seen.push(name);
                    let ty = self.infer_expr_expecting(value, Some(k.ty));
                    if !is_assignable(self.db, ty, k.ty) {
                        self.report(
                            codes::BAD_ASSIGNMENT,
                            Span::from(value.range()),
                            format!(
                                "type `{}` is not assignable to key `{name}` of `{}` (type `{}`)",
                                ty.display(),
                                td.display(),
                                k.ty.display()
                            ),
                        );
                    }
                }
                None => {
                    self.infer_expr(value);
                    self.report(
                        codes::INVALID_KEY,
                        Span::from(key.range()),
                        format!("`{}` has no key `{name}`", td.display()),
                    );
                }
            }
        }
        let missing: Vec<String> = keys
            .iter()
            .filter(|k| k.required && !seen.contains(&&*k.name))
            .map(|k| format!("`{}`", k.name))
            .collect();
        if !missing.is_empty() && !open {
            self.report(
                codes::MISSING_TYPED_DICT_KEY,
                Span::from(dict.range),
                format!(
                    "`{}` is missing required key(s) {}",
                    td.display(),
                    missing.join(", ")
                ),
            );
        }
        Some(td)
    }

    /// `td["key"]` on a TypedDict with a literal key: the key's type (`None` when the
    /// object is not a TypedDict or the key is not a literal).
    pub(super) fn typed_dict_item(&mut self, object: Ty, index: Ty, span: Span) -> Option<Ty> {
        let key = self.typed_dict_key(object, index, span)?;
        Some(key.map_or_else(Ty::unknown, |k| k.ty))
    }

    /// The key `index` names in a TypedDict `object`: `None` when not a TypedDict or not
    /// a literal key; `Some(None)` when the key does not exist (reported).
    pub(super) fn typed_dict_key(
        &mut self,
        object: Ty,
        index: Ty,
        span: Span,
    ) -> Option<Option<Key>> {
        let TyKind::Instance(class) = object.kind() else {
            return None;
        };
        let TyKind::Literal(Literal::Str(name)) = index.kind() else {
            return None;
        };
        let keys = typed_dict_keys(self.db, class)?;
        let found = keys.into_iter().find(|k| k.name == *name);
        if found.is_none() {
            self.report(
                codes::INVALID_KEY,
                span,
                format!("`{}` has no key `{name}`", object.display()),
            );
        }
        Some(found)
    }

    /// `td["key"] = value` on a TypedDict: `true` when handled here.
    pub(super) fn typed_dict_set_item(
        &mut self,
        object: Ty,
        index: Ty,
        value: Ty,
        span: Span,
    ) -> bool {
        let Some(key) = self.typed_dict_key(object, index, span) else {
            return false;
        };
        if let Some(key) = key
            && !is_assignable(self.db, value, key.ty)
        {
            self.report(
                codes::BAD_ASSIGNMENT,
                span,
                format!(
                    "type `{}` is not assignable to key `{}` of `{}` (type `{}`)",
                    value.display(),
                    key.name,
                    object.display(),
                    key.ty.display()
                ),
            );
        }
        true
    }
}
