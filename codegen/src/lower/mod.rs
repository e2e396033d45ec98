//! Lowering: from a parsed (and, for `compile_module`, checked) module to code objects.
//!
//! Input: statements of a module, or an expression (`eval`), and the source text (for line
//! and column numbers). Output: a [`CodeObject`] per module, built by one [`Compiler`] that
//! keeps a stack of [`Unit`]s (one per function, class, lambda or comprehension being
//! compiled). The instruction sequences follow CPython 3.11's `Python/compile.c` so that
//! tracebacks, `dis` output and stack depths match; each family of constructs is a
//! submodule: `stmt`, `control` (loops, try, with, unwinding), `expr`, `call`, `function`
//! (defs, lambdas, classes, comprehensions), `pattern` (match), `constants`.

mod call;
mod constants;
mod control;
mod expr;
mod function;
mod location;
mod pattern;
mod static_facts;
mod static_lower;
mod stmt;
pub(crate) mod symtable;

use std::collections::HashMap;
use std::sync::Arc;

use indexmap::IndexSet;
use rustpython_ast::text_size::TextRange;
use rustpython_ast::{self as ast};

use crate::error::CodegenError;
use crate::format::code_object::flags;
use crate::format::line_table::Location;
use crate::format::{CodeObject, ConstKey, Constant, Opcode};
use crate::ir::{Block, Instr, Label, Op};
use location::LineStarts;
use symtable::{NameScope, ScopeKind, SymbolTable};

/// What kind of code object a unit produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// A frame block: what `break`, `continue` and `return` must unwind (CPython's `fblockinfo`).
#[derive(Clone, Debug)]
pub(crate) enum FBlock<'a> {
    WhileLoop { start: Label, exit: Label },
    ForLoop { start: Label, exit: Label },
    TryExcept,
    FinallyTry { body: &'a [ast::Stmt] },
    FinallyEnd,
    With { loc: Location, is_async: bool },
    HandlerCleanup { name: Option<String> },
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

/// One code object under construction.
pub(crate) struct Unit<'a> {
    pub kind: UnitKind,
    pub scope: usize,
    pub name: String,
    pub qualname: String,
    pub blocks: Vec<Block>,
    /// Layout order of the blocks that were started.
    pub order: Vec<Label>,
    pub current: Label,
    pub consts: Vec<Constant>,
    const_index: HashMap<ConstKey, u32>,
    pub names: IndexSet<String>,
    pub varnames: IndexSet<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub firstlineno: u32,
    /// Location given to the next instructions.
    pub loc: Option<Location>,
    pub fblocks: Vec<FBlock<'a>>,
    pub private: Option<String>,
}

impl<'a> Unit<'a> {
    fn new(
        kind: UnitKind,
        scope: usize,
        name: &str,
        qualname: String,
        firstlineno: u32,
    ) -> Unit<'a> {
        Unit {
            kind,
            scope,
            name: name.to_string(),
            qualname,
            blocks: vec![Block::default()],
            order: vec![Label(0)],
            current: Label(0),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: IndexSet::new(),
            varnames: IndexSet::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            firstlineno,
            loc: None,
            fblocks: Vec::new(),
            private: None,
        }
    }
}

/// How source given to [`crate::compile_source`] is compiled (the `mode` of `compile()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: `exec`.
    Exec,
    /// A single expression whose value is returned: `eval`.
    Eval,
    /// One interactive statement; expression values are printed: `single`.
    Single,
}

/// The compiler: a symbol table, the source's line starts, and the stack of units.
pub(crate) struct Compiler<'a> {
    pub table: SymbolTable,
    pub lines: LineStarts,
    pub source: &'a str,
    pub filename: String,
    pub units: Vec<Unit<'a>>,
    pub future_annotations: bool,
    pub interactive: bool,
    /// The checker's facts when compiling a static module.
    pub st: Option<Box<static_facts::StaticInfo>>,
    /// A static module's top-level functions (the bodies of `@inline` functions).
    pub st_functions: HashMap<String, &'a ast::StmtFunctionDef>,
}

pub(crate) type Result<T> = std::result::Result<T, CodegenError>;

impl<'a> Compiler<'a> {
    pub(crate) fn new(source: &'a str, filename: &str, table: SymbolTable) -> Compiler<'a> {
        Compiler {
            table,
            lines: LineStarts::new(source),
            source,
            filename: filename.to_string(),
            units: Vec::new(),
            future_annotations: false,
            interactive: false,
            st: None,
            st_functions: HashMap::new(),
        }
    }

    // ----- units -----

    pub(crate) fn unit(&mut self) -> &mut Unit<'a> {
        // Invariant: a unit is pushed before any instruction is emitted.
        let last = self.units.len().saturating_sub(1);
        &mut self.units[last]
    }

