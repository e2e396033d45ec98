//! Class declarations: bases, type parameters, flags from decorators, members from the
//! class body and from `self.x = ...` assignments in methods.

use std::sync::Arc;

use indexmap::IndexMap;
use rustpython_parser::ast;

use crate::declare::function::{FunctionSyntax, decorator_name};
use crate::declare::names::{NameRes, module_name_of_file};
use crate::declare::shallow;
use crate::declare::{ClassDecl, ClassFlags, DeclBuilder, Member, MemberKind, TypeExprResolver};
use crate::types::{ClassId, Literal, SpecialForm, Ty, TyKind};

impl DeclBuilder<'_> {
    pub(crate) fn declare_class(&mut self, stmt: &ast::StmtClassDef, qualname: &str) {
        let id = ClassId::new(self.file, qualname);
        let mut resolver = TypeExprResolver::reporting(self.db, self.file);
        let mut flags = ClassFlags::default();
        let mut bases = Vec::new();
        let mut explicit_params: Option<Vec<Ty>> = None;
        for base in &stmt.bases {
            // `class C(namedtuple(...))`, `class M(Base.from_queryset(Q))`, `class S(type(x))`:
            // a base computed by a call is dynamic.
            if matches!(base, ast::Expr::Call(_)) {
                flags.has_dynamic_base = true;
                continue;
            }
            let (head, slice) = match base {
                ast::Expr::Subscript(s) => (&*s.value, Some(&*s.slice)),
                other => (other, None),
            };
            match resolver.expr_res(head) {
                Some(NameRes::Special(SpecialForm::Protocol)) => {
                    flags.is_protocol = true;
                    if let Some(slice) = slice {
                        explicit_params = Some(params_of(&mut resolver, slice));
                    }
                    continue;
                }
                Some(NameRes::Special(SpecialForm::Generic)) => {
                    if let Some(slice) = slice {
                        explicit_params = Some(params_of(&mut resolver, slice));
                    }
                    continue;
                }
                Some(NameRes::Special(SpecialForm::Any)) | Some(NameRes::Dynamic) => {
                    flags.has_dynamic_base = true;
                    continue;
                }
                _ => {}
            }
            let sibling = match (base, qualname.rsplit_once('.')) {
                (ast::Expr::Name(n), Some((outer, _))) => {
                    let candidate = format!("{outer}.{}", n.id);
                    self.decls
                        .classes
                        .contains_key(&*candidate)
                        .then(|| Ty::instance(ClassId::new(self.file, &candidate), Vec::new()))
                }
                _ => None,
            };
            let ty = match sibling {
                Some(ty) => ty,
                None => resolver.type_of(base),
            };
            match ty.kind() {
                TyKind::Instance(c) => {
                    if module_name_of_file(self.db, c.class.file()) == Some("enum")
                        && matches!(
                            c.class.qualname(),
                            "Enum" | "IntEnum" | "StrEnum" | "Flag" | "IntFlag"
                        )
                    {
                        flags.is_enum = true;
                    }
                    // Static Python's enums (`__static__.Enum` derives from `enum.Enum`).
                    // Decided by name: asking another module for its classes' MROs while
                    // declaring this one would make the declarations of modules that import
                    // each other (the builtins and typing stubs do) a query cycle.
                    if module_name_of_file(self.db, c.class.file()) == Some("__static__")
                        && matches!(c.class.qualname(), "Enum" | "IntEnum" | "StringEnum")
                    {
                        flags.is_enum = true;
                    }
                    if c.class.qualname() == "NamedTuple" {
                        flags.is_named_tuple = true;
                    }
                    if c.class.file() == self.file
                        && let Some(base) = self.decls.classes.get(c.class.qualname())
                    {
                        flags.is_enum |= base.flags.is_enum;
                    }
                    bases.push(ty);
                }
                TyKind::Tuple(_) => {
                    if let Some(tuple) = crate::types::class::builtin_class(self.db, "tuple") {
                        bases.push(Ty::instance(tuple, Vec::new()));
                    }
                }
                _ => flags.has_dynamic_base = true,
            }
        }
        let type_params = explicit_params.unwrap_or_else(|| {
            let mut params = Vec::new();
            for base in &bases {
                collect_type_vars(*base, &mut params);
            }
            params
        });
        let mut metaclass = None;
        for keyword in &stmt.keywords {
            if keyword.arg.as_ref().is_some_and(|a| a.as_str() == "total")
                && matches!(&keyword.value, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Bool(false)))
            {
                flags.typed_dict_not_total = true;
            }
            if keyword
                .arg
                .as_ref()
                .is_some_and(|a| a.as_str() == "metaclass")
            {
                let ty = resolver.silent_type(&keyword.value);
                flags.abc_metaclass |=
                    matches!(ty.kind(), TyKind::Instance(c) if c.class.qualname() == "ABCMeta");
                if !matches!(ty.kind(), TyKind::Instance(c) if matches!(c.class.qualname(), "ABCMeta" | "type"))
                {
                    metaclass = Some(ty);
                }
            }
        }
        for decorator in &stmt.decorator_list {
            match decorator_name(decorator) {
                "dataclass" => {
                    flags.is_dataclass = true;
                    if let ast::Expr::Call(call) = decorator {
                        flags.dataclass_frozen = call.keywords.iter().any(|k| {
                            k.arg.as_ref().is_some_and(|a| a.as_str() == "frozen")
                                && matches!(&k.value, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Bool(true)))
                        });
                    }
                }
                "final" => flags.is_final = true,
                _ => {}
            }
        }
        self.diags.append(&mut resolver.diags);
        let self_ty = Ty::instance(id, type_params.clone());
        let mut members = IndexMap::new();
        self.class_body(&stmt.body, id, self_ty, flags, &mut members);
        // Methods are declared by `declare_suite`, which also records nested classes.
        self.declare_suite(&stmt.body, &format!("{qualname}."), Some((id, self_ty)));
        for (name, member) in members.iter_mut() {
            if member.kind == MemberKind::Method
                && let Some(func) = self.decls.functions.get(&*format!("{qualname}.{name}"))
            {
                member.ty = func.value;
                member.kind = method_kind(func.func, func.value);
            }
        }
        self.self_attributes(&stmt.body, self_ty, &mut members);
        let decl = ClassDecl {
            id,
            bases: bases.into_boxed_slice(),
            type_params: type_params.into_boxed_slice(),
            members,
            flags,
            metaclass,
        };
        self.decls.classes.insert(qualname.into(), Arc::new(decl));
    }

    fn class_body(
        &mut self,
        stmts: &[ast::Stmt],
        id: ClassId,
        self_ty: Ty,
        flags: ClassFlags,
        members: &mut IndexMap<Box<str>, Member>,
    ) {
        for stmt in stmts {
            match stmt {
                ast::Stmt::AnnAssign(a) => {
                    let ast::Expr::Name(name) = &*a.target else {
                        continue;
                    };
                    let mut resolver = TypeExprResolver::reporting(self.db, self.file);
                    resolver.self_ty = Some(self_ty);
                    let ann = resolver.annotation(&a.annotation);
                    self.diags.append(&mut resolver.diags);
                    let ty = if ann.bare_final {
                        a.value.as_deref().map_or_else(Ty::unknown, |v| {
                            shallow::value_type(self.db, self.file, v, &[], true)
                        })
                    } else {
                        ann.ty
                    };
                    let kind = if ann.is_class_var {
                        MemberKind::ClassVar
                    } else {
                        MemberKind::InstanceVar
                    };
                    // A TypedDict key that may be left out counts as having a default.
                    let optional_key = ann.required == Some(false)
                        || (flags.typed_dict_not_total && ann.required != Some(true));
                    members.insert(
                        name.id.as_str().into(),
                        Member {
                            ty,
                            kind,
                            declared: !ann.bare_final,
                            is_final: ann.is_final,
                            has_default: a.value.is_some() || optional_key,
                            in_class_body: true,
                        },
                    );
                }
                ast::Stmt::Assign(a) => {
                    if let [ast::Expr::Name(n)] = a.targets.as_slice()
                        && n.id.as_str() == "__slots__"
                    {
                        for slot in string_items(&a.value) {
                            members.entry(slot.into()).or_insert(Member {
                                ty: Ty::unknown(),
                                kind: MemberKind::InstanceVar,
                                declared: false,
                                is_final: false,
                                has_default: false,
                                in_class_body: false,
                            });
                        }
                    }
                    for target in &a.targets {
                        let ast::Expr::Name(name) = target else {
                            continue;
                        };
                        let name = name.id.as_str();
                        let ty = if flags.is_enum && !name.starts_with('_') {
                            Ty::literal(Literal::Enum(id, name.into()))
                        } else {
                            shallow::value_type(self.db, self.file, &a.value, &[], false)
                        };
                        if members.get(name).is_some_and(|m| m.declared) {
                            continue;
                        }
                        members.insert(
                            name.into(),
                            Member {
                                ty,
                                kind: MemberKind::ClassVar,
                                declared: false,
                                is_final: false,
                                has_default: true,
                                in_class_body: true,
                            },
                        );
                    }
                }
                ast::Stmt::FunctionDef(_) | ast::Stmt::AsyncFunctionDef(_) => {
                    if let Some(syntax) = FunctionSyntax::from_stmt(stmt) {
                        members.insert(
                            syntax.name.into(),
                            Member {
                                ty: Ty::unknown(),
                                kind: MemberKind::Method,
                                declared: true,
                                is_final: false,
                                has_default: false,
                                in_class_body: true,
                            },
                        );
                    }
                }
                ast::Stmt::ClassDef(c) => {
                    let nested = ClassId::new(self.file, &format!("{}.{}", id.qualname(), c.name));
                    members.insert(
                        c.name.as_str().into(),
                        Member {
                            ty: Ty::class_object(nested, Vec::new()),
                            kind: MemberKind::NestedClass,
                            declared: true,
                            is_final: false,
                            has_default: false,
                            in_class_body: true,
                        },
                    );
                }
                ast::Stmt::If(s) => {
                    self.class_body(&s.body, id, self_ty, flags, members);
                    self.class_body(&s.orelse, id, self_ty, flags, members);
                }
                ast::Stmt::Try(s) => {
                    self.class_body(&s.body, id, self_ty, flags, members);
                    self.class_body(&s.orelse, id, self_ty, flags, members);
                }
                _ => {}
            }
        }
    }

    /// `self.x = value` / `self.x: T = value` in methods (`__init__` first).
    fn self_attributes(
        &mut self,
        stmts: &[ast::Stmt],
        self_ty: Ty,
        members: &mut IndexMap<Box<str>, Member>,
    ) {
        let mut methods: Vec<FunctionSyntax<'_>> =
            stmts.iter().filter_map(FunctionSyntax::from_stmt).collect();
        methods.sort_by_key(|m| m.name != "__init__");
        for method in methods {
            let Some(first) = method.args.posonlyargs.first().or(method.args.args.first()) else {
                continue;
            };
            let mut self_names = vec![first.def.arg.as_str()];
            // `self = object.__new__(cls)` / `self = super().__new__(cls)` in constructors.
            crate::index::for_each_stmt(method.body, &mut |stmt| {
                if let ast::Stmt::Assign(a) = stmt
                    && let [ast::Expr::Name(target)] = a.targets.as_slice()
                    && let ast::Expr::Call(call) = &*a.value
                    && let ast::Expr::Attribute(attr) = &*call.func
                    && attr.attr.as_str() == "__new__"
                {
                    self_names.push(target.id.as_str());
                }
            });
            if method.name == "__new__" || self_names.len() > 1 {
                self_names.retain(|n| *n != "cls");
            }
            let mut resolver = TypeExprResolver::reporting(self.db, self.file);
            resolver.self_ty = Some(self_ty);
            let params: Vec<(&str, Ty)> = method
                .args
                .posonlyargs
                .iter()
                .chain(&method.args.args)
                .chain(&method.args.kwonlyargs)
                .map(|a| {
                    let ty = a
                        .def
                        .annotation
                        .as_deref()
                        .map_or_else(Ty::unknown, |ann| resolver.silent_type(ann));
                    (a.def.arg.as_str(), ty)
                })
                .chain(
                    [&method.args.vararg, &method.args.kwarg]
                        .into_iter()
                        .flatten()
                        .map(|a| (a.arg.as_str(), Ty::unknown())),
                )
                .collect();
            let mut found = Vec::new();
            for self_name in self_names {
                crate::index::self_assignments(method.body, self_name, &mut found);
            }
            for (attr, annotation, value) in found {
                let existing = members.get(attr);
                if existing.is_some_and(|m| {
                    m.declared
                        || m.is_final
                        || !matches!(m.kind, MemberKind::InstanceVar | MemberKind::ClassVar)
                }) {
                    continue;
                }
                let mut is_final = false;
                let (ty, declared) = match annotation {
                    // `self.x: Final = value` in `__init__`: the type is the value's.
                    Some(annotation) => {
                        let ann = resolver.annotation(annotation);
                        is_final = ann.is_final;
                        match (ann.bare_final, value) {
                            (true, Some(value)) => (
                                shallow::value_type(self.db, self.file, value, &params, false),
                                false,
                            ),
                            (true, None) => (Ty::unknown(), false),
                            (false, _) => (ann.ty, true),
                        }
                    }
                    None => match value {
                        Some(value) => (
                            shallow::value_type(self.db, self.file, value, &params, false),
                            false,
                        ),
                        None => (Ty::unknown(), false),
                    },
                };
                let ty = match existing {
                    Some(m) if !declared && m.ty != ty => {
                        crate::types::class::join_widened(self.db, m.ty, ty)
                    }
                    _ => ty,
                };
                members.insert(
                    attr.into(),
                    Member {
                        ty,
                        kind: MemberKind::InstanceVar,
                        declared,
                        is_final,
                        has_default: false,
                        in_class_body: false,
                    },
                );
            }
            self.diags.append(&mut resolver.diags);
        }
    }
}

