//! Facts about classes that need the declarations: the MRO, member lookup with type
//! arguments substituted, subclass tests, builtin classes, literal fallbacks and the
//! synthesized `__init__` of dataclasses.

use crate::db::{Db, SourceFile};
use crate::declare::names::builtins_file;
use crate::declare::symbols::{SymbolDef, module_symbols};
use crate::declare::{Member, MemberKind, class_decl};
use crate::resolve::resolve_module;
use crate::types::{
    ClassId, ClassTy, FunctionFlags, FunctionTy, Literal, Param, ParamKind, Signature,
    Substitution, Ty, TyKind,
};

/// A class named `name` declared in module `module`, if the module declares it.
pub fn module_class(db: &dyn Db, module: &str, name: &str) -> Option<ClassId> {
    let file = resolve_module(db, module)?;
    matches!(module_symbols(db, file).get(name), Some(SymbolDef::Class))
        .then(|| ClassId::new(file, name))
}

/// A class of `builtins`.
pub fn builtin_class(db: &dyn Db, name: &str) -> Option<ClassId> {
    let file = builtins_file(db)?;
    // Looked up constantly (every literal, every comparison): cached per thread, keyed
    // by the builtins file so that another stub set gets its own entries.
    thread_local! {
        static CACHE: std::cell::RefCell<BuiltinCache> = std::cell::RefCell::new(Default::default());
    }
    if let Some(found) = CACHE.with(|c| c.borrow().get(&file).and_then(|m| m.get(name).copied())) {
        return found;
    }
    let found = matches!(module_symbols(db, file).get(name), Some(SymbolDef::Class))
        .then(|| ClassId::new(file, name));
    CACHE.with(|c| {
        c.borrow_mut()
            .entry(file)
            .or_default()
            .insert(name.into(), found)
    });
    found
}

type BuiltinCache = crate::types::fxhash::FxHashMap<
    SourceFile,
    crate::types::fxhash::FxHashMap<Box<str>, Option<ClassId>>,
>;

/// A class of `typing`.
pub fn typing_class(db: &dyn Db, name: &str) -> Option<ClassId> {
    module_class(db, "typing", name)
}

/// An instance of a builtin class (`Unknown` when the stubs lack it).
pub fn builtin_instance(db: &dyn Db, name: &str, args: Vec<Ty>) -> Ty {
    match builtin_class(db, name) {
        Some(class) => Ty::instance(class, args),
        None => Ty::unknown(),
    }
}

/// Whether `class` is the builtin class `name`.
pub fn is_builtin(db: &dyn Db, class: ClassId, name: &str) -> bool {
    class.qualname() == name && Some(class.file()) == builtins_file(db)
}

/// The instance type a literal belongs to (`Literal[1]` → `int`).
pub fn literal_fallback(db: &dyn Db, lit: &Literal) -> Ty {
    match lit {
        Literal::Int(_) => builtin_instance(db, "int", Vec::new()),
        Literal::Bool(_) => builtin_instance(db, "bool", Vec::new()),
        Literal::Str(_) => builtin_instance(db, "str", Vec::new()),
        Literal::Bytes(_) => builtin_instance(db, "bytes", Vec::new()),
        Literal::Enum(class, _) => Ty::instance(*class, Vec::new()),
    }
}

/// The type with literals replaced by their classes (`Literal[1] | None` → `int | None`).
pub fn widen_literal(db: &dyn Db, ty: Ty) -> Ty {
    ty.map_members(|m| match m.kind() {
        TyKind::Literal(Literal::Enum(..)) => m,
        TyKind::Literal(lit) => literal_fallback(db, lit),
        TyKind::Tuple(crate::types::TupleTy::Fixed(items)) => {
            Ty::tuple(items.iter().map(|&t| widen_literal(db, t)).collect())
        }
        _ => m,
    })
}

/// `a | b` with literals widened (types of attributes assigned in several places).
pub fn join_widened(db: &dyn Db, a: Ty, b: Ty) -> Ty {
    widen_literal(db, a.or(b))
}

/// The union of `a` and `b` where a literal whose class is also a member is absorbed
/// (`Literal[0] | int` → `int`): the join of two control-flow paths.
pub fn join(db: &dyn Db, a: Ty, b: Ty) -> Ty {
    if a == b {
        return a;
    }
    let joined = a.or(b);
    let members = joined.union_members();
    if members.len() < 2
        || !members
            .iter()
            .any(|m| matches!(m.kind(), TyKind::Literal(_)))
    {
        return joined;
    }
    Ty::union(members.iter().copied().filter(|m| match m.kind() {
        TyKind::Literal(lit) => {
            let fallback = literal_fallback(db, lit);
            !members.contains(&fallback)
        }
        _ => true,
    }))
}

