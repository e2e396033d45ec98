//! Attributes: reading (`missing-attribute`, `optional-member-access`), writing (against
//! declared types), binding methods, and the override check of class bodies.

use crate::declare::{MemberKind, class_decl};
use crate::diagnostics::{Span, codes};
use crate::infer::builder::{Infer, global_value};
use crate::types::class::{
    FoundMember, builtin_class, has_dynamic_ancestry, is_builtin, literal_fallback, lookup_member,
    mro_of,
};
use crate::types::relation::is_assignable;
use crate::types::{ClassTy, Literal, Ty, TyKind};

impl<'db, 'a> Infer<'db, 'a> {
    /// The type of `object.name`, reporting a missing attribute.
    pub(super) fn attribute(&mut self, object: Ty, name: &str, span: Span) -> Ty {
        if object.contains_none() && object.union_members().len() > 1 && !object.has_dynamic() {
            let rest = object.without_none();
            let found = self.member_of(rest, name);
            let none_has = self.member_of(Ty::none(), name).is_some();
            if !none_has && found.is_some() {
                self.report(
                    codes::OPTIONAL_MEMBER_ACCESS,
                    span,
                    format!(
                        "`{name}` is not an attribute of `None` (the value has type `{}`)",
                        object.display()
                    ),
                );
                return found.unwrap_or_else(Ty::unknown);
            }
        }
        match self.member_of(object, name) {
            Some(ty) => ty,
            None => {
                self.report(
                    codes::MISSING_ATTRIBUTE,
                    span,
                    format!("type `{}` has no attribute `{name}`", object.display()),
                );
                Ty::unknown()
            }
        }
    }

    /// The type of attribute `name` of a value of type `object`; `None` when missing.
    pub(super) fn member_of(&mut self, object: Ty, name: &str) -> Option<Ty> {
        match object.kind() {
            TyKind::Any | TyKind::Unknown | TyKind::Never => Some(object),
            TyKind::Union(members) => {
                let lenient = object.has_dynamic();
                let mut out = Vec::new();
                for &m in members.iter() {
                    match self.member_of(m, name) {
                        Some(ty) => out.push(ty),
                        None if lenient => {}
                        None => return None,
                    }
                }
                Some(Ty::union(out))
            }
            TyKind::Instance(c) | TyKind::Exact(c) => self.instance_member(c, object, name),
            TyKind::Literal(Literal::Enum(class, member)) => match name {
                "name" => Some(Ty::literal(Literal::Str(member.clone()))),
                "value" | "_value_" => Some(Ty::unknown()),
                _ => {
                    let instance = Ty::instance(*class, Vec::new());
                    self.member_of(instance, name)
                }
            },
            TyKind::Literal(lit) => {
                let fallback = literal_fallback(self.db, lit);
                self.member_of(fallback, name)
            }
            TyKind::None => {
                let object_class = builtin_class(self.db, "object")?;
                let class =
                    crate::types::class::builtin_class(self.db, "NoneType").unwrap_or(object_class);
                self.instance_member(
                    &ClassTy {
                        class,
                        args: Box::new([]),
                    },
                    object,
                    name,
                )
            }
            TyKind::Tuple(t) => {
                let element = match t {
                    crate::types::TupleTy::Fixed(items) => Ty::union(items.iter().copied()),
                    crate::types::TupleTy::Variadic(item) => *item,
                };
                let class = builtin_class(self.db, "tuple")?;
                let c = ClassTy {
                    class,
                    args: Box::new([element]),
                };
                self.instance_member(&c, object, name)
            }
            TyKind::ClassObject(c) => self.class_member(c, name),
            TyKind::Module(m) => match m.file {
                None => Some(Ty::unknown()),
                Some(file) => {
                    let decls = crate::declare::module_declarations(self.db, file);
                    if decls.globals.contains_key(name) || !decls.star_imports.is_empty() {
                        return global_value(self.db, file, name, 0);
                    }
                    let sub = format!("{}.{name}", m.name);
                    if let Some(sub_file) = crate::resolve::resolve_module(self.db, &sub) {
                        return Some(Ty::module(&sub, Some(sub_file)));
                    }
                    if name.starts_with("__") && name.ends_with("__") {
                        return Some(Ty::unknown());
                    }
                    None
                }
            },
            TyKind::TypeVar(tv) => match tv.bound {
                Some(bound) => self.member_of(bound, name),
                None => Some(Ty::unknown()),
            },
            // `cls.attr` where `cls: type[T]`: an attribute of the bound's class.
            TyKind::ClassOfVar(var) => match var.kind() {
                TyKind::TypeVar(tv) => match tv.bound.map(Ty::class_of) {
                    Some(class) if matches!(class.kind(), TyKind::ClassObject(_)) => {
                        self.member_of(class, name)
                    }
                    _ => Some(Ty::unknown()),
                },
                _ => Some(Ty::unknown()),
            },
            TyKind::Property { getter, .. } => match name {
                "fget" | "fset" | "setter" | "getter" | "deleter" => Some(Ty::unknown()),
                _ => self.member_of(*getter, name),
            },
            _ => Some(Ty::unknown()),
        }
    }

