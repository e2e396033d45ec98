//! The type model: interned [`Ty`] values compared by identity.
//!
//! A `Ty` is a pointer to an interned, immutable [`TyKind`]; two types are equal exactly
//! when their pointers are equal, so comparing, hashing and copying a type costs one word.
//! Interned values live for the whole process (they are small and their number is bounded
//! by the distinct types a program mentions), which keeps types free of salsa lifetimes:
//! they can sit in any query result, in any side table, in any thread.
//!
//! Classes are named by [`ClassId`] (file + qualified name), so a class keeps its identity
//! across edits that do not rename it. Static Python extends the model through
//! [`Primitive`] (machine values) and [`TyKind::Exact`] (exact class instances).

pub mod class;
mod display;
pub mod fxhash;
mod intern;
pub mod primitive;
pub mod relation;
pub mod subst;

use std::fmt;

use crate::db::SourceFile;

pub use display::DisplayTy;
pub use intern::Interned;
pub use primitive::Primitive;
pub use subst::Substitution;

/// An interned type. `Copy`, compared and hashed by identity.
#[derive(Clone, Copy)]
pub struct Ty(&'static TyKind);

impl PartialEq for Ty {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}
impl Eq for Ty {}
impl std::hash::Hash for Ty {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.0 as *const TyKind as usize).hash(state);
    }
}
impl fmt::Debug for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.display())
    }
}

/// What a type is. Built with the constructors on [`Ty`], which intern it.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum TyKind {
    /// `Any` written by the user, or an unannotated parameter: the dynamic type.
    Any,
    /// A type inference could not determine (an error was reported, or the source is
    /// dynamic); behaves like `Any` but displays as `Unknown`.
    Unknown,
    /// The empty type: unreachable code, `NoReturn`.
    Never,
    /// The value `None`.
    None,
    /// An instance of a class, with its type arguments (empty when not generic, or when
    /// the arguments are unknown).
    Instance(ClassTy),
    /// An instance of exactly this class, not a subclass (Static Python's exact types).
    Exact(ClassTy),
    /// A class object: `type[C]`.
    ClassObject(ClassTy),
    /// A literal value.
    Literal(Literal),
    /// A tuple: fixed length or homogeneous.
    Tuple(TupleTy),
    /// A union of at least two distinct members, none of them a union.
    Union(Box<[Ty]>),
    /// A function defined with `def` (or synthesised, like a dataclass `__init__`).
    Function(FunctionTy),
    /// A `Callable[...]` type, or any other callable with a signature and no name.
    Callable(Signature),
    /// A function bound to its first argument (`obj.method`).
    BoundMethod { self_ty: Ty, func: Ty },
    /// An overloaded function: its overloads in declaration order (each a `Function`).
    Overloaded(Box<[Ty]>),
    /// A type variable.
    TypeVar(TypeVarTy),
    /// `type[T]` for a type variable `T`: the class of whatever `T` turns out to be
    /// (calling it makes a `T`; solving it against `type[C]` binds `T` to `C`).
    ClassOfVar(Ty),
    /// A module object.
    Module(ModuleTy),
    /// A `@property`: the type its getter returns, and whether it has a setter.
    Property { getter: Ty, settable: bool },
    /// A Static Python primitive machine value (`int64`, `double`...).
    Primitive(Primitive),
    /// A `typing` special form used as a value (`Optional`, `Union`, ...).
    SpecialForm(SpecialForm),
}

/// A class: its defining file and its qualified name (`Outer.Inner`).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClassId(&'static ClassKey);

/// What a [`ClassId`] points at.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct ClassKey {
    pub file: SourceFile,
    pub qualname: Box<str>,
}

impl ClassId {
    pub fn new(file: SourceFile, qualname: &str) -> ClassId {
        ClassId(intern::intern_class(ClassKey {
            file,
            qualname: qualname.into(),
        }))
    }
    pub fn file(self) -> SourceFile {
        self.0.file
    }
    pub fn qualname(self) -> &'static str {
        &self.0.qualname
    }
    /// The last component of the qualified name.
    pub fn name(self) -> &'static str {
        let q: &'static str = &self.0.qualname;
        q.rsplit('.').next().unwrap_or(q)
    }
}

impl fmt::Debug for ClassId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.qualname())
    }
}

/// A class with type arguments.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct ClassTy {
    pub class: ClassId,
    pub args: Box<[Ty]>,
}

