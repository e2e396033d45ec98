//! The inference walker's state: frames (one per active scope), the flow state of each
//! frame (a binding per local symbol, narrowed places, reachability), name lookup, and
//! the recorded results.

use rustpython_parser::ast;

use crate::db::{Db, SourceFile};
use crate::declare::{ModuleDecls, TypeExprResolver, module_declarations};
use crate::diagnostics::{Code, Diagnostic, Span, codes};
use crate::index::ScopeSymbols;
use crate::infer::{CallTarget, Inference, UnitSyntax};
use crate::resolve::resolve_module;
use crate::types::class::join;
use crate::types::{SpecialForm, Ty, TyKind};

/// A local's type on the current path, and whether some path leaves it unassigned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Binding {
    pub ty: Ty,
    pub maybe_unbound: bool,
}

/// The flow state of a frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct State {
    /// One entry per symbol of the frame; `None`: unbound on every path.
    pub vars: Vec<Option<Binding>>,
    /// Narrowed types of dotted places (`self.x`, or names of enclosing scopes).
    pub places: Vec<(Box<str>, Ty)>,
    pub reachable: bool,
}

impl State {
    pub fn new(len: usize) -> Self {
        Self {
            vars: vec![None; len],
            places: Vec::new(),
            reachable: true,
        }
    }