    fn instance_member(&mut self, class: &ClassTy, object: Ty, name: &str) -> Option<Ty> {
        match lookup_member(self.db, class, name) {
            Some(found) => Some(
                self.descriptor_get(&found)
                    .unwrap_or_else(|| bind_member(&found, object, false)),
            ),
            None => {
                if has_dynamic_ancestry(self.db, class)
                    || has_custom_metaclass(self.db, class)
                    || builtin_class(self.db, "type")
                        .is_some_and(|t| crate::types::class::is_subclass(self.db, class.class, t))
                {
                    return Some(Ty::unknown());
                }
                if let Some(getattr) = lookup_member(self.db, class, "__getattr__") {
                    if let TyKind::Function(f) = getattr.ty().kind() {
                        return Some(f.sig.ret);
                    }
                    return Some(Ty::unknown());
                }
                // Attributes every object has at runtime that stubs may leave out.
                if matches!(name, "__class__" | "__dict__" | "__doc__" | "__module__") {
                    return Some(Ty::unknown());
                }
                None
            }
        }
    }

    fn class_member(&mut self, class: &ClassTy, name: &str) -> Option<Ty> {
        let object = Ty::class_object(class.class, class.args.to_vec());
        if let Some(found) = lookup_member(self.db, class, name) {
            return Some(
                self.descriptor_get(&found)
                    .unwrap_or_else(|| bind_member(&found, object, true)),
            );
        }
        if has_dynamic_ancestry(self.db, class) {
            return Some(Ty::unknown());
        }
        // Attributes of a declared metaclass (on the class or an ancestor).
        for ancestor in crate::types::class::mro_of(self.db, class) {
            let meta =
                crate::declare::class_decl(self.db, ancestor.class).and_then(|d| d.metaclass);
            if let Some(meta) = meta
                && let TyKind::Instance(m) = meta.kind()
                && let Some(found) = lookup_member(self.db, m, name)
            {
                return Some(bind_member(&found, object, false));
            }
        }
        // Attributes of `ABCMeta`, the metaclass of `abc.ABC` subclasses and protocols.
        let abc_meta = mro_of(self.db, class).iter().any(|c| {
            class_decl(self.db, c.class)
                .is_some_and(|d| d.flags.abc_metaclass || d.flags.is_protocol)
        });
        if abc_meta
            && let Some(meta) = crate::types::class::module_class(self.db, "abc", "ABCMeta")
            && let Some(found) = lookup_member(
                self.db,
                &ClassTy {
                    class: meta,
                    args: Box::new([]),
                },
                name,
            )
        {
            return Some(bind_member(&found, object, false));
        }
        // Attributes of the metaclass `type`.
        if let Some(type_class) = builtin_class(self.db, "type")
            && let Some(found) = lookup_member(
                self.db,
                &ClassTy {
                    class: type_class,
                    args: Box::new([]),
                },
                name,
            )
        {
            return Some(bind_member(&found, object, false));
        }
        if matches!(
            name,
            "__name__" | "__qualname__" | "__module__" | "__doc__" | "__dict__" | "__mro__"
        ) || has_custom_metaclass(self.db, class)
        {
            return Some(Ty::unknown());
        }
        None
    }