    pub(crate) fn unit_ref(&self) -> &Unit<'a> {
        let last = self.units.len().saturating_sub(1);
        &self.units[last]
    }

    pub(crate) fn scope(&self) -> &symtable::Scope {
        &self.table.scopes[self.unit_ref().scope]
    }

    pub(crate) fn enter_unit(
        &mut self,
        kind: UnitKind,
        scope: usize,
        name: &str,
        qualname: String,
        firstlineno: u32,
    ) {
        let mut unit = Unit::new(kind, scope, name, qualname, firstlineno);
        let s = &self.table.scopes[scope];
        unit.cellvars = s.cellvars();
        unit.freevars = s.freevars();
        for p in &s.params {
            unit.varnames.insert(p.clone());
        }
        unit.private = match kind {
            UnitKind::Class => Some(name.to_string()),
            _ => self.units.last().and_then(|u| u.private.clone()),
        };
        if matches!(
            kind,
            UnitKind::Function | UnitKind::Lambda | UnitKind::Comprehension
        ) {
            unit.flags |= flags::OPTIMIZED | flags::NEWLOCALS;
            if s.nested {
                unit.flags |= flags::NESTED;
            }
            match (s.is_generator, s.is_coroutine) {
                (true, false) => unit.flags |= flags::GENERATOR,
                (false, true) => unit.flags |= flags::COROUTINE,
                (true, true) => unit.flags |= flags::ASYNC_GENERATOR,
                _ => {}
            }
        }
        if self.future_annotations {
            unit.flags |= flags::FUTURE_ANNOTATIONS;
        }
        self.units.push(unit);
        // The first instruction: RESUME 0 at the definition's first line (line 0 for a module).
        let line = if kind == UnitKind::Module {
            0
        } else {
            firstlineno
        };
        self.unit().loc = Some(Location {
            line,
            end_line: firstlineno,
            col: Some(0),
            end_col: Some(0),
        });
        self.emit(Opcode::RESUME, 0);
    }

    /// Finishes the innermost unit and assembles it.
    pub(crate) fn leave_unit(&mut self) -> Result<CodeObject> {
        let unit = self
            .units
            .pop()
            .ok_or_else(|| CodegenError::Bug("no unit to leave".into()))?;
        crate::assemble::assemble(unit, &self.filename, &self.table)
    }

    // ----- blocks -----

    pub(crate) fn new_block(&mut self) -> Label {
        let unit = self.unit();
        unit.blocks.push(Block::default());
        Label(unit.blocks.len() as u32 - 1)
    }

    /// Makes `label` the current block, placed after the current one.
    pub(crate) fn use_block(&mut self, label: Label) {
        let unit = self.unit();
        unit.order.push(label);
        unit.current = label;
    }

    pub(crate) fn next_block(&mut self) {
        let label = self.new_block();
        self.use_block(label);
    }

    // ----- emission -----

    fn push(&mut self, instr: Instr) {
        let needs_new = {
            let unit = self.unit_ref();
            let block = &unit.blocks[unit.current.0 as usize];
            block
                .last()
                .is_some_and(|last| last.op.is_jump() || !last.op.falls_through())
        };
        if needs_new {
            self.next_block();
        }
        let unit = self.unit();
        let current = unit.current.0 as usize;
        unit.blocks[current].instrs.push(instr);
    }

    pub(crate) fn emit(&mut self, op: Opcode, arg: u32) {
        let loc = self.unit_ref().loc;
        self.push(Instr {
            op: Op::Real(op),
            arg,
            target: None,
            loc,
        });
    }

    /// An instruction with no location of its own (CPython's `UNSET_LOC`/`_NOLINE`).
    pub(crate) fn emit_noline(&mut self, op: Opcode, arg: u32) {
        self.push(Instr {
            op: Op::Real(op),
            arg,
            target: None,
            loc: None,
        });
    }

    pub(crate) fn emit_jump(&mut self, op: Op, target: Label) {
        let loc = self.unit_ref().loc;
        self.push(Instr {
            op,
            arg: 0,
            target: Some(target),
            loc,
        });
    }

    pub(crate) fn emit_jump_noline(&mut self, op: Op, target: Label) {
        self.push(Instr {
            op,
            arg: 0,
            target: Some(target),
            loc: None,
        });
    }

    pub(crate) fn emit_op(&mut self, op: Op) {
        let loc = self.unit_ref().loc;
        self.push(Instr {
            op,
            arg: 0,
            target: None,
            loc,
        });
    }

    pub(crate) fn add_const(&mut self, value: Constant) -> u32 {
        let unit = self.unit();
        let key = value.identity_key();
        if let Some(i) = unit.const_index.get(&key) {
            return *i;
        }
        let index = unit.consts.len() as u32;
        unit.consts.push(value);
        unit.const_index.insert(key, index);
        index
    }

    pub(crate) fn load_const(&mut self, value: Constant) {
        let index = self.add_const(value);
        self.emit(Opcode::LOAD_CONST, index);
    }

    pub(crate) fn load_code(&mut self, code: CodeObject) {
        let index = self.add_const(Constant::Code(Arc::new(code)));
        self.emit(Opcode::LOAD_CONST, index);
    }

    pub(crate) fn mangle(&self, name: &str) -> String {
        symtable::mangle(self.unit_ref().private.as_deref(), name)
    }

    /// Index of `name` (mangled) in `co_names`.
    pub(crate) fn name_index(&mut self, name: &str) -> u32 {
        let mangled = self.mangle(name);
        self.unit().names.insert_full(mangled).0 as u32
    }

    /// Index of `name` (not mangled) in `co_names`.
    pub(crate) fn raw_name_index(&mut self, name: &str) -> u32 {
        self.unit().names.insert_full(name.to_string()).0 as u32
    }

    pub(crate) fn emit_name(&mut self, op: Opcode, name: &str) {
        let index = self.name_index(name);
        self.emit(op, index);
    }

    pub(crate) fn set_loc(&mut self, range: TextRange) {
        let loc = self.location(range);
        self.unit().loc = Some(loc);
    }

    pub(crate) fn unset_loc(&mut self) {
        self.unit().loc = None;
    }

    pub(crate) fn location(&self, range: TextRange) -> Location {
        self.lines.location(range)
    }

    /// Index of a cell or free variable, in CPython's compile-time numbering: cells first,
    /// then free variables (`assemble` turns it into a `localsplus` index).
    fn deref_index(&mut self, name: &str) -> Result<u32> {
        let unit = self.unit_ref();
        if let Some(i) = unit.cellvars.iter().position(|c| c == name) {
            return Ok(i as u32);
        }
        if let Some(i) = unit.freevars.iter().position(|c| c == name) {
            return Ok((unit.cellvars.len() + i) as u32);
        }
        Err(CodegenError::Bug(format!(
            "'{name}' is neither a cell nor a free variable"
        )))
    }

    /// Loads, stores or deletes a name (CPython's `compiler_nameop`).
    pub(crate) fn nameop(&mut self, name: &str, ctx: NameCtx) -> Result<()> {
        if ctx == NameCtx::Load
            && let Some(index) = self.st.as_ref().and_then(|st| st.subst.get(name).copied())
        {
            self.emit(Opcode::LOAD_FAST, index);
            return Ok(());
        }
        let mangled = self.mangle(name);
        let scope = self.scope();
        let function_like = scope.is_function_like();
        let is_class = scope.kind == ScopeKind::Class;
        let mut name_scope = scope.scope_of(&mangled);
        if name == "__debug__" && ctx == NameCtx::Load {
            self.load_const(Constant::Bool(true));
            return Ok(());
        }
        if is_class && name_scope == NameScope::Unknown && mangled == "__class__" {
            name_scope = NameScope::Unknown;
        }
        match name_scope {
            NameScope::Free | NameScope::Cell => {
                let index = self.deref_index(&mangled)?;
                let op = match ctx {
                    NameCtx::Load if is_class => Opcode::LOAD_CLASSDEREF,
                    NameCtx::Load => Opcode::LOAD_DEREF,
                    NameCtx::Store => Opcode::STORE_DEREF,
                    NameCtx::Del => Opcode::DELETE_DEREF,
                };
                self.emit(op, index);
            }
            NameScope::Local if function_like => {
                let index = self.unit().varnames.insert_full(mangled).0 as u32;
                let op = match ctx {
                    NameCtx::Load => Opcode::LOAD_FAST,
                    NameCtx::Store => Opcode::STORE_FAST,
                    NameCtx::Del => Opcode::DELETE_FAST,
                };
                self.emit(op, index);
            }
            NameScope::GlobalExplicit | NameScope::GlobalImplicit
                if function_like || name_scope == NameScope::GlobalExplicit =>
            {
                let index = self.raw_name_index(&mangled);
                match ctx {
                    NameCtx::Load => self.emit(Opcode::LOAD_GLOBAL, index << 1),
                    NameCtx::Store => self.emit(Opcode::STORE_GLOBAL, index),
                    NameCtx::Del => self.emit(Opcode::DELETE_GLOBAL, index),
                }
            }
            _ => {
                let index = self.raw_name_index(&mangled);
                let op = match ctx {
                    NameCtx::Load => Opcode::LOAD_NAME,
                    NameCtx::Store => Opcode::STORE_NAME,
                    NameCtx::Del => Opcode::DELETE_NAME,
                };
                self.emit(op, index);
            }
        }
        Ok(())
    }

    pub(crate) fn syntax_error(
        &self,
        message: impl Into<String>,
        range: TextRange,
    ) -> CodegenError {
        CodegenError::Syntax {
            message: message.into(),
            location: Some(self.location(range)),
        }
    }

    pub(crate) fn unsupported(&self, what: &str, range: TextRange) -> CodegenError {
        CodegenError::Unsupported {
            what: what.to_string(),
            location: Some(self.location(range)),
        }
    }

    /// The source text of `range` (annotations under `from __future__ import annotations`).
    pub(crate) fn source_text(&self, range: TextRange) -> String {
        let start = u32::from(range.start()) as usize;
        let end = u32::from(range.end()) as usize;
        self.source.get(start..end).unwrap_or("").to_string()
    }
}