    pub fn unreachable(&self) -> Self {
        Self {
            vars: self.vars.clone(),
            places: Vec::new(),
            reachable: false,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FrameKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// The break and continue states of a loop being walked.
#[derive(Default)]
pub(super) struct LoopCtx {
    pub breaks: Vec<State>,
    pub continues: Vec<State>,
}

/// One active scope.
pub(super) struct Frame<'a> {
    pub kind: FrameKind,
    pub symbols: ScopeSymbols<'a>,
    pub declared: Vec<Option<Ty>>,
    pub state: State,
    /// The declared return type of a function frame (`None`: unannotated).
    pub ret: Option<Ty>,
    pub is_generator: bool,
    pub loops: Vec<LoopCtx>,
    /// The class a method frame belongs to.
    pub class: Option<crate::types::ClassId>,
    /// For each enclosing `try` body: the states an exception may leave it in.
    pub try_states: Vec<Vec<State>>,
    /// The implicit `self`/`cls` of a method with no annotation at all: attributes it
    /// lacks are not reported (mixins and abstract bases use attributes that their
    /// subclasses define; unannotated code never produces errors on its own).
    pub implicit_self: Option<&'a str>,
    /// The name of a function frame's function (`__init__` may assign `Final` attributes).
    pub func_name: &'a str,
    /// The qualified name of a declared function frame's function (local classes are
    /// declared as `function.<locals>.Name`).
    pub func_qualname: Option<&'static str>,
}

impl<'a> Frame<'a> {
    pub fn new(kind: FrameKind, symbols: ScopeSymbols<'a>) -> Self {
        let len = symbols.names.len();
        Self {
            kind,
            symbols,
            declared: vec![None; len],
            state: State::new(len),
            ret: None,
            is_generator: false,
            loops: Vec::new(),
            class: None,
            try_states: Vec::new(),
            implicit_self: None,
            func_name: "",
            func_qualname: None,
        }
    }
}

/// The inference walker.
pub(crate) struct Infer<'db, 'a> {
    pub db: &'db dyn Db,
    pub file: SourceFile,
    pub decls: &'db ModuleDecls,
    pub frames: Vec<Frame<'a>>,
    pub types: crate::types::fxhash::FxHashMap<Span, Ty>,
    pub calls: Vec<(Span, CallTarget)>,
    pub diags: Vec<Diagnostic>,
    /// While positive (fixpoint passes over loops), diagnostics are not recorded.
    pub silent: u32,
    /// The qualified name of the class whose method this unit is.
    pub unit_class: Option<Box<str>>,
    /// How many enclosing `try` bodies catch `ImportError` (imports there are optional).
    pub import_guards: u32,
    /// Subtracted from every recorded span (a function unit's start).
    pub base: u32,
    /// Errors met while matching calls (counted even when silent: overloads use it).
    pub call_errors: u32,
    /// The methods of the class body walked last, with their spans (override checks).
    pub last_class_defs: Vec<(Box<str>, Span)>,
    /// Static Python hook: whether this module starts with `import __static__`.
    pub static_module: bool,
}

impl<'db, 'a> Infer<'db, 'a> {
    fn new(db: &'db dyn Db, file: SourceFile) -> Self {
        let decls: &'db ModuleDecls = module_declarations(db, file);
        Self {
            db,
            file,
            decls,
            frames: Vec::new(),
            types: Default::default(),
            calls: Vec::new(),
            diags: Vec::new(),
            silent: 0,
            unit_class: None,
            call_errors: 0,
            base: 0,
            import_guards: 0,
            last_class_defs: Vec::new(),
            static_module: crate::rules::static_python::is_static_module(db, file),
        }
    }

    fn finish(self) -> Inference {
        let base = self.base;
        let shift = |s: Span| Span::new(s.start.saturating_sub(base), s.end.saturating_sub(base));
        let mut expr_types: Vec<(Span, Ty)> =
            self.types.into_iter().map(|(s, t)| (shift(s), t)).collect();
        expr_types.sort_unstable_by_key(|(s, _)| *s);
        let mut calls: Vec<(Span, CallTarget)> =
            self.calls.into_iter().map(|(s, c)| (shift(s), c)).collect();
        calls.sort_by_key(|(s, _)| *s);
        calls.dedup_by_key(|(s, _)| *s);
        let mut diags = self.diags;
        if base > 0 {
            for diag in &mut diags {
                diag.span = shift(diag.span);
                for label in &mut diag.labels {
                    if label.path.is_none() {
                        label.span = shift(label.span);
                    }
                }
            }
        }
        diags.sort_by_key(|d| (d.span.start, d.span.end));
        diags.dedup();
        Inference {
            expr_types: expr_types.into_boxed_slice(),
            calls: calls.into_boxed_slice(),
            diagnostics: diags.into_boxed_slice(),
        }
    }

    pub(super) fn run_module(
        db: &'db dyn Db,
        file: SourceFile,
        suite: &'a [ast::Stmt],
    ) -> Inference {
        let mut infer = Infer::new(db, file);
        let mut frame = Frame::new(FrameKind::Module, ScopeSymbols::of_body(suite));
        for (i, (name, _)) in frame.symbols.names.iter().enumerate() {
            if let Some(global) = infer.decls.globals.get(*name)
                && global.declared
            {
                frame.declared[i] = Some(global.ty);
            }
        }
        infer.frames.push(frame);
        infer.stmts(suite);
        infer.finish()
    }

    pub(super) fn run_function(
        db: &'db dyn Db,
        file: SourceFile,
        qualname: &str,
        stmt: &'a ast::Stmt,
        syntax: &UnitSyntax,
    ) -> Inference {
        let mut infer = Infer::new(db, file);
        infer.unit_class = syntax.class.clone();
        infer.base = syntax.offset;
        let func = infer
            .decls
            .functions
            .get(qualname)
            .map(|f| f.func)
            .filter(|f| same_params(*f, stmt));
        infer.function_body(stmt, func);
        infer.finish()
    }

    // ---- results ----------------------------------------------------------------

    pub fn record(&mut self, span: Span, ty: Ty) {
        self.types.insert(span, ty);
    }

    pub fn report(&mut self, code: Code, span: Span, message: impl Into<String>) {
        if self.silent > 0 || !self.frame().state.reachable {
            return;
        }
        self.diags.push(Diagnostic::new(code, span, message));
    }

    pub fn report_diag(&mut self, diag: Diagnostic) {
        if self.silent > 0 || !self.frame().state.reachable {
            return;
        }
        self.diags.push(diag);
    }

    // ---- frames and state ---------------------------------------------------------

    pub fn frame(&self) -> &Frame<'a> {
        match self.frames.last() {
            Some(frame) => frame,
            None => unreachable!("inference always has a frame"),
        }
    }

    pub fn frame_mut(&mut self) -> &mut Frame<'a> {
        match self.frames.last_mut() {
            Some(frame) => frame,
            None => unreachable!("inference always has a frame"),
        }
    }

    pub fn state(&self) -> &State {
        &self.frame().state
    }

    pub fn set_state(&mut self, state: State) {
        self.frame_mut().state = state;
    }

    pub fn take_state(&mut self) -> State {
        self.frame().state.clone()
    }

    /// The join of two flow states.
    pub fn merge(&self, a: &State, b: &State) -> State {
        if !a.reachable {
            return b.clone();
        }
        if !b.reachable {
            return a.clone();
        }
        let vars = a
            .vars
            .iter()
            .zip(&b.vars)
            .map(|(x, y)| match (x, y) {
                (Some(x), Some(y)) => Some(Binding {
                    ty: join(self.db, x.ty, y.ty),
                    maybe_unbound: x.maybe_unbound || y.maybe_unbound,
                }),
                (Some(x), None) | (None, Some(x)) => Some(Binding {
                    ty: x.ty,
                    maybe_unbound: true,
                }),
                (None, None) => None,
            })
            .collect();
        let places = a
            .places
            .iter()
            .filter_map(|(k, t)| {
                b.places
                    .iter()
                    .find(|(k2, _)| k2 == k)
                    .map(|(_, t2)| (k.clone(), join(self.db, *t, *t2)))
            })
            .collect();
        State {
            vars,
            places,
            reachable: true,
        }
    }