    /// Checks `object.name = value`.
    pub(super) fn assign_attribute(
        &mut self,
        object: Ty,
        name: &str,
        value: Ty,
        span: Span,
        value_span: Span,
    ) {
        for &member in object.union_members() {
            let TyKind::Instance(class) = member.kind() else {
                continue;
            };
            match lookup_member(self.db, class, name) {
                Some(found) => {
                    let declared = match found.ty().kind() {
                        TyKind::Property { getter, settable } => {
                            if !settable {
                                self.report(
                                    codes::MISSING_ATTRIBUTE,
                                    span,
                                    format!(
                                        "property `{name}` of `{}` has no setter",
                                        member.display()
                                    ),
                                );
                                continue;
                            }
                            Some(*getter)
                        }
                        _ if found.member.declared
                            && matches!(
                                found.member.kind,
                                MemberKind::InstanceVar | MemberKind::ClassVar
                            ) =>
                        {
                            Some(found.ty())
                        }
                        _ => None,
                    };
                    if found.member.is_final && !self.in_init() {
                        self.report(
                            codes::FINAL_REASSIGNED,
                            span,
                            format!("attribute `{name}` is `Final`"),
                        );
                    }
                    if let Some(declared) = declared
                        && !is_assignable(self.db, value, declared)
                    {
                        self.report(
                            codes::BAD_ASSIGNMENT,
                            value_span,
                            format!(
                                "type `{}` is not assignable to attribute `{name}` of type `{}`",
                                value.display(),
                                declared.display()
                            ),
                        );
                    }
                }
                None => {
                    if has_dynamic_ancestry(self.db, class)
                        || lookup_member(self.db, class, "__setattr__")
                            .is_some_and(|f| !is_builtin(self.db, f.owner, "object"))
                    {
                        continue;
                    }
                    self.report(
                        codes::MISSING_ATTRIBUTE,
                        span,
                        format!("type `{}` has no attribute `{name}`", member.display()),
                    );
                }
            }
        }
    }

    /// Whether the innermost function is a constructor (where `Final` attributes get
    /// their value).
    fn in_init(&self) -> bool {
        self.frames
            .iter()
            .rev()
            .find(|f| f.kind == crate::infer::builder::FrameKind::Function)
            .is_some_and(|f| matches!(f.func_name, "__init__" | "__new__" | "__post_init__"))
    }

    /// Reports methods that override a base method incompatibly.
    pub(super) fn check_overrides(&mut self, class: crate::types::ClassId) {
        let Some(decl) = class_decl(self.db, class) else {
            return;
        };
        let own = decl.self_instance();
        let Some(own_class) = own.as_instance().cloned() else {
            return;
        };
        let bases: Vec<ClassTy> = mro_of(self.db, &own_class).into_iter().skip(1).collect();
        for (name, member) in &decl.members {
            if name.starts_with("__") && name.ends_with("__") || !member.in_class_body {
                continue;
            }
            let TyKind::Function(func) = member.ty.kind() else {
                continue;
            };
            if name.starts_with("__") || !is_annotated(func) {
                continue;
            }
            for base in &bases {
                let Some(base_decl) = class_decl(self.db, base.class) else {
                    continue;
                };
                let Some(base_member) = base_decl.members.get(name) else {
                    continue;
                };
                let subst =
                    crate::types::Substitution::for_class(&base_decl.type_params, &base.args);
                let base_ty = subst.apply(base_member.ty);
                if let TyKind::Function(base_func) = base_ty.kind()
                    && is_annotated(base_func)
                {
                    let mine = Ty::callable(func.sig.bind_first());
                    let theirs = Ty::callable(base_func.sig.bind_first());
                    if !is_assignable(self.db, mine, theirs) {
                        let message = format!(
                            "method `{name}` overrides `{}.{name}` incompatibly: `{}` is not compatible with `{}`",
                            base.class.name(),
                            member.ty.display(),
                            base_ty.display()
                        );
                        let span = self.def_span_of(name).unwrap_or_default();
                        self.report(codes::BAD_OVERRIDE, span, message);
                    }
                }
                break;
            }
        }
    }

