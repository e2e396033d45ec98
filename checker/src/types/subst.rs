//! Substituting type variables: `list[T]` with `T = int` is `list[int]`.

use super::{ClassTy, FunctionTy, Param, Signature, TupleTy, Ty, TyKind};

/// A mapping from type variables (as types) to types. Small: a vector of pairs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Substitution {
    pairs: Vec<(Ty, Ty)>,
}

impl Substitution {
    pub fn new() -> Self {
        Self::default()
    }

    /// Pairs the type parameters of a class with its arguments (missing arguments are
    /// `Unknown`).
    pub fn for_class(params: &[Ty], args: &[Ty]) -> Self {
        let pairs = params
            .iter()
            .enumerate()
            .map(|(i, &p)| (p, args.get(i).copied().unwrap_or_else(Ty::unknown)))
            .collect();
        Self { pairs }
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    pub fn get(&self, tv: Ty) -> Option<Ty> {
        self.pairs.iter().find(|(k, _)| *k == tv).map(|(_, v)| *v)
    }

    /// Binds `tv` to `ty`, or to the union with what it was bound to already.
    pub fn bind(&mut self, tv: Ty, ty: Ty) {
        match self.pairs.iter_mut().find(|(k, _)| *k == tv) {
            Some((_, v)) => *v = v.or(ty),
            None => self.pairs.push((tv, ty)),
        }
    }

    /// `ty` with every bound type variable replaced.
    pub fn apply(&self, ty: Ty) -> Ty {
        if self.pairs.is_empty() {
            return ty;
        }
        self.apply_depth(ty, 0)
    }

    fn apply_depth(&self, ty: Ty, depth: u32) -> Ty {
        if depth > 32 {
            return ty;
        }
        let d = depth + 1;
        let class =
            |c: &ClassTy| -> Vec<Ty> { c.args.iter().map(|&a| self.apply_depth(a, d)).collect() };
        match ty.kind() {
            TyKind::TypeVar(_) => self.get(ty).unwrap_or(ty),
            TyKind::ClassOfVar(var) => match self.get(*var) {
                Some(bound) => Ty::class_of(bound),
                None => ty,
            },
            TyKind::Instance(c) if !c.args.is_empty() => Ty::instance(c.class, class(c)),
            TyKind::Exact(c) if !c.args.is_empty() => Ty::exact(c.class, class(c)),
            TyKind::ClassObject(c) if !c.args.is_empty() => Ty::class_object(c.class, class(c)),
            TyKind::Tuple(TupleTy::Fixed(items)) => {
                Ty::tuple(items.iter().map(|&t| self.apply_depth(t, d)).collect())
            }
            TyKind::Tuple(TupleTy::Variadic(item)) => {
                Ty::variadic_tuple(self.apply_depth(*item, d))
            }
            TyKind::Union(members) => Ty::union(members.iter().map(|&m| self.apply_depth(m, d))),
            TyKind::Function(func) => Ty::function(FunctionTy {
                name: func.name.clone(),
                def: func.def.clone(),
                sig: self.apply_sig(&func.sig, d),
                flags: func.flags,
            }),
            TyKind::Callable(sig) => Ty::callable(self.apply_sig(sig, d)),
            TyKind::BoundMethod { self_ty, func } => {
                Ty::bound_method(self.apply_depth(*self_ty, d), self.apply_depth(*func, d))
            }
            TyKind::Overloaded(items) => {
                Ty::overloaded(items.iter().map(|&t| self.apply_depth(t, d)).collect())
            }
            TyKind::Property { getter, settable } => {
                Ty::property(self.apply_depth(*getter, d), *settable)
            }
            _ => ty,
        }
    }

    /// A signature with every bound type variable replaced (a solved `ParamSpec`'s
    /// `*args: P, **kwargs: P` become the parameters it was solved to).
    pub fn apply_sig(&self, sig: &Signature, depth: u32) -> Signature {
        if let Some(spec) = sig.param_spec()
            && let Some(solved) = self.get(spec)
        {
            let ret = self.apply_depth(sig.ret, depth);
            return match solved.kind() {
                TyKind::Callable(params) => {
                    let mut out: Vec<Param> = sig
                        .params
                        .iter()
                        .filter(|p| p.ty != spec)
                        .map(|p| Param {
                            ty: self.apply_depth(p.ty, depth),
                            ..p.clone()
                        })
                        .collect();
                    out.extend(params.params.iter().cloned());
                    Signature {
                        params: out.into_boxed_slice(),
                        ret,
                        gradual: params.gradual,
                    }
                }
                _ => Signature::gradual(ret),
            };
        }
        Signature {
            params: sig
                .params
                .iter()
                .map(|p| Param {
                    ty: self.apply_depth(p.ty, depth),
                    ..p.clone()
                })
                .collect(),
            ret: self.apply_depth(sig.ret, depth),
            gradual: sig.gradual,
        }
    }
}

/// Whether `ty` mentions a type variable.
#[allow(dead_code)]
pub fn has_type_vars(ty: Ty) -> bool {
    fn walk(ty: Ty, depth: u32) -> bool {
        if depth > 32 {
            return false;
        }
        let d = depth + 1;
        match ty.kind() {
            TyKind::TypeVar(_) => true,
            TyKind::ClassOfVar(var) => walk(*var, d),
            TyKind::Instance(c) | TyKind::Exact(c) | TyKind::ClassObject(c) => {
                c.args.iter().any(|&a| walk(a, d))
            }
            TyKind::Tuple(TupleTy::Fixed(items))
            | TyKind::Union(items)
            | TyKind::Overloaded(items) => items.iter().any(|&t| walk(t, d)),
            TyKind::Tuple(TupleTy::Variadic(item)) => walk(*item, d),
            TyKind::Function(func) => sig_walk(&func.sig, d),
            TyKind::Callable(sig) => sig_walk(sig, d),
            _ => false,
        }
    }
    fn sig_walk(sig: &Signature, d: u32) -> bool {
        sig.params.iter().any(|p| walk(p.ty, d)) || walk(sig.ret, d)
    }
    walk(ty, 0)
}

/// Appends the type variables `ty` mentions (each once) to `out`.
pub fn collect_type_vars(ty: Ty, out: &mut Vec<Ty>) {
    fn walk(ty: Ty, out: &mut Vec<Ty>, depth: u32) {
        if depth > 32 {
            return;
        }
        let d = depth + 1;
        match ty.kind() {
            TyKind::TypeVar(_) if !out.contains(&ty) => out.push(ty),
            TyKind::ClassOfVar(var) => walk(*var, out, d),
            TyKind::Instance(c) | TyKind::Exact(c) | TyKind::ClassObject(c) => {
                c.args.iter().for_each(|&a| walk(a, out, d))
            }
            TyKind::Tuple(TupleTy::Fixed(items))
            | TyKind::Union(items)
            | TyKind::Overloaded(items) => items.iter().for_each(|&t| walk(t, out, d)),
            TyKind::Tuple(TupleTy::Variadic(item)) => walk(*item, out, d),
            TyKind::Function(func) => {
                func.sig.params.iter().for_each(|p| walk(p.ty, out, d));
                walk(func.sig.ret, out, d);
            }
            TyKind::Callable(sig) => {
                sig.params.iter().for_each(|p| walk(p.ty, out, d));
                walk(sig.ret, out, d);
            }
            _ => {}
        }
    }
    walk(ty, out, 0);
}