    pub fn merge_all(&self, states: &[State]) -> State {
        let mut iter = states.iter();
        let Some(first) = iter.next() else {
            let len = self.frame().symbols.names.len();
            return State {
                reachable: false,
                ..State::new(len)
            };
        };
        let mut out = first.clone();
        for s in iter {
            out = self.merge(&out, s);
        }
        out
    }

    pub fn mark_unreachable(&mut self) {
        let state = self.state().unreachable();
        self.set_state(state);
    }

    // ---- names ----------------------------------------------------------------------

    /// Binds a local name of the current frame (after checking the declared type).
    pub fn bind_name(&mut self, name: &str, ty: Ty) {
        let frame = self.frame_mut();
        if let Some(id) = frame.symbols.id(name)
            && let Some(slot) = frame.state.vars.get_mut(id)
        {
            *slot = Some(Binding {
                ty,
                maybe_unbound: false,
            });
        }
        if !frame.state.places.is_empty() {
            frame.state.places.retain(|(k, _)| {
                &**k != name
                    && !(k.starts_with(name) && k.as_bytes().get(name.len()) == Some(&b'.'))
            });
        }
    }

    /// Whether `expr` is the implicit `self`/`cls` of the innermost unannotated method.
    pub fn is_implicit_self(&self, expr: &ast::Expr) -> bool {
        let ast::Expr::Name(name) = expr else {
            return false;
        };
        self.frames
            .iter()
            .rev()
            .find(|f| f.kind == FrameKind::Function)
            .and_then(|f| f.implicit_self)
            .is_some_and(|s| s == name.id.as_str())
    }

    /// The declared type of a local of the current frame.
    pub fn declared_type(&self, name: &str) -> Option<Ty> {
        let frame = self.frame();
        let id = frame.symbols.id(name)?;
        frame.declared.get(id).copied().flatten()
    }

    /// Whether `name` is a local of the frame at `index`.
    fn is_local_in(&self, index: usize, name: &str) -> bool {
        self.frames[index]
            .symbols
            .names
            .get(name)
            .is_some_and(|info| info.flags.is_local())
    }

    fn is_global_in(&self, index: usize, name: &str) -> bool {
        self.frames[index]
            .symbols
            .names
            .get(name)
            .is_some_and(|info| info.flags.contains(crate::index::SymbolFlags::GLOBAL))
    }

    /// The type of a name being read, reporting unbound and unresolved names.
    pub fn load_name(&mut self, name: &str, span: Span) -> Ty {
        if let Some((_, ty)) = self.state().places.iter().find(|(k, _)| &**k == name) {
            return *ty;
        }
        let top = self.frames.len() - 1;
        if self.is_global_in(top, name) {
            return self.global_or_builtin(name, span);
        }
        for index in (0..=top).rev() {
            let frame = &self.frames[index];
            // Class scopes are visible only to their own body.
            if frame.kind == FrameKind::Class && index != top {
                continue;
            }
            if !self.is_local_in(index, name) {
                continue;
            }
            let id = frame.symbols.id(name).unwrap_or(usize::MAX);
            let binding = frame.state.vars.get(id).copied().flatten();
            let declared = frame.declared.get(id).copied().flatten();
            if index != top {
                // An enclosing function's local: its type where the inner scope is defined.
                return binding
                    .map(|b| b.ty)
                    .or(declared)
                    .unwrap_or_else(Ty::unknown);
            }
            return match (binding, frame.kind) {
                (Some(b), _) => {
                    if b.maybe_unbound {
                        self.report(
                            codes::POSSIBLY_UNBOUND,
                            span,
                            format!("`{name}` may be unbound here"),
                        );
                    }
                    b.ty
                }
                (None, FrameKind::Module | FrameKind::Class) => self.global_or_builtin(name, span),
                (None, _) => {
                    self.report(
                        codes::UNBOUND_LOCAL,
                        span,
                        format!("local `{name}` is read before it is assigned"),
                    );
                    declared.unwrap_or_else(Ty::unknown)
                }
            };
        }
        self.global_or_builtin(name, span)
    }