/// A literal value type.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum Literal {
    Int(i64),
    Bool(bool),
    Str(Box<str>),
    Bytes(Box<[u8]>),
    /// An enum member: its class and member name.
    Enum(ClassId, Box<str>),
}

/// A tuple type.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum TupleTy {
    /// `tuple[int, str]`; `tuple[()]` when empty.
    Fixed(Box<[Ty]>),
    /// `tuple[int, ...]`.
    Variadic(Ty),
}

/// The kind of a parameter, in the order Python requires them.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum ParamKind {
    PositionalOnly,
    PositionalOrKeyword,
    /// `*args`: `ty` is the type of each element.
    VarPositional,
    KeywordOnly,
    /// `**kwargs`: `ty` is the type of each value.
    VarKeyword,
}

impl ParamKind {
    /// Whether an argument can be passed to the parameter by position (not `*args`).
    pub fn is_positional(self) -> bool {
        matches!(
            self,
            ParamKind::PositionalOnly | ParamKind::PositionalOrKeyword
        )
    }
}

/// One parameter of a signature.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Param {
    /// `None` for the unnamed parameters of `Callable[[int], str]`.
    pub name: Option<Box<str>>,
    pub kind: ParamKind,
    pub ty: Ty,
    /// Whether the parameter was annotated (unannotated ones are dynamic).
    pub annotated: bool,
    pub has_default: bool,
}

/// A full signature.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Signature {
    pub params: Box<[Param]>,
    pub ret: Ty,
    /// `Callable[..., R]`: accepts any arguments.
    pub gradual: bool,
}

impl Signature {
    /// `(...) -> ret`.
    pub fn gradual(ret: Ty) -> Signature {
        Signature {
            params: Box::new([]),
            ret,
            gradual: true,
        }
    }

    /// The signature without its first positional parameter (binding `self`/`cls`).
    pub fn bind_first(&self) -> Signature {
        let mut params: Vec<Param> = self.params.to_vec();
        if let Some(i) = params.iter().position(|p| p.kind.is_positional()) {
            params.remove(i);
        } else if params
            .first()
            .is_some_and(|p| p.kind == ParamKind::VarPositional)
        {
            // `def f(*args)`: binding consumes one of the arguments, the rest stays.
        }
        Signature {
            params: params.into_boxed_slice(),
            ret: self.ret,
            gradual: self.gradual,
        }
    }
}

/// How a function was declared, beyond its signature.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct FunctionFlags {
    pub is_async: bool,
    pub is_staticmethod: bool,
    pub is_classmethod: bool,
    pub is_abstract: bool,
    pub is_final: bool,
    pub is_overload: bool,
    /// A generator (its body yields): the declared return type is the generator's.
    pub is_generator: bool,
    /// No return annotation: the return type was inferred from the `return` statements
    /// (it is not a declaration: overrides are not compared against it).
    pub inferred_return: bool,
}

/// A `def` function: its name, where it is declared, and its signature.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct FunctionTy {
    pub name: Box<str>,
    /// The defining file and qualified name, when the function is declared at module or
    /// class level (call targets that codegen can bind statically).
    pub def: Option<FunctionRef>,
    pub sig: Signature,
    pub flags: FunctionFlags,
}

/// A function declared at module or class level: file + qualified name (`C.method`).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct FunctionRef {
    pub file: SourceFile,
    pub qualname: Box<str>,
}

/// The variance of a type parameter.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Variance {
    Invariant,
    Covariant,
    Contravariant,
}

/// A type variable: its name, where it was declared, its bound or constraints.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct TypeVarTy {
    pub name: Box<str>,
    /// The file that declares it (type variables of different modules are different).
    pub file: Option<SourceFile>,
    pub bound: Option<Ty>,
    pub constraints: Box<[Ty]>,
    pub variance: Variance,
    /// A `ParamSpec`: it stands for a parameter list (`Callable[P, R]` is
    /// `(*args: P, **kwargs: P) -> R` until `P` is solved from a callable's signature).
    pub param_spec: bool,
}

impl Ty {
    /// Whether this is a `ParamSpec` type variable.
    pub fn is_param_spec(self) -> bool {
        matches!(self.kind(), TyKind::TypeVar(tv) if tv.param_spec)
    }
}

impl Signature {
    /// The `ParamSpec` this signature's `*args: P, **kwargs: P` stand for.
    pub fn param_spec(&self) -> Option<Ty> {
        self.params
            .iter()
            .find(|p| p.kind == ParamKind::VarPositional && p.ty.is_param_spec())
            .map(|p| p.ty)
    }

