//! `module_declarations(db, file)`: everything a module declares, read from annotations:
//! classes (bases, type parameters, members with declared types, `__init__`-assigned
//! attributes, decorators), function signatures, annotated globals, `Final` constants.
//!
//! Function bodies are never inferred here; they are only scanned for `self.x = ...`
//! assignments (instance attributes). The result holds no source positions and is
//! compared by value, so an edit inside a body that declares nothing new leaves it equal
//! and every query that depends on it stays cached. Annotation diagnostics (with their
//! positions) come from [`declaration_diagnostics`].
//!
//! Names of other modules are resolved through their [`symbols::module_symbols`] only,
//! so declarations never depend on each other and import cycles are harmless.

mod class;
pub mod function;
pub mod functional;
pub mod names;
pub mod returns;
pub mod shallow;
pub mod stdlib;
pub mod symbols;
pub mod type_expr;

use std::sync::Arc;

use indexmap::IndexMap;
use rustpython_parser::ast;

use crate::db::{Db, SourceFile};
use crate::diagnostics::Diagnostic;
use crate::parse::parsed_module;
use crate::types::{ClassId, Ty};

pub use names::NameRes;
pub use type_expr::{Annotation, TypeExprResolver};

/// The declarations of one module.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ModuleDecls {
    /// Module-level names, in definition order.
    pub globals: IndexMap<Box<str>, GlobalDecl>,
    /// Classes declared at module level or nested in classes, by qualified name.
    pub classes: IndexMap<Box<str>, Arc<ClassDecl>>,
    /// Functions declared at module level or in class bodies, by qualified name.
    pub functions: IndexMap<Box<str>, FuncDecl>,
    /// Whether the module is a stub (`.pyi`).
    pub is_stub: bool,
    /// Modules imported with `from module import *`: unknown names may come from them.
    pub star_imports: Box<[Box<str>]>,
}

/// A module-level name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlobalDecl {
    /// Its type as a value (`Unknown` for imports resolved lazily, see `import`).
    pub ty: Ty,
    /// What it means in annotations.
    pub res: NameRes,
    /// Whether the type comes from an annotation (assignments must respect it).
    pub declared: bool,
    pub is_final: bool,
    /// `from module import name`: the value's type is that of `module.name`.
    pub import: Option<(Box<str>, Box<str>)>,
}

/// A function: its undecorated type and its type as a value once decorated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FuncDecl {
    /// A `Function` with the declared signature (what the body is checked against).
    pub func: Ty,
    /// The name's value: the function, an `Overloaded`, a `Property`, or `Unknown` for
    /// decorators the checker does not understand.
    pub value: Ty,
}

/// Flags of a class.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClassFlags {
    pub is_protocol: bool,
    pub is_dataclass: bool,
    pub dataclass_frozen: bool,
    pub is_final: bool,
    pub is_enum: bool,
    /// A base could not be resolved: unknown members are allowed.
    pub has_dynamic_base: bool,
    pub is_named_tuple: bool,
    /// Declared with `metaclass=ABCMeta` (`abc.ABC`): the class has `register`.
    pub abc_metaclass: bool,
    /// `class C(TypedDict, total=False)`: keys are not required by default.
    pub typed_dict_not_total: bool,
}

/// What a class member is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemberKind {
    Method,
    StaticMethod,
    ClassMethod,
    Property,
    /// A class attribute (assigned in the class body, or `ClassVar`).
    ClassVar,
    /// An instance attribute (annotated in the class body, or assigned to `self`).
    InstanceVar,
    /// A nested class.
    NestedClass,
}

/// One member of a class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub ty: Ty,
    pub kind: MemberKind,
    /// Whether the type comes from an annotation.
    pub declared: bool,
    pub is_final: bool,
    /// An attribute with a value in the class body (a dataclass field with a default).
    pub has_default: bool,
    /// Declared in the class body itself (not through `self.x = ...` in a method).
    pub in_class_body: bool,
}

/// A class declaration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassDecl {
    pub id: ClassId,
    /// Base classes as instance types (with type arguments), in order.
    pub bases: Box<[Ty]>,
    /// Type parameters (`TypeVar` types), in order.
    pub type_params: Box<[Ty]>,
    /// Members in declaration order (the order of dataclass fields and slots).
    pub members: IndexMap<Box<str>, Member>,
    pub flags: ClassFlags,
    /// An explicit metaclass other than `ABCMeta`/`type`.
    pub metaclass: Option<Ty>,
}

impl ClassDecl {
    /// The type of an instance with the class's own type parameters as arguments.
    pub fn self_instance(&self) -> Ty {
        Ty::instance(self.id, self.type_params.to_vec())
    }
}