/// The method resolution order of a class: itself first, with each entry's type
/// arguments written in terms of the class's own type parameters.
#[salsa::tracked(returns(ref))]
pub fn class_mro(db: &dyn Db, file: SourceFile, class: ClassId) -> Box<[ClassTy]> {
    let _ = file;
    let mut out: Vec<ClassTy> = Vec::new();
    let own = class_decl(db, class)
        .map(|d| d.type_params.clone())
        .unwrap_or_default();
    let mut visiting = Vec::new();
    linearize(db, ClassTy { class, args: own }, &mut out, &mut visiting);
    if let Some(object) = builtin_class(db, "object") {
        out.retain(|c| c.class != object);
        out.push(ClassTy {
            class: object,
            args: Box::new([]),
        });
    }
    out.into_boxed_slice()
}

fn linearize(db: &dyn Db, class: ClassTy, out: &mut Vec<ClassTy>, visiting: &mut Vec<ClassId>) {
    if visiting.contains(&class.class) || visiting.len() > 64 {
        return;
    }
    if out.iter().any(|c| c.class == class.class) {
        return;
    }
    let Some(decl) = class_decl(db, class.class) else {
        out.push(class);
        return;
    };
    let subst = Substitution::for_class(&decl.type_params, &class.args);
    out.push(class.clone());
    visiting.push(class.class);
    for base in decl.bases.iter() {
        if let TyKind::Instance(b) = subst.apply(*base).kind() {
            linearize(db, b.clone(), out, visiting);
        }
    }
    visiting.pop();
}

/// The MRO of an instance type, with its type arguments substituted.
pub fn mro_of(db: &dyn Db, class: &ClassTy) -> Vec<ClassTy> {
    let mro = class_mro(db, class.class.file(), class.class);
    if class.args.is_empty() && mro.iter().all(|c| c.args.is_empty()) {
        return mro.to_vec();
    }
    let params = class_decl(db, class.class)
        .map(|d| d.type_params.clone())
        .unwrap_or_default();
    let subst = Substitution::for_class(&params, &class.args);
    mro.iter()
        .map(|entry| ClassTy {
            class: entry.class,
            args: entry.args.iter().map(|&a| subst.apply(a)).collect(),
        })
        .collect()
}

/// Whether `sub` is `sup` or inherits from it.
pub fn is_subclass(db: &dyn Db, sub: ClassId, sup: ClassId) -> bool {
    sub == sup
        || class_mro(db, sub.file(), sub)
            .iter()
            .any(|c| c.class == sup)
}

/// The type arguments `instance` gives to its base `target` (`list[int]` as `Sequence`
/// gives `[int]`), or `None` when `target` is not a base.
pub fn upcast(db: &dyn Db, instance: &ClassTy, target: ClassId) -> Option<Box<[Ty]>> {
    if instance.class == target {
        return Some(instance.args.clone());
    }
    mro_of(db, instance)
        .into_iter()
        .find(|c| c.class == target)
        .map(|c| c.args)
}

/// A member found on a class: where, what, and the substitution of the owner's type
/// parameters to apply to its type.
#[derive(Clone, Debug)]
pub struct FoundMember {
    pub owner: ClassId,
    pub member: Member,
    pub subst: Substitution,
}

impl FoundMember {
    /// The member's type with the owner's type arguments applied.
    pub fn ty(&self) -> Ty {
        self.subst.apply(self.member.ty)
    }
}

/// Looks `name` up along the MRO of `class`.
pub fn lookup_member(db: &dyn Db, class: &ClassTy, name: &str) -> Option<FoundMember> {
    if name == "__init__"
        && let Some(init) = dataclass_init(db, class)
    {
        return Some(init);
    }
    let mro = class_mro(db, class.class.file(), class.class);
    if class.args.is_empty() && mro.iter().all(|c| c.args.is_empty()) {
        // Not generic anywhere: no substitution to build.
        for entry in mro.iter() {
            let Some(decl) = class_decl(db, entry.class) else {
                continue;
            };
            if let Some(member) = decl.members.get(name) {
                return Some(FoundMember {
                    owner: entry.class,
                    member: member.clone(),
                    subst: Substitution::new(),
                });
            }
        }
        return None;
    }
    for entry in mro_of(db, class) {
        let Some(decl) = class_decl(db, entry.class) else {
            continue;
        };
        if let Some(member) = decl.members.get(name) {
            return Some(FoundMember {
                owner: entry.class,
                member: member.clone(),
                subst: Substitution::for_class(&decl.type_params, &entry.args),
            });
        }
    }
    None
}