    /// `(*args: P, **kwargs: P) -> ret`.
    pub fn from_param_spec(spec: Ty, ret: Ty) -> Signature {
        let param = |kind, name: &str| Param {
            name: Some(name.into()),
            kind,
            ty: spec,
            annotated: true,
            has_default: false,
        };
        Signature {
            params: Box::new([
                param(ParamKind::VarPositional, "args"),
                param(ParamKind::VarKeyword, "kwargs"),
            ]),
            ret,
            gradual: false,
        }
    }
}

/// A module value: its dotted name, and its file when it has one (a stdlib module with
/// no stub has none and is dynamic).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct ModuleTy {
    pub name: Box<str>,
    pub file: Option<SourceFile>,
}

/// The special forms of `typing` (and `__static__`) as values.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum SpecialForm {
    Any,
    Optional,
    Union,
    Callable,
    Literal,
    Final,
    ClassVar,
    Protocol,
    Generic,
    Type,
    Tuple,
    NoReturn,
    Never,
    Annotated,
    TypeAlias,
    SelfType,
    /// `typing.List` and the other aliases of builtin generics: the builtin class name.
    Alias(&'static str),
    /// `TypeVar` itself (the class).
    TypeVar,
    /// `typing.cast`.
    Cast,
    /// `reveal_type`.
    RevealType,
    /// `isinstance` (narrowing).
    Isinstance,
    /// `NewType`.
    NewType,
    /// `typing.overload`, `final`, `runtime_checkable`... decorators that keep the function.
    IdentityDecorator,
    /// `TYPE_CHECKING`.
    TypeChecking,
    /// `Required[T]` / `NotRequired[T]` / `ReadOnly[T]` (TypedDict keys).
    Required,
    NotRequired,
    ReadOnly,
}

impl Ty {
    fn new(kind: TyKind) -> Ty {
        Ty(intern::intern_ty(kind))
    }