/// Declarations plus the diagnostics found while reading annotations.
#[derive(Debug)]
pub struct DeclarationResult {
    pub decls: Arc<ModuleDecls>,
    pub diagnostics: Box<[Diagnostic]>,
}

impl PartialEq for DeclarationResult {
    fn eq(&self, other: &Self) -> bool {
        self.decls == other.decls && self.diagnostics == other.diagnostics
    }
}

/// Builds the declarations of `file`, with their diagnostics.
#[salsa::tracked(returns(ref))]
pub fn declarations_with_diagnostics(db: &dyn Db, file: SourceFile) -> DeclarationResult {
    let parsed = parsed_module(db, file);
    let mut builder = DeclBuilder {
        db,
        file,
        decls: ModuleDecls {
            is_stub: file.path(db).ends_with(".pyi"),
            ..ModuleDecls::default()
        },
        diags: Vec::new(),
    };
    builder.declare_suite(parsed.suite(), "", None);
    builder.declare_globals();
    DeclarationResult {
        decls: Arc::new(builder.decls),
        diagnostics: builder.diags.into_boxed_slice(),
    }
}

/// The declarations of `file`: equal across edits that declare nothing new.
#[salsa::tracked(returns(ref))]
pub fn module_declarations(db: &dyn Db, file: SourceFile) -> Arc<ModuleDecls> {
    declarations_with_diagnostics(db, file).decls.clone()
}

/// Diagnostics of the annotations read by the declarations.
pub fn declaration_diagnostics(db: &dyn Db, file: SourceFile) -> &[Diagnostic] {
    &declarations_with_diagnostics(db, file).diagnostics
}

/// The declaration of a class, if its module declares it.
pub fn class_decl(db: &dyn Db, class: ClassId) -> Option<&Arc<ClassDecl>> {
    module_declarations(db, class.file())
        .classes
        .get(class.qualname())
}

pub(crate) struct DeclBuilder<'db> {
    pub(crate) db: &'db dyn Db,
    pub(crate) file: SourceFile,
    pub(crate) decls: ModuleDecls,
    pub(crate) diags: Vec<Diagnostic>,
}