fn params_of(resolver: &mut TypeExprResolver<'_>, slice: &ast::Expr) -> Vec<Ty> {
    let elts: Vec<&ast::Expr> = match slice {
        ast::Expr::Tuple(t) => t.elts.iter().collect(),
        other => vec![other],
    };
    elts.into_iter()
        .map(|e| resolver.type_of(e))
        .filter(|t| matches!(t.kind(), TyKind::TypeVar(_)))
        .collect()
}

fn collect_type_vars(ty: Ty, out: &mut Vec<Ty>) {
    match ty.kind() {
        TyKind::TypeVar(_) if !out.contains(&ty) => out.push(ty),
        TyKind::Instance(c) => c.args.iter().for_each(|&a| collect_type_vars(a, out)),
        TyKind::Tuple(crate::types::TupleTy::Fixed(items)) => {
            items.iter().for_each(|&a| collect_type_vars(a, out))
        }
        TyKind::Tuple(crate::types::TupleTy::Variadic(item)) => collect_type_vars(*item, out),
        _ => {}
    }
}

fn method_kind(func: Ty, value: Ty) -> MemberKind {
    if matches!(value.kind(), TyKind::Property { .. }) {
        return MemberKind::Property;
    }
    match func.kind() {
        TyKind::Function(f) if f.flags.is_staticmethod => MemberKind::StaticMethod,
        TyKind::Function(f) if f.flags.is_classmethod => MemberKind::ClassMethod,
        _ => MemberKind::Method,
    }
}

/// The strings of a literal tuple, list or single string (`__slots__`).
fn string_items(value: &ast::Expr) -> Vec<&str> {
    let elts: Vec<&ast::Expr> = match value {
        ast::Expr::Tuple(t) => t.elts.iter().collect(),
        ast::Expr::List(l) => l.elts.iter().collect(),
        other => vec![other],
    };
    elts.into_iter()
        .filter_map(|e| match e {
            ast::Expr::Constant(c) => match &c.value {
                ast::Constant::Str(s) => Some(s.as_str()),
                _ => None,
            },
            _ => None,
        })
        .collect()
}