    /// The interned kind.
    pub fn kind(self) -> &'static TyKind {
        self.0
    }

    pub fn any() -> Ty {
        static TY: std::sync::OnceLock<Ty> = std::sync::OnceLock::new();
        *TY.get_or_init(|| Ty::new(TyKind::Any))
    }
    pub fn unknown() -> Ty {
        static TY: std::sync::OnceLock<Ty> = std::sync::OnceLock::new();
        *TY.get_or_init(|| Ty::new(TyKind::Unknown))
    }
    pub fn never() -> Ty {
        static TY: std::sync::OnceLock<Ty> = std::sync::OnceLock::new();
        *TY.get_or_init(|| Ty::new(TyKind::Never))
    }
    pub fn none() -> Ty {
        static TY: std::sync::OnceLock<Ty> = std::sync::OnceLock::new();
        *TY.get_or_init(|| Ty::new(TyKind::None))
    }
    pub fn instance(class: ClassId, args: Vec<Ty>) -> Ty {
        Ty::new(TyKind::Instance(ClassTy {
            class,
            args: args.into_boxed_slice(),
        }))
    }
    pub fn exact(class: ClassId, args: Vec<Ty>) -> Ty {
        Ty::new(TyKind::Exact(ClassTy {
            class,
            args: args.into_boxed_slice(),
        }))
    }
    pub fn class_object(class: ClassId, args: Vec<Ty>) -> Ty {
        Ty::new(TyKind::ClassObject(ClassTy {
            class,
            args: args.into_boxed_slice(),
        }))
    }
    pub fn literal(lit: Literal) -> Ty {
        Ty::new(TyKind::Literal(lit))
    }
    pub fn tuple(elements: Vec<Ty>) -> Ty {
        Ty::new(TyKind::Tuple(TupleTy::Fixed(elements.into_boxed_slice())))
    }
    pub fn variadic_tuple(element: Ty) -> Ty {
        Ty::new(TyKind::Tuple(TupleTy::Variadic(element)))
    }
    pub fn function(func: FunctionTy) -> Ty {
        Ty::new(TyKind::Function(func))
    }
    pub fn callable(sig: Signature) -> Ty {
        Ty::new(TyKind::Callable(sig))
    }
    pub fn bound_method(self_ty: Ty, func: Ty) -> Ty {
        Ty::new(TyKind::BoundMethod { self_ty, func })
    }
    pub fn overloaded(items: Vec<Ty>) -> Ty {
        Ty::new(TyKind::Overloaded(items.into_boxed_slice()))
    }
    pub fn type_var(tv: TypeVarTy) -> Ty {
        Ty::new(TyKind::TypeVar(tv))
    }
    /// `type[T]` of a type variable.
    pub fn class_of_var(var: Ty) -> Ty {
        Ty::new(TyKind::ClassOfVar(var))
    }
    /// `type[X]` where `X` is an instance type, a type variable, or a union of them
    /// (anything else is unknown).
    pub fn class_of(ty: Ty) -> Ty {
        ty.map_members(|m| match m.kind() {
            TyKind::Instance(c) | TyKind::Exact(c) => Ty::class_object(c.class, c.args.to_vec()),
            TyKind::TypeVar(_) => Ty::class_of_var(m),
            _ => Ty::unknown(),
        })
    }
    pub fn module(name: &str, file: Option<SourceFile>) -> Ty {
        Ty::new(TyKind::Module(ModuleTy {
            name: name.into(),
            file,
        }))
    }
    pub fn property(getter: Ty, settable: bool) -> Ty {
        Ty::new(TyKind::Property { getter, settable })
    }
    pub fn primitive(prim: Primitive) -> Ty {
        Ty::new(TyKind::Primitive(prim))
    }
    pub fn special_form(form: SpecialForm) -> Ty {
        Ty::new(TyKind::SpecialForm(form))
    }

    /// The union of `items`: flattened, deduplicated (first occurrence wins), `Never`
    /// dropped; one member is returned as itself and none as `Never`.
    pub fn union(items: impl IntoIterator<Item = Ty>) -> Ty {
        let mut out: Vec<Ty> = Vec::new();
        for ty in items {
            match ty.kind() {
                TyKind::Union(members) => {
                    for &m in members.iter() {
                        if !out.contains(&m) {
                            out.push(m);
                        }
                    }
                }
                TyKind::Never => {}
                _ => {
                    if !out.contains(&ty) {
                        out.push(ty);
                    }
                }
            }
        }
        match out.len() {
            0 => Ty::never(),
            1 => out[0],
            _ => Ty::new(TyKind::Union(out.into_boxed_slice())),
        }
    }

    /// `self | other`.
    pub fn or(self, other: Ty) -> Ty {
        if self == other {
            return self;
        }
        Ty::union([self, other])
    }

    /// `Any` or `Unknown`: checks against it always succeed.
    pub fn is_dynamic(self) -> bool {
        matches!(self.kind(), TyKind::Any | TyKind::Unknown)
    }
    pub fn is_never(self) -> bool {
        matches!(self.kind(), TyKind::Never)
    }
    pub fn is_none(self) -> bool {
        matches!(self.kind(), TyKind::None)
    }
    pub fn is_unknown(self) -> bool {
        matches!(self.kind(), TyKind::Unknown)
    }

    /// Whether the type is dynamic or a union with a dynamic member (errors about its
    /// other members are not reported: the dynamic part may be anything).
    pub fn has_dynamic(self) -> bool {
        self.union_members().iter().any(|m| m.is_dynamic())
    }

    /// The members of a union, or the type itself.
    pub fn union_members(&self) -> &[Ty] {
        match self.0 {
            TyKind::Union(members) => members,
            _ => std::slice::from_ref(self),
        }
    }

    /// Whether `None` is one of the members.
    pub fn contains_none(self) -> bool {
        self.union_members().iter().any(|m| m.is_none())
    }

    /// The type with `None` removed from its members.
    pub fn without_none(self) -> Ty {
        if !self.contains_none() {
            return self;
        }
        Ty::union(
            self.union_members()
                .iter()
                .copied()
                .filter(|m| !m.is_none()),
        )
    }

    /// The members of a union mapped through `f`, joined again.
    pub fn map_members(self, mut f: impl FnMut(Ty) -> Ty) -> Ty {
        match self.kind() {
            TyKind::Union(members) => Ty::union(members.iter().map(|&m| f(m))),
            _ => f(self),
        }
    }

    /// The class of an instance type (instance, exact or literal via `fallback`).
    pub fn as_instance(self) -> Option<&'static ClassTy> {
        match self.kind() {
            TyKind::Instance(c) | TyKind::Exact(c) => Some(c),
            _ => None,
        }
    }

    /// The type for display, e.g. `list[int]`, `int | None`.
    pub fn display(self) -> DisplayTy {
        DisplayTy(self)
    }
}

impl fmt::Display for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.display(), f)
    }
}