    fn global_or_builtin(&mut self, name: &str, span: Span) -> Ty {
        if self
            .frames
            .first()
            .is_some_and(|f| f.kind == FrameKind::Module)
            && self.frames.len() > 1
        {
            // Inside a lambda, comprehension or class at module level: the module frame.
            let frame = &self.frames[0];
            if let Some(id) = frame.symbols.id(name)
                && let Some(Some(binding)) = frame.state.vars.get(id)
            {
                return binding.ty;
            }
        }
        if name == "reveal_type" && !self.decls.globals.contains_key(name) {
            return Ty::special_form(SpecialForm::RevealType);
        }
        if let Some(ty) = global_value(self.db, self.file, name, 0) {
            return ty;
        }
        if name == "reveal_type" {
            return Ty::special_form(SpecialForm::RevealType);
        }
        if matches!(
            name,
            "__name__" | "__file__" | "__doc__" | "__qualname__" | "__module__"
        ) {
            return crate::types::class::builtin_instance(self.db, "str", Vec::new());
        }
        if matches!(
            name,
            "__builtins__" | "__path__" | "__dict__" | "__spec__" | "__loader__" | "__package__"
        ) {
            return Ty::unknown();
        }
        self.report(
            codes::UNRESOLVED_NAME,
            span,
            format!("name `{name}` is not defined"),
        );
        Ty::unknown()
    }

    /// A resolver for annotations met while inferring (locals, casts, nested defs).
    pub fn resolver(&self) -> TypeExprResolver<'db> {
        let mut resolver = TypeExprResolver::with_decls(self.db, self.file, self.decls);
        if let Some(class) = self.current_class() {
            resolver.self_ty =
                crate::declare::class_decl(self.db, class).map(|d| d.self_instance());
        }
        resolver
    }

    pub fn current_class(&self) -> Option<crate::types::ClassId> {
        self.frames.iter().rev().find_map(|f| f.class).or_else(|| {
            self.unit_class
                .as_deref()
                .map(|q| crate::types::ClassId::new(self.file, q))
        })
    }

    /// Resolves an annotation in the current context, reporting its problems.
    pub fn annotation_type(&mut self, expr: &ast::Expr) -> crate::declare::Annotation {
        let mut resolver = self.resolver();
        let ann = resolver.annotation(expr);
        for diag in resolver.diags {
            self.report_diag(diag);
        }
        ann
    }
}

/// The type of module-level `name` of `file` as a value (following `from x import y`),
/// or of the builtin of that name.
pub fn global_value(db: &dyn Db, file: SourceFile, name: &str, depth: u32) -> Option<Ty> {
    if depth > 12 {
        return Some(Ty::unknown());
    }
    let decls = module_declarations(db, file);
    if let Some(global) = decls.globals.get(name) {
        if let Some((module, imported)) = &global.import {
            return Some(match resolve_module(db, module) {
                Some(target) => global_value(db, target, imported, depth + 1)
                    .or_else(|| {
                        let sub = format!("{module}.{imported}");
                        resolve_module(db, &sub).map(|f| Ty::module(&sub, Some(f)))
                    })
                    .unwrap_or_else(Ty::unknown),
                None => Ty::unknown(),
            });
        }
        return Some(global.ty);
    }
    for module in decls.star_imports.iter() {
        if let Some(target) = resolve_module(db, module)
            && let Some(ty) = global_value_no_builtins(db, target, name, depth + 1)
        {
            return Some(ty);
        }
    }
    let builtins = crate::declare::names::builtins_file(db)?;
    if builtins == file {
        return None;
    }
    match global_value(db, builtins, name, depth + 1) {
        None if !decls.star_imports.is_empty() => Some(Ty::unknown()),
        found => found,
    }
}

fn global_value_no_builtins(db: &dyn Db, file: SourceFile, name: &str, depth: u32) -> Option<Ty> {
    let decls = module_declarations(db, file);
    if decls.globals.contains_key(name) || !decls.star_imports.is_empty() {
        return global_value(db, file, name, depth);
    }
    None
}

/// Whether a type is a special form value.
pub fn special_form(ty: Ty) -> Option<SpecialForm> {
    match ty.kind() {
        TyKind::SpecialForm(form) => Some(*form),
        _ => None,
    }
}

/// Whether a declared function type has exactly the parameters of a `def` (a name
/// defined twice, like a property setter, has one declaration for several bodies).
fn same_params(func: Ty, stmt: &ast::Stmt) -> bool {
    let (TyKind::Function(f), Some(syntax)) = (
        func.kind(),
        crate::declare::function::FunctionSyntax::from_stmt(stmt),
    ) else {
        return false;
    };
    let args = syntax.args;
    let names: Vec<&str> = args
        .posonlyargs
        .iter()
        .chain(&args.args)
        .map(|a| a.def.arg.as_str())
        .chain(args.vararg.iter().map(|a| a.arg.as_str()))
        .chain(args.kwonlyargs.iter().map(|a| a.def.arg.as_str()))
        .chain(args.kwarg.iter().map(|a| a.arg.as_str()))
        .collect();
    names.len() == f.sig.params.len()
        && f.sig
            .params
            .iter()
            .zip(&names)
            .all(|(p, n)| p.name.as_deref() == Some(*n))
}