impl<'db> DeclBuilder<'db> {
    fn resolver(&self) -> TypeExprResolver<'db> {
        TypeExprResolver::reporting(self.db, self.file)
    }

    /// Declares the classes and functions of a statement list at module level (prefix
    /// `""`) or in a class body (prefix `"C."`, `class_ty` the class).
    pub(crate) fn declare_suite(
        &mut self,
        stmts: &[ast::Stmt],
        prefix: &str,
        class: Option<(ClassId, Ty)>,
    ) {
        for stmt in stmts {
            match stmt {
                ast::Stmt::ClassDef(c) => {
                    let qualname = format!("{prefix}{}", c.name);
                    self.declare_class(c, &qualname);
                }
                ast::Stmt::FunctionDef(f) => {
                    let qualname = format!("{prefix}{}", f.name);
                    self.declare_function(function::FunctionSyntax::from_def(f), &qualname, class);
                    self.declare_local_classes(&f.body, &qualname);
                }
                ast::Stmt::AsyncFunctionDef(f) => {
                    let qualname = format!("{prefix}{}", f.name);
                    self.declare_function(
                        function::FunctionSyntax::from_async_def(f),
                        &qualname,
                        class,
                    );
                    self.declare_local_classes(&f.body, &qualname);
                }
                ast::Stmt::If(s) => {
                    self.declare_suite(&s.body, prefix, class);
                    self.declare_suite(&s.orelse, prefix, class);
                }
                ast::Stmt::Try(s) => {
                    self.declare_suite(&s.body, prefix, class);
                    for handler in &s.handlers {
                        let ast::ExceptHandler::ExceptHandler(h) = handler;
                        self.declare_suite(&h.body, prefix, class);
                    }
                    self.declare_suite(&s.orelse, prefix, class);
                    self.declare_suite(&s.finalbody, prefix, class);
                }
                ast::Stmt::With(s) => self.declare_suite(&s.body, prefix, class),
                _ => {}
            }
        }
    }

    /// Declares the classes defined in a function's body (not in nested functions) as
    /// `function.<locals>.Name`, as Python names them: a class is declared from its own
    /// body, wherever it sits.
    fn declare_local_classes(&mut self, body: &[ast::Stmt], function: &str) {
        let mut classes = Vec::new();
        crate::index::for_each_stmt(body, &mut |stmt| {
            if let ast::Stmt::ClassDef(c) = stmt {
                classes.push(c);
            }
        });
        for c in classes {
            let qualname = format!("{function}.<locals>.{}", c.name);
            // Bases and annotations may name the function's locals, which declarations
            // cannot see: they are unknown here (a base becomes dynamic), and inference
            // reports what is really wrong with them.
            let before = self.diags.len();
            self.declare_class(c, &qualname);
            self.diags.truncate(before);
        }
    }

    /// Declares the module-level names.
    fn declare_globals(&mut self) {
        let db = self.db;
        let symbols = symbols::module_symbols(db, self.file);
        self.decls.star_imports = symbols.star_imports.clone().into_boxed_slice();
        for (name, def) in &symbols.defs {
            let res = names::resolve_global(db, self.file, name);
            let mut global = GlobalDecl {
                ty: Ty::unknown(),
                res: res.clone(),
                declared: false,
                is_final: false,
                import: None,
            };
            match def {
                symbols::SymbolDef::Class => {
                    global.ty = Ty::class_object(ClassId::new(self.file, name), Vec::new());
                }
                symbols::SymbolDef::Function => {
                    global.ty = self
                        .decls
                        .functions
                        .get(name)
                        .map_or_else(Ty::unknown, |f| f.value);
                }
                symbols::SymbolDef::Module { module } => {
                    global.ty = Ty::module(module, crate::resolve::resolve_module(db, module));
                }
                symbols::SymbolDef::ImportFrom {
                    module,
                    name: imported,
                } => {
                    global.ty = value_of_res(&res);
                    if global.ty.is_unknown()
                        && !matches!(res, NameRes::Dynamic | NameRes::Unresolved)
                    {
                        global.import = Some((module.clone(), imported.clone()));
                    }
                    // Static Python hook: values from non-static modules are dynamic.
                    if crate::rules::static_python::hooks::import_is_dynamic(
                        db, self.file, module, &res,
                    ) {
                        global.ty = Ty::unknown();
                        global.import = None;
                    }
                }
                symbols::SymbolDef::Variable { annotation, value } => {
                    let mut resolver = self.resolver();
                    match annotation {
                        Some(annotation) if !matches!(res, NameRes::Alias(_)) => {
                            let ann = resolver.annotation(annotation);
                            global.declared = !ann.bare_final;
                            global.is_final = ann.is_final;
                            global.ty = if ann.bare_final {
                                value.as_deref().map_or_else(Ty::unknown, |v| {
                                    shallow::value_type(db, self.file, v, &[], true)
                                })
                            } else {
                                ann.ty
                            };
                            // Static Python hook: a `Final` constant with a literal value
                            // is inlined, so its uses have the literal's type.
                            if ann.is_final
                                && let Some(v) = value.as_deref()
                                && let Some(ty) =
                                    crate::rules::static_python::hooks::final_constant_type(
                                        db, self.file, global.ty, v,
                                    )
                            {
                                global.ty = ty;
                            }
                        }
                        _ => {
                            global.ty = match (&res, value.as_deref()) {
                                // Static Python hook: an alias of a class (`CheckedDict =
                                // chkdict`) is that class as a value.
                                (NameRes::Alias(alias), _) => match alias.kind() {
                                    crate::types::TyKind::Instance(c) if c.args.is_empty() => {
                                        Ty::class_object(c.class, Vec::new())
                                    }
                                    // `size_t = uint64`: the primitive's class.
                                    crate::types::TyKind::Primitive(p) => {
                                        crate::rules::static_python::hooks::primitive_class_object(
                                            db, *p,
                                        )
                                    }
                                    _ => Ty::unknown(),
                                },
                                (NameRes::TypeVar(_), _) => Ty::unknown(),
                                (NameRes::Class(c), Some(ast::Expr::Call(call)))
                                    if c.file() == self.file =>
                                {
                                    self.declare_functional_class(name, call)
                                }
                                (_, Some(v)) => shallow::value_type(db, self.file, v, &[], false),
                                (_, None) => Ty::unknown(),
                            };
                        }
                    }
                    self.diags.append(&mut resolver.diags);
                }
            }
            self.decls.globals.insert(name.clone(), global);
        }
    }
}

/// The value type of an imported name whose meaning is known without inference.
fn value_of_res(res: &NameRes) -> Ty {
    match res {
        NameRes::Class(class) => Ty::class_object(*class, Vec::new()),
        NameRes::Module(name, file) => Ty::module(name, *file),
        NameRes::Special(form) => Ty::special_form(*form),
        _ => Ty::unknown(),
    }
}