/// The context of a name operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameCtx {
    Load,
    Store,
    Del,
}

/// Whether the statements start with `from __future__ import annotations`.
fn has_future_annotations(body: &[ast::Stmt]) -> bool {
    for (i, stmt) in body.iter().enumerate() {
        match stmt {
            ast::Stmt::Expr(e)
                if i == 0
                    && matches!(e.value.as_ref(), ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Str(_))) =>
                {}
            ast::Stmt::ImportFrom(f) if f.module.as_deref() == Some("__future__") => {
                if f.names.iter().any(|a| a.name.as_str() == "annotations") {
                    return true;
                }
            }
            _ => return false,
        }
    }
    false
}

/// Compiles a module's statements.
pub(crate) fn compile_statements(
    body: &[ast::Stmt],
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<CodeObject> {
    let table = symtable::build(body, None)?;
    let mut compiler = Compiler::new(source, filename, table);
    compiler.future_annotations = has_future_annotations(body);
    compiler.interactive = mode == Mode::Single;
    compiler.enter_unit(UnitKind::Module, 0, "<module>", "<module>".to_string(), 1);
    compiler.module_body(body)?;
    compiler.leave_unit()
}

/// Compiles a static module with the checker's facts; `names` is `(checked name, runtime
/// name)` of the module.
pub(crate) fn compile_static_statements<'a>(
    body: &'a [ast::Stmt],
    source: &'a str,
    filename: &str,
    facts: &cinder_checker::StaticFacts,
    names: (String, String),
) -> Result<CodeObject> {
    let table = symtable::build(body, None)?;
    let mut compiler = Compiler::new(source, filename, table);
    compiler.future_annotations = has_future_annotations(body);
    let mut info = static_facts::StaticInfo::new(facts, Some(names));
    for stmt in body {
        if let ast::Stmt::AnnAssign(a) = stmt
            && let (ast::Expr::Name(n), Some(value)) = (a.target.as_ref(), a.value.as_deref())
            && let Some(c) = constants::fold(value)
        {
            info.final_values.insert(n.id.to_string(), c);
        }
        if let ast::Stmt::FunctionDef(f) = stmt {
            compiler.st_functions.insert(f.name.to_string(), f);
        }
        if let ast::Stmt::ClassDef(c) = stmt {
            let has_init = c
                .body
                .iter()
                .any(|s| matches!(s, ast::Stmt::FunctionDef(f) if f.name.as_str() == "__init__"));
            if has_init {
                info.classes_with_init.insert(c.name.to_string());
            }
        }
    }
    compiler.st = Some(Box::new(info));
    compiler.enter_unit(UnitKind::Module, 0, "<module>", "<module>".to_string(), 1);
    if let Some(first) = body.first() {
        compiler.set_loc(ast::Ranged::range(first));
    }
    compiler.emit_final_constants(body)?;
    compiler.module_body(body)?;
    let mut code = compiler.leave_unit()?;
    code.flags |= flags::STATIC;
    Ok(code)
}

/// Compiles an `eval` expression.
pub(crate) fn compile_expression(
    expr: &ast::Expr,
    source: &str,
    filename: &str,
) -> Result<CodeObject> {
    let table = symtable::build(&[], Some(expr))?;
    let mut compiler = Compiler::new(source, filename, table);
    compiler.enter_unit(UnitKind::Module, 0, "<module>", "<module>".to_string(), 1);
    compiler.visit_expr(expr)?;
    compiler.emit(Opcode::RETURN_VALUE, 0);
    compiler.leave_unit()
}