    /// The span of the `def` of a method in the class body just walked.
    fn def_span_of(&self, name: &str) -> Option<Span> {
        self.last_class_defs
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, s)| *s)
    }
}

/// A member's type as seen through `object` (methods bound, properties read).
/// Whether a class or an ancestor declares a metaclass (other than `type`/`ABCMeta`)
/// with its own `__new__`, which may add attributes the class body does not show
/// (Django's `ModelBase` adds `_meta` to every model).
fn has_custom_metaclass(db: &dyn crate::Db, class: &ClassTy) -> bool {
    mro_of(db, class).iter().any(|c| {
        class_decl(db, c.class)
            .and_then(|d| d.metaclass)
            .is_some_and(|meta| match meta.kind() {
                TyKind::Instance(m) => lookup_member(db, m, "__new__")
                    .is_some_and(|f| !is_builtin(db, f.owner, "type")),
                _ => false,
            })
    })
}

impl Infer<'_, '_> {
    /// A class attribute whose value is a descriptor (an instance of a class with
    /// `__get__`): what `__get__` returns (unknown when it is not annotated).
    fn descriptor_get(&mut self, found: &FoundMember) -> Option<Ty> {
        if found.member.kind != MemberKind::ClassVar {
            return None;
        }
        let TyKind::Instance(c) = found.ty().kind() else {
            return None;
        };
        // (The common builtin values are not descriptors: skip the lookup.)
        if matches!(
            c.class.qualname(),
            "str" | "int" | "float" | "bool" | "bytes" | "list" | "dict" | "set" | "tuple"
        ) && Some(c.class.file()) == crate::declare::names::builtins_file(self.db)
        {
            return None;
        }
        let get = lookup_member(self.db, c, "__get__")?;
        Some(match get.ty().kind() {
            TyKind::Function(f) if !f.sig.ret.is_unknown() => {
                let mut vars = Vec::new();
                crate::types::subst::collect_type_vars(f.sig.ret, &mut vars);
                if vars.is_empty() {
                    get.subst.apply(f.sig.ret)
                } else {
                    Ty::unknown()
                }
            }
            _ => Ty::unknown(),
        })
    }
}

fn bind_member(found: &FoundMember, object: Ty, through_class: bool) -> Ty {
    let ty = found.ty();
    match (found.member.kind, ty.kind()) {
        (MemberKind::Property, TyKind::Property { getter, .. }) => {
            if through_class {
                ty
            } else {
                *getter
            }
        }
        (MemberKind::StaticMethod, _) => ty,
        (MemberKind::ClassMethod, TyKind::Function(_)) => {
            let class_object = match object.kind() {
                TyKind::Instance(c) | TyKind::Exact(c) => {
                    Ty::class_object(c.class, c.args.to_vec())
                }
                _ => object,
            };
            Ty::bound_method(class_object, ty)
        }
        (MemberKind::ClassMethod, TyKind::Overloaded(items)) => {
            let class_object = match object.kind() {
                TyKind::Instance(c) | TyKind::Exact(c) => {
                    Ty::class_object(c.class, c.args.to_vec())
                }
                _ => object,
            };
            Ty::overloaded(
                items
                    .iter()
                    .map(|&i| Ty::bound_method(class_object, i))
                    .collect(),
            )
        }
        (MemberKind::Method, TyKind::Function(_)) if !through_class => Ty::bound_method(object, ty),
        (MemberKind::Method, TyKind::Overloaded(items)) if !through_class => {
            Ty::overloaded(items.iter().map(|&i| Ty::bound_method(object, i)).collect())
        }
        _ => ty,
    }
}

/// Whether a signature has any annotation (unannotated functions are not compared).
fn is_annotated(func: &crate::types::FunctionTy) -> bool {
    func.sig.params.iter().any(|p| p.annotated)
        || (!func.sig.ret.is_unknown() && !func.flags.inferred_return)
}