/// Whether some class of the MRO could not be resolved (unknown members are allowed).
pub fn has_dynamic_ancestry(db: &dyn Db, class: &ClassTy) -> bool {
    mro_of(db, class)
        .iter()
        .any(|c| match class_decl(db, c.class) {
            Some(decl) => decl.flags.has_dynamic_base,
            None => true,
        })
}

/// Whether a class derives from `typing.TypedDict` (its instances are dicts with a
/// fixed set of string keys, each with its own value type).
pub fn is_typed_dict(db: &dyn Db, class: ClassId) -> bool {
    class.qualname() != "TypedDict"
        && class_mro(db, class.file(), class)
            .iter()
            .any(|c| is_typing_class(db, c.class, "TypedDict"))
}

fn is_typing_class(db: &dyn Db, class: ClassId, name: &str) -> bool {
    class.qualname() == name
        && matches!(
            crate::declare::names::module_name_of_file(db, class.file()),
            Some("typing" | "typing_extensions")
        )
}

/// Whether a class's fields make its `__init__`: a dataclass, a `NamedTuple` (positional
/// or keyword) or a `TypedDict` (keyword only).
fn has_field_init(db: &dyn Db, class: ClassId) -> bool {
    class_decl(db, class).is_some_and(|d| d.flags.is_dataclass || d.flags.is_named_tuple)
        || is_typed_dict(db, class)
}

/// The synthesized `__init__` of a dataclass, `NamedTuple` or `TypedDict` that does not
/// define one.
fn dataclass_init(db: &dyn Db, class: &ClassTy) -> Option<FoundMember> {
    // (Fields not known from the syntax: the stub's permissive constructor applies.)
    if !has_field_init(db, class.class) || has_dynamic_ancestry(db, class) {
        return None;
    }
    let typed_dict = is_typed_dict(db, class.class);
    let mro = mro_of(db, class);
    let mut params: Vec<Param> = Vec::new();
    let mut saw_dataclass = false;
    for entry in mro.iter().rev() {
        let Some(decl) = class_decl(db, entry.class) else {
            continue;
        };
        let fields = if typed_dict {
            is_typed_dict(db, entry.class)
        } else {
            decl.flags.is_dataclass || decl.flags.is_named_tuple
        };
        if !fields || is_typing_class(db, entry.class, "NamedTuple") {
            continue;
        }
        if decl
            .members
            .get("__init__")
            .is_some_and(|m| m.in_class_body && m.kind == MemberKind::Method)
        {
            return None;
        }
        saw_dataclass = true;
        let subst = Substitution::for_class(&decl.type_params, &entry.args);
        for (name, member) in &decl.members {
            if member.kind != MemberKind::InstanceVar || !member.in_class_body || !member.declared {
                continue;
            }
            params.retain(|p| p.name.as_deref() != Some(&**name));
            params.push(Param {
                name: Some(name.clone()),
                kind: if typed_dict {
                    ParamKind::KeywordOnly
                } else {
                    ParamKind::PositionalOrKeyword
                },
                ty: subst.apply(member.ty),
                annotated: true,
                has_default: member.has_default,
            });
        }
    }
    if !saw_dataclass {
        return None;
    }
    let self_param = Param {
        name: Some("self".into()),
        kind: ParamKind::PositionalOrKeyword,
        ty: Ty::instance(class.class, class.args.to_vec()),
        annotated: false,
        has_default: false,
    };
    params.insert(0, self_param);
    let func = Ty::function(FunctionTy {
        name: "__init__".into(),
        def: None,
        sig: Signature {
            params: params.into_boxed_slice(),
            ret: Ty::none(),
            gradual: false,
        },
        flags: FunctionFlags::default(),
    });
    Some(FoundMember {
        owner: class.class,
        member: Member {
            ty: func,
            kind: MemberKind::Method,
            declared: true,
            is_final: false,
            has_default: false,
            in_class_body: true,
        },
        subst: Substitution::new(),
    })
}

/// Whether a class is a protocol or has abstract methods (it may stand for subclasses
/// with other constructors).
pub fn is_abstract(db: &dyn Db, class: &ClassTy) -> bool {
    mro_of(db, class).iter().any(|c| {
        class_decl(db, c.class).is_some_and(|d| {
            d.flags.is_protocol
                || d.members
                    .values()
                    .any(|m| matches!(m.ty.kind(), TyKind::Function(f) if f.flags.is_abstract))
        })
    })
}

/// Whether a class derives from `enum.Enum`.
pub fn is_enum(db: &dyn Db, class: &ClassTy) -> bool {
    class_mro(db, class.class.file(), class.class)
        .iter()
        .any(|c| {
            c.class.qualname() == "Enum"
                && crate::declare::names::module_name_of_file(db, c.class.file()) == Some("enum")
        })
}
